// What the outbox keeps on disk (one entry per call and owner, plus what it learned from the
// server's answers), the rules that tell someone else's change from a stale read or our own
// write, and the statuses the agent reads. Where only equality matters (the base, our own writes,
// the text a save replaced) the disk keeps a hash, never the note: call notes are sensitive.
// Texts are compared exactly: whitespace and line endings are part of a note, so a note that
// differs from the base only in them is someone else's change (a conflict), never normalised away.
import { createHash } from 'node:crypto';

import type { SessionInfo } from '../../shared/evovoice';
import type { ConsoleDataStatus } from '../../shared/live';

export interface OutboxEntry {
  /** Server and user the note belongs to: only sent while they are signed in. */
  owner: string;
  sessionId: string;
  text: string;
  /** The server's note the edit began from: its `textHash`, and its date when the page knew it. */
  base: { hash: string; dateLastModified?: string };
  rev: number;
  conflict?: { theirs: string; theirsModified?: string };
  failed?: string;
  /** `textHash` of the last text written whose answer has not arrived (lost, or a crash): finding it on the server is our own write. */
  sent?: string;
  /** Who called, for the list of unsent notes once the call has left the board. */
  caller?: string;
}

export interface OutboxRecord {
  entries: OutboxEntry[];
  /**
   * `textHash` of the last note the server confirmed from this agent, per `noteKey` (agent and
   * call): our own write is not a conflict; another agent's on the same workstation is.
   */
  confirmed: Record<string, string>;
  /** Per `noteKey`, the server's `dateLastModified` in the answer to our last confirmed save. */
  confirmedAt: Record<string, string>;
  /** Per `noteKey`, `textHash` of the text our last confirmed save replaced: a read still showing it is stale. */
  replaced: Record<string, string>;
}

const HASH_PREFIX = 'sha256:';

/** What is kept of a note where only equality matters: a SHA-256 of the text, salted with its `noteKey`. */
export function textHash(key: string, text: string): string {
  return HASH_PREFIX + createHash('sha256').update(key).update('\0').update(text).digest('base64url');
}

/** An entry's base from the page's (the text it showed, '' for none, and its date). */
export function baseOf(key: string, base: { value?: string; dateLastModified?: string }): OutboxEntry['base'] {
  return {
    hash: textHash(key, base.value ?? ''),
    ...(base.dateLastModified !== undefined ? { dateLastModified: base.dateLastModified } : {}),
  };
}

/** An entry as an older version saved it too (its base's text instead of a hash). */
export type SavedEntry = Omit<OutboxEntry, 'base'> & {
  base: { hash?: string; value?: string; dateLastModified?: string };
};
export type SavedRecord = Partial<Omit<OutboxRecord, 'entries'> & { entries: SavedEntry[] }>;

/**
 * The record as saved by this version or an older one, which kept note texts where hashes are
 * kept now: those are hashed as they are read (and written back so at the next save).
 */
export function readRecord(
  saved: Partial<Omit<OutboxRecord, 'entries'> & { entries: SavedEntry[] }> | undefined,
): OutboxRecord {
  const hashed = (key: string, value: string) => (value.startsWith(HASH_PREFIX) ? value : textHash(key, value));
  const hashAll = (values: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, hashed(key, value)]));
  const entries = (saved?.entries ?? []).map((entry): OutboxEntry => {
    const key = noteKey(entry);
    const { value, hash, ...date } = entry.base;
    const read: OutboxEntry = { ...entry, base: { hash: hash ?? textHash(key, value ?? ''), ...date } };
    if (entry.sent !== undefined) read.sent = hashed(key, entry.sent);
    return read;
  });
  return {
    entries,
    confirmed: hashAll(saved?.confirmed),
    confirmedAt: saved?.confirmedAt ?? {},
    replaced: hashAll(saved?.replaced),
  };
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
  const key = noteKey(entry);
  const theirs = textHash(key, server.consoleData ?? '');
  if (entry.base.dateLastModified !== undefined && server.dateLastModified === entry.base.dateLastModified)
    return false;
  if (theirs === entry.base.hash || theirs === entry.sent) return false;
  return !isOurConfirmedSave(record, key, server, theirs) && !isStale(record, key, server, theirs);
}

/**
 * True when the read shows our last confirmed save itself: its text, and not dated after it
 * (someone else writing those very words later is their change). Without readable dates, the text.
 */
function isOurConfirmedSave(record: OutboxRecord, key: string, server: SessionInfo, theirs: string): boolean {
  if (record.confirmed[key] !== theirs) return false;
  const sinceSave = readSinceSave(record, key, server);
  return sinceSave === undefined || sinceSave <= 0;
}

/**
 * True when a read showing the entry's own text can be trusted to mean the server has it: not a
 * read older than our last confirmed save, and no write of another text still unanswered (a
 * lagging replica may show the text as it was before that write, which can be this one).
 */
export function isCurrentRead(record: OutboxRecord, entry: OutboxEntry, server: SessionInfo): boolean {
  const key = noteKey(entry);
  if (entry.sent !== undefined && entry.sent !== textHash(key, entry.text)) return false;
  return !isStale(record, key, server, textHash(key, server.consoleData ?? ''));
}

/**
 * True when a read may be older than what the server holds: older than our last confirmed save,
 * or taken while a write of ours is unanswered (applied or not, a lagging replica may show the note
 * as it was before it, and so hide someone else's change since). Only asking again tells.
 */
export function mayBeStale(record: OutboxRecord, entry: OutboxEntry, server: SessionInfo): boolean {
  const key = noteKey(entry);
  return entry.sent !== undefined || isStale(record, key, server, textHash(key, server.consoleData ?? ''));
}

/**
 * A read older than our last confirmed save (a lagging replica): by `dateLastModified` when both
 * are readable dates, else because it still shows the text that save replaced (`theirs`: its hash).
 */
function isStale(record: OutboxRecord, key: string, server: SessionInfo, theirs: string): boolean {
  const sinceSave = readSinceSave(record, key, server);
  return sinceSave === undefined ? record.replaced[key] === theirs : sinceSave < 0;
}

/** How long after our last confirmed save the read was dated (ms; negative: before it); undefined without both dates. */
function readSinceSave(record: OutboxRecord, key: string, server: SessionInfo): number | undefined {
  const savedAt = Date.parse(record.confirmedAt[key] ?? '');
  const readAt = Date.parse(server.dateLastModified ?? '');
  return Number.isNaN(savedAt) || Number.isNaN(readAt) ? undefined : readAt - savedAt;
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
