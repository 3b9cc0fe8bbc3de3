// The console-data outbox: every note edit is persisted before save returns, then sent in order
// (one entry per call, the last text wins), retried with backoff across network failures and
// restarts, dropped only when the server confirms it, and held as a conflict instead of
// overwriting a note someone else changed meanwhile.
import type { SessionInfo } from '../../shared/evovoice';
import type { RequestArgs } from '../../shared/ipc';
import type { ConsoleDataStatus } from '../../shared/live';
import { backoffDelay } from './backoff';
import { CoreError, toCoreError } from './errors';
import type { Clock, Logger, SettingsStore } from './ports';

export const OUTBOX_RECORD = 'outbox';
const CONFIRMED_CAP = 500;

interface OutboxEntry {
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
}

interface OutboxRecord {
  entries: OutboxEntry[];
  /** The last note the server confirmed from us, per call: our own write is not a conflict. */
  confirmed: Record<string, string>;
}

/** The two calls the outbox needs, already signed in (re-sign-in on 401 included). */
export interface OutboxTransport {
  current(sessionId: string): Promise<SessionInfo | undefined>;
  write(sessionId: string, text: string): Promise<SessionInfo>;
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
    const saved = deps.store.getRecord<OutboxRecord>(OUTBOX_RECORD);
    this.record = { entries: saved?.entries ?? [], confirmed: saved?.confirmed ?? {} };
    for (const entry of this.record.entries) this.status[entry.sessionId] = this.restingStatus(entry);
  }

  get statuses(): Record<string, ConsoleDataStatus> {
    return this.status;
  }

  /** Who is signed in (server + user), or undefined: only their notes are sent. */
  setOwner(owner: string | undefined): void {
    this.owner = owner;
    if (owner) this.kick();
  }

  save(owner: string | undefined, args: RequestArgs<'call:save-console-data'>): ConsoleDataStatus {
    const who = owner ?? this.owner;
    if (!who) throw new CoreError('not-signed-in', 'Sign in to save notes.');
    let entry = this.record.entries.find((e) => e.sessionId === args.sessionId && e.owner === who);
    if (!entry) {
      entry = { owner: who, sessionId: args.sessionId, text: args.text, base: { ...args.base }, rev: 0 };
      this.record.entries.push(entry);
    } else {
      entry.text = args.text;
      entry.rev++;
      delete entry.failed;
      if (entry.conflict && args.base.value === entry.conflict.theirs) {
        entry.base = { ...args.base };
        delete entry.conflict;
      }
    }
    this.persist();
    this.setStatus(entry.sessionId, entry.conflict ? this.restingStatus(entry) : this.pendingStatus(entry));
    this.kick();
    return this.status[entry.sessionId] as ConsoleDataStatus;
  }

  /** The agent chose `text` for a call in conflict (or failed): send it over the server's value. */
  resolve(sessionId: string, text: string): ConsoleDataStatus {
    const entry = this.record.entries.find((e) => e.sessionId === sessionId && e.owner === this.owner);
    if (!entry) throw new CoreError('not-found', 'There is no unsent note for this call: nothing to resolve.');
    if (entry.conflict)
      entry.base = {
        value: entry.conflict.theirs,
        ...(entry.conflict.theirsModified ? { dateLastModified: entry.conflict.theirsModified } : {}),
      };
    entry.text = text;
    entry.rev++;
    delete entry.conflict;
    delete entry.failed;
    this.persist();
    this.setStatus(sessionId, this.pendingStatus(entry));
    this.kick();
    return this.status[sessionId] as ConsoleDataStatus;
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
      this.setStatus(entry.sessionId, this.pendingStatus(entry));
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
        this.setStatus(entry.sessionId, this.restingStatus(entry));
        this.deps.log.warn('console data refused', { sessionId: entry.sessionId, code: problem.code });
      }
    }
  }

  private async send(entry: OutboxEntry, rev: number): Promise<void> {
    const server = await this.deps.transport.current(entry.sessionId);
    if (entry.rev !== rev) return;
    if (!server) throw new CoreError('not-found', 'This call is no longer on Evo Voice: copy your note elsewhere.');
    const theirs = server.consoleData ?? '';
    if (theirs === entry.text) {
      this.confirm(entry, rev, theirs, server);
      return;
    }
    if (this.isConflict(entry, server)) {
      entry.conflict = { theirs, ...(server.dateLastModified ? { theirsModified: server.dateLastModified } : {}) };
      this.persist();
      this.setStatus(entry.sessionId, this.restingStatus(entry));
      return;
    }
    entry.sent = entry.text;
    this.persist();
    const saved = await this.deps.transport.write(entry.sessionId, entry.text);
    this.confirm(entry, rev, saved.consoleData ?? entry.text, saved);
  }

  private isConflict(entry: OutboxEntry, server: SessionInfo): boolean {
    const theirs = server.consoleData ?? '';
    if (entry.base.dateLastModified !== undefined && server.dateLastModified === entry.base.dateLastModified)
      return false;
    if (theirs === (entry.base.value ?? '') || theirs === entry.sent) return false;
    return this.record.confirmed[entry.sessionId] !== theirs;
  }

  private confirm(entry: OutboxEntry, rev: number, value: string, session: SessionInfo): void {
    const confirmed = this.record.confirmed;
    delete confirmed[entry.sessionId];
    confirmed[entry.sessionId] = value;
    const ids = Object.keys(confirmed);
    for (const id of ids.slice(0, Math.max(0, ids.length - CONFIRMED_CAP))) delete confirmed[id];
    delete entry.sent;
    if (entry.rev === rev) {
      this.record.entries.splice(this.record.entries.indexOf(entry), 1);
      this.setStatus(entry.sessionId, { sessionId: entry.sessionId, state: 'saved' });
    } else {
      entry.base = { value, ...(session.dateLastModified ? { dateLastModified: session.dateLastModified } : {}) };
    }
    this.persist();
    this.deps.onSaved(session);
  }

  private waitForNetwork(entry: OutboxEntry, problem: CoreError): void {
    this.setStatus(entry.sessionId, {
      ...this.pendingStatus(entry),
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

  private pendingStatus(entry: OutboxEntry): ConsoleDataStatus {
    return { sessionId: entry.sessionId, state: 'saving', pending: entry.text };
  }

  private restingStatus(entry: OutboxEntry): ConsoleDataStatus {
    if (entry.conflict) {
      return {
        sessionId: entry.sessionId,
        state: 'conflict',
        pending: entry.text,
        theirs: entry.conflict.theirs,
        ...(entry.conflict.theirsModified ? { theirsModified: entry.conflict.theirsModified } : {}),
        message: 'Someone else changed this note while you were editing: choose which text to keep.',
      };
    }
    if (entry.failed)
      return { sessionId: entry.sessionId, state: 'failed', pending: entry.text, message: entry.failed };
    return {
      sessionId: entry.sessionId,
      state: 'waiting-for-network',
      pending: entry.text,
      message: 'Kept on this computer; it will be sent when you are signed in.',
    };
  }

  private setStatus(sessionId: string, status: ConsoleDataStatus): void {
    this.status[sessionId] = status;
    this.deps.onChange();
  }

  private persist(): void {
    this.deps.store.setRecord(OUTBOX_RECORD, this.record);
  }
}
