// The console-data outbox: every note edit is on disk before the save is answered, then sent in
// order (one entry per call, the last text wins), retried with backoff across network failures and
// restarts, dropped only when the server confirms it (or the agent discards it), and held as a
// conflict instead of overwriting a note someone else changed meanwhile (the rules that tell one
// from a stale read or our own write are in outbox-entry.ts).
import type { SessionInfo } from '../../shared/evovoice';
import type { RequestArgs } from '../../shared/ipc';
import type { ConsoleDataStatus } from '../../shared/live';
import { backoffDelay } from './backoff';
import { CoreError, toCoreError } from './errors';
import type { Login } from './login';
import {
  baseOf,
  isConflict,
  isCurrentRead,
  mayBeStale,
  noteKey,
  type OutboxEntry,
  type OutboxRecord,
  pendingStatus,
  readRecord,
  restingStatus,
  type SavedRecord,
  textHash,
} from './outbox-entry';
import type { Clock, Logger, SettingsStore } from './ports';

export const OUTBOX_RECORD = 'outbox';
const CONFIRMED_CAP = 500;
/** A lookup that may be older than the server's note is asked again this many times before it is used. */
export const STALE_REREADS = 2;

/** The two calls the outbox needs, already signed in (re-sign-in on 401 included). */
export interface OutboxTransport {
  current(sessionId: string): Promise<SessionInfo | undefined>;
  write(sessionId: string, text: string): Promise<SessionInfo>;
}

/**
 * The transport over the signed-in Login. A call that ended and was archived is no longer in
 * the ordinary lists: the lookup falls back to `SearchArchive=true`. Whether a real server takes a
 * PATCH of an archived call the reference pages do not say, so the note is sent anyway; a refusal
 * leaves it in the list of unsent notes, with the server's words, to retry or discard.
 */
export function loginTransport(login: () => Login): OutboxTransport {
  const find = (sessionId: string, searchArchive: boolean) =>
    login()
      .call((c, o) => c.getSessions({ specificIds: [sessionId], ...(searchArchive ? { searchArchive } : {}) }, o))
      .then((answer) => answer.items?.find((s) => s.id === sessionId));
  return {
    current: async (sessionId) => (await find(sessionId, false)) ?? find(sessionId, true),
    write: (sessionId, text) => login().call((c, o) => c.patchSession({ sessionId, consoleData: text }, o)),
  };
}

export interface OutboxDeps {
  store: SettingsStore;
  clock: Clock;
  random: () => number;
  transport: OutboxTransport;
  log: Logger;
  /** Statuses changed. */
  onChange: () => void;
  /** The server confirmed a note: the live board can take the fresh session. */
  onSaved: (session: SessionInfo) => void;
}

export class ConsoleDataOutbox {
  private readonly record: OutboxRecord;
  private readonly status: Record<string, ConsoleDataStatus> = {};
  private owner: string | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: unknown;
  private failures = 0;
  /** Until then the server asked (Retry-After) not to be called: a kick waits for the retry timer. */
  private notBefore = 0;

  constructor(private readonly deps: OutboxDeps) {
    this.record = readRecord(deps.store.getRecord<SavedRecord>(OUTBOX_RECORD));
  }

  get statuses(): Record<string, ConsoleDataStatus> {
    return this.status;
  }

  /**
   * Who is signed in (server + user), or undefined: only their notes are sent, and only theirs
   * are in `statuses` (an agent on a shared workstation never sees another agent's unsent notes).
   */
  setOwner(owner: string | undefined): void {
    if (owner !== this.owner) {
      for (const sessionId of Object.keys(this.status)) delete this.status[sessionId];
      for (const entry of this.record.entries) {
        if (entry.owner === owner) this.status[entry.sessionId] = restingStatus(entry);
      }
      this.owner = owner;
      this.deps.onChange();
    }
    if (owner) this.kick();
  }

