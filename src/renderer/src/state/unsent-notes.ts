// Unsent notes (failed or in conflict), also for calls no longer on the board: retry or discard each.
import type { ConsoleDataStatus } from '../../../shared/live';
import { announcer } from './announcer.svelte';
import { request } from './api';
import { toasts } from './toasts.svelte';

/** The notes the outbox holds and will not send by itself: failed, or in conflict. */
export function unsentNotes(statuses: Record<string, ConsoleDataStatus>): ConsoleDataStatus[] {
  return Object.values(statuses).filter((s) => s.state === 'failed' || s.state === 'conflict');
}

/** How the list names a call: who called, else the call id. */
export function callLabel(note: ConsoleDataStatus): string {
  return note.caller ?? `call ${note.sessionId}`;
}

/** Sends the note again as it is (over the other text, for a conflict). */
export async function retryNote(note: ConsoleDataStatus): Promise<void> {
  const result = await request('call:retry-console-data', { sessionId: note.sessionId });
  if (result.ok) announcer.say(`Sending the note for ${callLabel(note)} again.`);
  else toasts.show({ kind: 'error', title: 'Note not sent', body: result.error.message });
}

/** Forgets the note: the text on Evo Voice stays as it is. */
export async function discardNote(note: ConsoleDataStatus): Promise<void> {
  const result = await request('call:discard-console-data', { sessionId: note.sessionId });
  if (result.ok) announcer.say(`Discarded the note for ${callLabel(note)}.`);
  else toasts.show({ kind: 'error', title: 'Note not discarded', body: result.error.message });
}
