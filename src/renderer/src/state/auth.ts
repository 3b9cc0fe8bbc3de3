// Signing in and out and choosing the account: the requests, then a fresh copy of the board.
import type { ConsoleError, RequestArgs } from '../../../shared/ipc';
import type { Identity } from '../../../shared/live';
import { t } from '../i18n/i18n.svelte';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { live } from './live.svelte';
import { navigation } from './navigation.svelte';
import { olderActivity } from './older-activity.svelte';
import { resync } from './startup';
import { toasts } from './toasts.svelte';

type Outcome = { ok: true; identity: Identity } | { ok: false; error: ConsoleError };

/** An answer naming who is signed in: mirrored, then a fresh copy of the board. */
async function signedIn(
  answer: Promise<{ ok: true; value: Identity } | { ok: false; error: ConsoleError }>,
): Promise<Outcome> {
  const result = await answer;
  if (!result.ok) return result;
  consoleMirror.state = { ...consoleMirror.state, identity: result.value };
  olderActivity.reset();
  void resync();
  return { ok: true, identity: result.value };
}

export function signIn(args: RequestArgs<'auth:sign-in'>): Promise<Outcome> {
  return signedIn(request('auth:sign-in', args));
}

export function signInDemo(): Promise<Outcome> {
  return signedIn(request('auth:sign-in-demo', {}));
}

/** Opens an account (one the agent typed: the server is asked whether it is theirs). */
export function openAccount(accountId: string): Promise<Outcome> {
  return signedIn(request('auth:select-account', { accountId }));
}

export async function selectAccount(accountId: string): Promise<void> {
  const outcome = await openAccount(accountId);
  if (!outcome.ok) toasts.show({ kind: 'error', title: t('toast.accountNotSwitched'), body: outcome.error.message });
}

export async function signOut(): Promise<void> {
  const result = await request('auth:sign-out', {});
  if (!result.ok) {
    toasts.show({ kind: 'error', title: t('toast.signOutFailed'), body: result.error.message });
    return;
  }
  consoleMirror.state = { ...consoleMirror.state, identity: undefined, connection: { status: 'signed-out' } };
  live.clear();
  navigation.signedOut();
}