  /** A note of `who` (server + user); `caller` names the call in the list of unsent notes. */
  save(who: string, args: RequestArgs<'call:save-console-data'>, caller?: string): ConsoleDataStatus {
    let entry = this.record.entries.find((e) => e.sessionId === args.sessionId && e.owner === who);
    if (!entry) {
      const key = noteKey({ owner: who, sessionId: args.sessionId });
      entry = { owner: who, sessionId: args.sessionId, text: args.text, base: baseOf(key, args.base), rev: 0 };
      if (caller) entry.caller = caller;
      this.record.entries.push(entry);
    } else {
      entry.text = args.text;
      entry.rev++;
      delete entry.failed;
      if (entry.conflict && args.base.value === entry.conflict.theirs) {
        entry.base = baseOf(noteKey(entry), args.base);
        delete entry.conflict;
      }
    }
    this.persist();
    this.setStatus(entry.sessionId, entry.conflict ? restingStatus(entry) : pendingStatus(entry));
    this.kick();
    return this.status[entry.sessionId] as ConsoleDataStatus;
  }

  /** `status` (what `save` answered) once everything saved so far is on disk. */
  async onDisk(status: ConsoleDataStatus): Promise<ConsoleDataStatus> {
    await this.deps.store.flushed();
    return status;
  }

  /** The agent chose `text` for a call in conflict (or failed): send it over the server's value. */
  resolve(sessionId: string, text: string): ConsoleDataStatus {
    const entry = this.unsentEntry(sessionId);
    if (entry.conflict)
      entry.base = baseOf(noteKey(entry), {
        value: entry.conflict.theirs,
        ...(entry.conflict.theirsModified ? { dateLastModified: entry.conflict.theirsModified } : {}),
      });
    entry.text = text;
    entry.rev++;
    delete entry.conflict;
    delete entry.failed;
    this.persist();
    this.setStatus(sessionId, pendingStatus(entry));
    this.kick();
    return this.status[sessionId] as ConsoleDataStatus;
  }

  /** The agent retries an unsent note as it is (a conflict: theirs is replaced by it). */
  retry(sessionId: string): ConsoleDataStatus {
    return this.resolve(sessionId, this.unsentEntry(sessionId).text);
  }

  /**
   * An agent signed out: what the outbox learned about their notes goes, on disk too. Notes they
   * saved that the server does not have yet stay (deleting them would lose their work): sent at
   * their next sign-in, shown to nobody else.
   */
  forgetOwner(owner: string): void {
    const unsent = new Set(this.record.entries.map((entry) => noteKey(entry)));
    const { confirmed, confirmedAt, replaced } = this.record;
    for (const key of new Set([...Object.keys(confirmed), ...Object.keys(confirmedAt), ...Object.keys(replaced)])) {
      if (unsent.has(key) || (JSON.parse(key) as string[])[0] !== owner) continue;
      delete confirmed[key];
      delete confirmedAt[key];
      delete replaced[key];
    }
    this.persist();
  }

  /** The agent gives up an unsent note: it is forgotten, the server's text stays. */
  discard(sessionId: string): void {
    const entry = this.unsentEntry(sessionId);
    this.record.entries.splice(this.record.entries.indexOf(entry), 1);
    this.persist();
    delete this.status[sessionId];
    this.deps.onChange();
  }

  private unsentEntry(sessionId: string): OutboxEntry {
    const entry = this.record.entries.find((e) => e.sessionId === sessionId && e.owner === this.owner);
    if (!entry) throw new CoreError('not-found', 'There is no unsent note for this call: nothing to do.');
    return entry;
  }

  /** Try now (network back, a poll succeeded, signed in). */
  kick(): void {
    if (!this.owner) return;
    if (this.timer !== undefined && this.deps.clock.now() < this.notBefore) return;
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  stop(): void {
    this.owner = undefined;
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  get busy(): boolean {
    return this.draining !== undefined;
  }

  /** Entries waiting to be sent (not in conflict or failed). */
  get waiting(): number {
    return this.record.entries.filter((e) => !e.conflict && !e.failed).length;
  }

  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const owner = this.owner;
      const entry = this.record.entries.find((e) => e.owner === owner && !e.conflict && !e.failed);
      if (!entry || !owner) return;
      const rev = entry.rev;
      this.setStatus(entry.sessionId, pendingStatus(entry));
      try {
        await this.send(entry, rev);
        this.failures = 0;
      } catch (error) {
        const problem = toCoreError(error);
        if (
          problem.transient ||
          problem.code === 'unauthorized' ||
          problem.code === 'not-signed-in' ||
          problem.code === 'password-rejected'
        ) {
          this.waitForNetwork(entry, problem);
          return;
        }
        entry.failed = `Could not save the note: ${problem.message}`;
        this.persist();
        this.setStatus(entry.sessionId, restingStatus(entry));
        this.deps.log.warn('console data refused', { sessionId: entry.sessionId, code: problem.code });
      }
    }
  }

