// Unsent notes (failed or in conflict), also for calls no longer on the board: retry or discard each.
import type { ConsoleDataStatus } from '../../../shared/live';
import { t } from '../i18n/i18n.svelte';
import { announcer } from './announcer.svelte';
import { request } from './api';
import { toasts } from './toasts.svelte';

/** The notes the outbox holds and will not send by itself: failed, or in conflict. */
export function unsentNotes(statuses: Record<string, ConsoleDataStatus>): ConsoleDataStatus[] {
  return Object.values(statuses).filter((s) => s.state === 'failed' || s.state === 'conflict');
}

/** How the list names a call: who called, else the call id. */
export function callLabel(note: ConsoleDataStatus): string {
  return note.caller ?? t('unsent.call', { id: note.sessionId });
}

/** Sends the note again as it is (over the other text, for a conflict). */
export async function retryNote(note: ConsoleDataStatus): Promise<void> {
  const result = await request('call:retry-console-data', { sessionId: note.sessionId });
  if (result.ok) announcer.say(t('unsent.sendingAgain', { caller: callLabel(note) }));
  else toasts.show({ kind: 'error', title: t('toast.noteNotSent'), body: result.error.message });
}

/** Forgets the note: the text on Evo Voice stays as it is. */
export async function discardNote(note: ConsoleDataStatus): Promise<void> {
  const result = await request('call:discard-console-data', { sessionId: note.sessionId });
  if (result.ok) announcer.say(t('unsent.discarded', { caller: callLabel(note) }));
  else toasts.show({ kind: 'error', title: t('toast.noteNotDiscarded'), body: result.error.message });
}
