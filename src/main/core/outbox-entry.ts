// What the outbox keeps on disk (one entry per call and owner, plus what it learned from the
// server's answers), the rules that tell someone else's change from a stale read or our own
// write, and the statuses the agent reads.
import type { SessionInfo } from '../../shared/evovoice';
import type { ConsoleDataStatus } from '../../shared/live';

export interface OutboxEntry {
  /** Server and user the note belongs to: only sent while they are signed in. */
  owner: string;
  sessionId: string;
  text: string;
  base: { value?: string; dateLastModified?: string };
  rev: number;
  conflict?: { theirs: string; theirsModified?: string };
  failed?: string;
  /** The last text written whose answer has not arrived (lost, or a crash): finding it on the server is our own write. */
  sent?: string;
  /** Who called, for the list of unsent notes once the call has left the board. */
  caller?: string;
}

export interface OutboxRecord {
  entries: OutboxEntry[];
  /**
   * The last note the server confirmed from this agent, per `noteKey` (agent and call): our own
   * write is not a conflict; another agent's on the same workstation is.
   */
  confirmed: Record<string, string>;
  /** Per `noteKey`, the server's `dateLastModified` in the answer to our last confirmed save. */
  confirmedAt: Record<string, string>;
  /** Per `noteKey`, the text our last confirmed save replaced: a read still showing it is stale. */
  replaced: Record<string, string>;
}

/** One agent's note on one call: the key of what the outbox learned from the server about it. */
export function noteKey(entry: Pick<OutboxEntry, 'owner' | 'sessionId'>): string {
  return JSON.stringify([entry.owner, entry.sessionId]);
}

/**
 * True when the server's note (`server`) was changed by someone else since the agent's edit
 * began: not the base the edit started from, not our own write, not a read older than our save.
 */
export function isConflict(record: OutboxRecord, entry: OutboxEntry, server: SessionInfo): boolean {
  const theirs = server.consoleData ?? '';
  if (entry.base.dateLastModified !== undefined && server.dateLastModified === entry.base.dateLastModified)
    return false;
  if (theirs === (entry.base.value ?? '') || theirs === entry.sent) return false;
  return record.confirmed[noteKey(entry)] !== theirs && !isStale(record, noteKey(entry), server);
}

/**
 * A read older than our last confirmed save (a lagging replica): by `dateLastModified` when both
 * are readable dates, else because it still shows the text that save replaced.
 */
function isStale(record: OutboxRecord, key: string, server: SessionInfo): boolean {
  const savedAt = Date.parse(record.confirmedAt[key] ?? '');
  const readAt = Date.parse(server.dateLastModified ?? '');
  if (!Number.isNaN(savedAt) && !Number.isNaN(readAt)) return readAt < savedAt;
  const replaced = record.replaced[key];
  return replaced !== undefined && (server.consoleData ?? '') === replaced;
}

/** An entry on its way to the server. */
export function pendingStatus(entry: OutboxEntry): ConsoleDataStatus {
  return { sessionId: entry.sessionId, state: 'saving', pending: entry.text };
}

/** An entry not being sent: in conflict, refused, or waiting its turn. */
export function restingStatus(entry: OutboxEntry): ConsoleDataStatus {
  if (entry.conflict) {
    return {
      sessionId: entry.sessionId,
      state: 'conflict',
      pending: entry.text,
      theirs: entry.conflict.theirs,
      ...(entry.conflict.theirsModified ? { theirsModified: entry.conflict.theirsModified } : {}),
      message: 'Someone else changed this note while you were editing: choose which text to keep.',
      ...(entry.caller ? { caller: entry.caller } : {}),
    };
  }
  if (entry.failed)
    return {
      sessionId: entry.sessionId,
      state: 'failed',
      pending: entry.text,
      message: entry.failed,
      ...(entry.caller ? { caller: entry.caller } : {}),
    };
  return {
    sessionId: entry.sessionId,
    state: 'waiting-for-network',
    pending: entry.text,
    message: 'Kept on this computer; waiting to be sent.',
  };
}
