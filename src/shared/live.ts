// The console's published state and the patches that keep a subscriber's copy of it current.
// Main computes them (src/main/core), the renderer applies them: one definition for both.
import type { SessionInfo } from './evovoice';

export type ConnectionStatus = 'online' | 'degraded' | 'offline' | 'signed-out';

export interface Connection {
  status: ConnectionStatus;
  /** ISO time of the last poll that succeeded, if any. */
  lastGoodPoll?: string;
  /** What the agent can do about it, in words ("Cannot reach evovoice.io: check the network"). */
  message?: string;
  /** ISO time of the next attempt while backing off. */
  nextRetry?: string;
}

export interface Account {
  id: string;
  name: string;
}

export interface Identity {
  serverUrl: string;
  userName: string;
  displayName?: string;
  userId?: string;
  accounts: Account[];
  /** The account the console works on; always shown in the header. */
  accountId?: string;
  /** True when signed in to the embedded demo simulator. */
  demo: boolean;
  /** Set when "remember me" was asked for but the keychain could not keep the password. */
  keychainProblem?: string;
  /**
   * True once the server answered without a list of the agent's accounts: they are named as
   * their calls arrive, and the agent can enter one by hand (the server is asked whether it is theirs).
   */
  accountsUnlisted?: boolean;
}

/** A call the agent missed, waiting to be seen. */
export interface MissedCall {
  sessionId: string;
  from: string;
  fromName?: string;
  line?: string;
  at: string;
}

export type HoldState = 'pending-hold' | 'pending-resume';

/** What the console-data outbox knows about one call's note. */
export interface ConsoleDataStatus {
  sessionId: string;
  state: 'saving' | 'waiting-for-network' | 'saved' | 'conflict' | 'failed';
  /** Text the agent wrote and the server has not confirmed (or that conflicts). */
  pending?: string;
  /** The server's value when a conflict was detected. */
  theirs?: string;
  theirsModified?: string;
  message?: string;
  /** Who called (for the list of unsent notes, once the call has left the board). */
  caller?: string;
}

export interface ConsoleState {
  identity?: Identity;
  connection: Connection;
  missed: MissedCall[];
  /** In-flight optimistic hold/resume per session id. */
  holds: Record<string, HoldState>;
  consoleData: Record<string, ConsoleDataStatus>;
  doNotDisturb: boolean;
  /** Words for the agent while the console cannot write its files (changes are kept in memory). */
  storage?: string;
  /** Fields from the server the console dropped (wrong type, nested too deep), for support. */
  ignoredFields?: IgnoredFields;
  /**
   * The call on hold longest, by id, with the ISO time its hold started (the tray's tooltip): one
   * entry at most. Each row carries its own call's hold start (`BoardFacts.heldSince`), so a hold
   * change does not republish every held call's timer.
   */
  heldSince?: Record<string, string>;
}

export interface IgnoredFields {
  /** Distinct fields ("items[].callState"), however many responses carried them. */
  count: number;
  /** The first of them with the endpoint that first sent each ("items[].callState (/sessions)"). */
  fields: string[];
}

/**
 * What the console adds to a call on its board (never sent by the server), carried in the rows
 * like the server's fields, so that the page and the core read one answer.
 */
export interface BoardFacts {
  /**
   * ISO time the call's hold started: the server's confirmation of a hold the agent made, or for a
   * hold first seen in a poll its dateLastModified but no earlier than the last poll that saw the
   * call not held. The row, the details, the tray and the reminder all show this one time.
   */
  heldSince?: string;
  /** True when the call is the signed-in agent's (`isAgentsCall` in agent-call.ts, members included). */
  mine?: boolean;
}

/** A call as the board publishes it: the server's session plus the console's facts about it. */
export type BoardSession = SessionInfo & BoardFacts;

/** Field-level change of one entity: only the fields that changed; `unset` lists removed ones. */
export interface EntityChange {
  id: string;
  set: Partial<BoardSession>;
  unset?: (keyof BoardSession)[];
}

export interface ListPatch {
  added: SessionInfo[];
  changed: EntityChange[];
  removed: string[];
}

export interface LiveSnapshot {
  version: number;
  sessions: SessionInfo[];
  activity: SessionInfo[];
}

/** Turns the subscriber's copy at `version - 1` into `version`. Never sent empty. */
export interface LivePatch {
  version: number;
  sessions?: ListPatch;
  activity?: ListPatch;
}

/** A row before and after a patch: `before` undefined when added, `after` undefined when removed. */
export type RowChange = (before: BoardSession | undefined, after: BoardSession | undefined) => void;

/**
 * A subscriber's copy of one list, keyed by id, so that a patch costs what it touches rather than
 * the length of the list. A Map keeps insertion order: removed rows leave, changed rows stay in
 * place, added rows go to the end (an added id already present is replaced in place), which is the
 * order the core publishes (applyListPatch).
 */
export class PatchedList {
  /** Rows by id; a row without an id (never changed or removed by a patch) under a key of its own. */
  readonly #rows = new Map<string | symbol, BoardSession>();

  constructor(list: readonly SessionInfo[] = []) {
    for (const s of list) this.#rows.set(s.id ?? Symbol('session'), s);
  }

  get size(): number {
    return this.#rows.size;
  }

  get(id: string): BoardSession | undefined {
    return this.#rows.get(id);
  }

