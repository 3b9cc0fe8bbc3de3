// One simulated Evo Voice: its clock, store, users, logins, faults and request log, and the
// rule that keeps the clock in step (real time for the demo, advance() only for tests).
import { ConditionalGets } from './conditional';
import { FaultPlan } from './faults';
import { CallFactory } from './generate';
import { KeptLists } from './kept-lists';
import { Logins } from './logins';
import { Random } from './random';
import { Scenario } from './scenario';
import { StaleReplica } from './stale-reads';
import { ARCHIVE_AFTER_MS, SessionStore } from './store';
import { LENIENT, type Strictness, withStrictness } from './strictness';
import { Timeline } from './timeline';
import { DEMO_USER, type RequestRecord, type SimulatorOptions, type SimUser } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ARCHIVED_CALLS_A_DAY = 20;

export class World {
  readonly store = new SessionStore();
  readonly timeline: Timeline;
  readonly rng: Random;
  readonly calls: CallFactory;
  readonly users: readonly SimUser[];
  readonly logins: Logins;
  readonly faults: FaultPlan;
  readonly requests: RequestRecord[] = [];
  /** API requests answered and their body bytes since the start (the request log keeps only the last ones). */
  readonly traffic = { requests: 0, bytes: 0 };
  /** Latency faults waiting to answer; cleared on close. */
  readonly pendingTimers = new Set<ReturnType<typeof setTimeout>>();
  readonly realtime: boolean;
  readonly seed: number;
  strictness: Strictness;
  readonly replica = new StaleReplica();
  /** GET /sessions's filtered, sorted sets and page texts, kept between requests. */
  readonly kept: KeptLists;
  /** What each user was last sent at each list address, for ETag / Last-Modified and 304s. */
  readonly conditional = new ConditionalGets();
  /** Fields tests set through the control API, by session id: strictness never leaves them out. */
  readonly pinned = new Map<string, Set<string>>();
  /** Ended calls leave the live set this long after they end. */
  readonly archiveAfterMs: number;
  private readonly startTime: number;
  private readonly realStart = performance.now();
  private skipped = 0;
  /** The generated archive has its own random source and ids, so it leaves the scenario as it was. */
  private readonly archiveRng: Random;
  private readonly archiveCalls: CallFactory;

  constructor(options: SimulatorOptions) {
    const seed = options.seed ?? 1;
    this.seed = seed;
    this.strictness = withStrictness(LENIENT, options.strictness ?? {});
    this.startTime = options.startTime ?? Date.now();
    this.archiveAfterMs = (options.archiveAfterMinutes ?? ARCHIVE_AFTER_MS / 60_000) * 60_000;
    this.realtime = options.clock === 'realtime';
    this.kept = new KeptLists(options.keepLists ?? true);
    this.timeline = new Timeline(this.startTime);
    this.rng = new Random(seed);
    this.calls = new CallFactory(this.rng, this.store);
    this.users = options.users ?? [DEMO_USER];
    this.logins = new Logins(this.users);
    this.faults = new FaultPlan(seed);
    this.archiveRng = new Random(seed ^ 0x0a4c_41fe);
    this.archiveCalls = new CallFactory(this.archiveRng, new SessionStore('a'));
    if (options.archiveDays !== undefined)
      this.loadArchive(options.archiveDays * ARCHIVED_CALLS_A_DAY, options.archiveDays);
    if (options.scenario ?? this.realtime) new Scenario(this.rng, this.store, this.timeline, this.calls).start();
  }

  /** Brings the simulated clock up to where it should be now, running what fell due. */
  sync(): void {
    const elapsed = this.realtime ? Math.floor(performance.now() - this.realStart) : 0;
    // Scheduled events are scenario steps: any that ran may have changed a session.
    if (this.timeline.advanceTo(this.startTime + elapsed + this.skipped) > 0) this.store.changed();
    this.store.archiveDue(this.timeline.now(), this.archiveAfterMs);
  }

  /** Remembers that a test set these fields of a session through the control API. */
  pin(id: string, fields: Iterable<string>): void {
    const set = this.pinned.get(id) ?? new Set<string>();
    for (const field of fields) set.add(field);
    this.pinned.set(id, set);
  }

  /** `n` finished calls spread over the last `days` days, straight into the archive. */
  loadArchive(n: number, days: number): void {
    if (!(Number.isInteger(n) && n >= 0 && days > 0)) throw new Error('loadArchive() takes a call count and days > 0');
    const now = this.timeline.now();
    const earliest = Math.max(1, Math.floor((days * DAY - ARCHIVE_AFTER_MS - HOUR) / 1000));
    const starts = Array.from(
      { length: n },
      () => now - ARCHIVE_AFTER_MS - HOUR - this.archiveRng.int(0, earliest) * 1000,
    );
    for (const at of starts.sort((a, b) => a - b)) {
      this.store.addArchived(this.archiveCalls.finished(at));
    }
  }

  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new Error('advance() takes a number of milliseconds, 0 or more');
    this.skipped += ms;
    this.sync();
  }
}