  private async send(entry: OutboxEntry, rev: number): Promise<void> {
    // A lagging read could hide someone else's change, and the write would then overwrite it.
    let server = await this.deps.transport.current(entry.sessionId);
    for (let again = 0; again < STALE_REREADS && server && mayBeStale(this.record, entry, server); again++)
      server = await this.deps.transport.current(entry.sessionId);
    if (entry.rev !== rev) return;
    if (!server) throw new CoreError('not-found', 'This call is no longer on Evo Voice: copy your note elsewhere.');
    const theirs = server.consoleData ?? '';
    // The server shows the text already: saved, unless the read may predate our last write (then
    // the text is written again: harmless if it is there, and the note is not lost if it is not).
    const same = theirs === entry.text;
    if (same && isCurrentRead(this.record, entry, server)) {
      this.confirm(entry, rev, theirs, server);
      return;
    }
    if (!same && isConflict(this.record, entry, server)) {
      entry.conflict = { theirs, ...(server.dateLastModified ? { theirsModified: server.dateLastModified } : {}) };
      this.persist();
      this.setStatus(entry.sessionId, restingStatus(entry));
      return;
    }
    const text = entry.text;
    entry.sent = textHash(noteKey(entry), text);
    this.persist();
    // Written ahead: after a crash, finding this text on the server must read as our own write.
    await this.deps.store.flushed();
    const saved = await this.deps.transport.write(entry.sessionId, text);
    this.record.replaced[noteKey(entry)] = textHash(noteKey(entry), theirs);
    this.confirm(entry, rev, saved.consoleData ?? text, saved);
  }

  private confirm(entry: OutboxEntry, rev: number, value: string, session: SessionInfo): void {
    const { confirmed, confirmedAt, replaced } = this.record;
    const key = noteKey(entry);
    delete confirmed[key];
    confirmed[key] = textHash(key, value);
    // The date of this save, or none: an older save's date would make a later write look like someone else's.
    if (session.dateLastModified) confirmedAt[key] = session.dateLastModified;
    else delete confirmedAt[key];
    const keys = Object.keys(confirmed);
    for (const old of keys.slice(0, Math.max(0, keys.length - CONFIRMED_CAP))) {
      delete confirmed[old];
      delete confirmedAt[old];
      delete replaced[old];
    }
    delete entry.sent;
    if (entry.rev === rev) {
      this.record.entries.splice(this.record.entries.indexOf(entry), 1);
      this.setStatus(entry.sessionId, { sessionId: entry.sessionId, state: 'saved' });
    } else {
      entry.base = baseOf(key, {
        value,
        ...(session.dateLastModified ? { dateLastModified: session.dateLastModified } : {}),
      });
    }
    this.persist();
    this.deps.onSaved(session);
  }

  private waitForNetwork(entry: OutboxEntry, problem: CoreError): void {
    this.setStatus(entry.sessionId, {
      ...pendingStatus(entry),
      state: 'waiting-for-network',
      message: `Kept on this computer; it will be sent when ${problem.unreachable ? 'the network is back' : 'Evo Voice answers again'}. (${problem.message})`,
    });
    if (!problem.transient || !this.owner) return;
    this.failures++;
    const delay = backoffDelay(this.failures, this.deps.random, problem.retryAfterMs);
    this.notBefore = problem.retryAfterMs === undefined ? 0 : this.deps.clock.now() + delay;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, delay);
  }

  private setStatus(sessionId: string, status: ConsoleDataStatus): void {
    this.status[sessionId] = status;
    this.deps.onChange();
  }

  private persist(): void {
    this.deps.store.setRecord(OUTBOX_RECORD, this.record);
  }
}
