// Signing in and out and choosing the account: the requests, then a fresh copy of the board.
import type { ConsoleError, RequestArgs } from '../../../shared/ipc';
import type { Identity } from '../../../shared/live';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { live } from './live.svelte';
import { navigation } from './navigation.svelte';
import { resync } from './startup';
import { toasts } from './toasts.svelte';

type Outcome = { ok: true; identity: Identity } | { ok: false; error: ConsoleError };

function signedIn(identity: Identity): void {
  consoleMirror.state = { ...consoleMirror.state, identity };
  void resync();
}

export async function signIn(args: RequestArgs<'auth:sign-in'>): Promise<Outcome> {
  const result = await request('auth:sign-in', args);
  if (!result.ok) return result;
  signedIn(result.value);
  return { ok: true, identity: result.value };
}

export async function signInDemo(): Promise<Outcome> {
  const result = await request('auth:sign-in-demo', {});
  if (!result.ok) return result;
  signedIn(result.value);
  return { ok: true, identity: result.value };
}

/** Opens an account (one the agent typed: the server is asked whether it is theirs). */
export async function openAccount(accountId: string): Promise<Outcome> {
  const result = await request('auth:select-account', { accountId });
  if (!result.ok) return result;
  signedIn(result.value);
  return { ok: true, identity: result.value };
}

export async function selectAccount(accountId: string): Promise<void> {
  const outcome = await openAccount(accountId);
  if (!outcome.ok) toasts.show({ kind: 'error', title: 'Account not switched', body: outcome.error.message });
}

export async function signOut(): Promise<void> {
  const result = await request('auth:sign-out', {});
  if (!result.ok) {
    toasts.show({ kind: 'error', title: 'Sign out failed', body: result.error.message });
    return;
  }
  consoleMirror.state = { ...consoleMirror.state, identity: undefined, connection: { status: 'signed-out' } };
  live.clear();
  navigation.signedOut();
}
