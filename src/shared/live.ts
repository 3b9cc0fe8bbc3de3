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
}

export interface IgnoredFields {
  /** Distinct fields ("items[].callState"), however many responses carried them. */
  count: number;
  /** The first of them with the endpoint that first sent each ("items[].callState (/sessions)"). */
  fields: string[];
}

/** Field-level change of one entity: only the fields that changed; `unset` lists removed ones. */
export interface EntityChange {
  id: string;
  set: Partial<SessionInfo>;
  unset?: (keyof SessionInfo)[];
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

/** Applies a patch to a list in place-order: pure, used by the renderer and by tests. */
export function applyListPatch(list: readonly SessionInfo[], patch: ListPatch | undefined): SessionInfo[] {
  if (!patch) return list as SessionInfo[];
  const removed = new Set(patch.removed);
  const changed = new Map(patch.changed.map((c) => [c.id, c]));
  const out: SessionInfo[] = [];
  for (const s of list) {
    if (s.id !== undefined && removed.has(s.id)) continue;
    const c = s.id !== undefined ? changed.get(s.id) : undefined;
    if (!c) {
      out.push(s);
      continue;
    }
    const next: SessionInfo = { ...s, ...c.set };
    for (const k of c.unset ?? []) delete next[k];
    out.push(next);
  }
  out.push(...patch.added);
  return out;
}
