// Missed calls: marking them seen, one or all.
import { request } from './api';
import { toasts } from './toasts.svelte';

export async function markSeen(sessionIds?: string[]): Promise<void> {
  const result = await request('missed:mark-seen', sessionIds ? { sessionIds } : {});
  if (!result.ok) toasts.show({ kind: 'error', title: 'Could not mark as seen', body: result.error.message });
}