  /** The rows in list order (a new array: O(n), for views that show every row). */
  values(): BoardSession[] {
    return [...this.#rows.values()];
  }

  /** Applies `patch`, telling `onRow` about each row it removes, changes or adds. */
  apply(patch: ListPatch, onRow?: RowChange): void {
    for (const id of patch.removed) {
      const before = this.#rows.get(id);
      if (!before) continue;
      this.#rows.delete(id);
      onRow?.(before, undefined);
    }
    for (const c of patch.changed) {
      const before = this.#rows.get(c.id);
      if (!before) continue;
      const after: BoardSession = { ...before, ...c.set };
      for (const k of c.unset ?? []) delete after[k];
      this.#rows.set(c.id, after);
      onRow?.(before, after);
    }
    for (const after of patch.added) {
      const key = after.id ?? Symbol('session');
      const before = this.#rows.get(key);
      this.#rows.set(key, after);
      onRow?.(before, after);
    }
  }
}

/** Applies a patch to a copy of a list, in the order the core publishes: pure, used by the shells' tests. */
export function applyListPatch(list: readonly SessionInfo[], patch: ListPatch | undefined): SessionInfo[] {
  if (!patch) return list as SessionInfo[];
  const copy = new PatchedList(list);
  copy.apply(patch);
  return copy.values();
}

/**
 * The fields a row of the live board or the activity list shows (and searches, sorts, counts by):
 * the renderer's copy of every call holds these; the open call's full details come on request
 * ('call:details') and in the patches while it is open.
 */
export const ROW_FIELDS = [
  'id',
  'dateCreated',
  'dateLastModified',
  'dateCompleted',
  'direction',
  'fromName',
  'displayName',
  'customerName',
  'fromAddress',
  'toAddress',
  'fromPhoneNumber',
  'endpointId',
  'endpointName',
  'accountName',
  'callState',
  'queueState',
  'holdReason',
  'heldByUserId',
  'answeredByName',
  'ended',
  'wasMissed',
  'outcome',
  'channel',
  'heldSince',
  'mine',
] as const satisfies readonly (keyof BoardSession)[];
export type RowField = (typeof ROW_FIELDS)[number];
const ROW_FIELD_SET: ReadonlySet<string> = new Set(ROW_FIELDS);

/** A row value: a string, a boolean, null (absent), or a number: an index into `strings`. */
export type RowValue = string | boolean | number | null;

/**
 * Rows packed for the wire: each row is the values of ROW_FIELDS in order (trailing absent ones
 * left out), and a string that repeats within the pack is sent once, in `strings`.
 */
export interface PackedRows {
  strings: string[];
  rows: RowValue[][];
}

/** The board as the renderer first receives it: rows only, the first of them now, the rest on request. */
export interface RowSnapshot {
  version: number;
  /** Session rows, live calls first (newest first), as the board shows them. */
  sessions: PackedRows;
  activity: PackedRows;
  /** The whole lists' lengths: rows beyond these packs come with 'live:rows'. */
  total: { sessions: number; activity: number };
}

/** The next rows of a snapshot ('live:rows'): sessions first, then activity. */
export interface RowChunk {
  sessions: PackedRows;
  activity: PackedRows;
}

/** A call's full details, as the core's last poll has them, at the board's version. */
export interface CallDetails {
  version: number;
  session?: SessionInfo;
}

/** Only the row fields of a session. */
export function toRow(session: BoardSession): SessionInfo {
  const row: Record<string, unknown> = {};
  for (const key of ROW_FIELDS) if (session[key] !== undefined) row[key] = session[key];
  return row as SessionInfo;
}

export function packRows(sessions: readonly BoardSession[]): PackedRows {
  const seen = new Map<string, number>();
  for (const s of sessions) {
    for (const key of ROW_FIELDS) {
      const v = s[key];
      if (typeof v === 'string') seen.set(v, (seen.get(v) ?? 0) + 1);
    }
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  for (const [v, n] of seen) if (n > 1) index.set(v, strings.push(v) - 1);
  const rows = sessions.map((s) => {
    const row: RowValue[] = [];
    let last = 0;
    ROW_FIELDS.forEach((key, i) => {
      const v = s[key];
      if (v === undefined) return row.push(null);
      last = i + 1;
      return row.push(typeof v === 'string' ? (index.get(v) ?? v) : (v as boolean));
    });
    row.length = last;
    return row;
  });
  return { strings, rows };
}

export function unpackRows(pack: PackedRows): SessionInfo[] {
  return pack.rows.map((values) => {
    const row: Record<string, unknown> = {};
    values.forEach((v, i) => {
      if (v === null) return;
      row[ROW_FIELDS[i] as RowField] = typeof v === 'number' ? pack.strings[v] : v;
    });
    return row as SessionInfo;
  });
}

/**
 * A patch as the renderer gets it: row fields for every call, every field for the open call.
 * Never undefined: a patch whose changes were all details of closed calls still carries its
 * version, so that the renderer's copy follows on.
 */
export function rowPatch(patch: LivePatch, open: string | undefined): LivePatch {
  const rows: LivePatch = { version: patch.version };
  if (patch.sessions) rows.sessions = rowListPatch(patch.sessions, open);
  if (patch.activity) rows.activity = rowListPatch(patch.activity, open);
  return rows;
}

function rowListPatch(patch: ListPatch, open: string | undefined): ListPatch {
  const changed: EntityChange[] = [];
  for (const c of patch.changed) {
    if (c.id === open) {
      changed.push(c);
      continue;
    }
    const set = toRow(c.set as SessionInfo);
    const unset = c.unset?.filter((k) => ROW_FIELD_SET.has(k));
    if (Object.keys(set).length === 0 && !unset?.length) continue;
    changed.push(unset?.length ? { id: c.id, set, unset } : { id: c.id, set });
  }
  return { added: patch.added.map((s) => (s.id === open ? s : toRow(s))), changed, removed: patch.removed };
}
