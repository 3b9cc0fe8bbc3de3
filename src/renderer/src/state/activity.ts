// Missed calls: marking them seen, one or all.
import { t } from '../i18n/i18n.svelte';
import { request } from './api';
import { toasts } from './toasts.svelte';

export async function markSeen(sessionIds?: string[]): Promise<void> {
  const result = await request('missed:mark-seen', sessionIds ? { sessionIds } : {});
  if (!result.ok) toasts.show({ kind: 'error', title: t('toast.markSeenFailed'), body: result.error.message });
}
