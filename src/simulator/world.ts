// One simulated Evo Voice: its clock, store, users, logins, faults and request log, and the
// rule that keeps the clock in step (real time for the demo, advance() only for tests).
import { CallFactory } from './generate';
import { Logins } from './logins';
import { FaultPlan } from './faults';
import { Random } from './random';
import { Scenario } from './scenario';
import { SessionStore } from './store';
import { Timeline } from './timeline';
import { DEMO_USER, type RequestRecord, type SimUser, type SimulatorOptions } from './types';

export class World {
  readonly store = new SessionStore();
  readonly timeline: Timeline;
  readonly rng: Random;
  readonly calls: CallFactory;
  readonly users: readonly SimUser[];
  readonly logins: Logins;
  readonly faults: FaultPlan;
  readonly requests: RequestRecord[] = [];
  /** Latency faults waiting to answer; cleared on close. */
  readonly pendingTimers = new Set<ReturnType<typeof setTimeout>>();
  readonly realtime: boolean;
  private readonly startTime: number;
  private readonly realStart = performance.now();
  private skipped = 0;

  constructor(options: SimulatorOptions) {
    const seed = options.seed ?? 1;
    this.startTime = options.startTime ?? Date.now();
    this.realtime = options.clock === 'realtime';
    this.timeline = new Timeline(this.startTime);
    this.rng = new Random(seed);
    this.calls = new CallFactory(this.rng, this.store);
    this.users = options.users ?? [DEMO_USER];
    this.logins = new Logins(this.users);
    this.faults = new FaultPlan(seed);
    if (options.scenario ?? this.realtime) new Scenario(this.rng, this.store, this.timeline, this.calls).start();
  }

  /** Brings the simulated clock up to where it should be now, running what fell due. */
  sync(): void {
    const elapsed = this.realtime ? Math.floor(performance.now() - this.realStart) : 0;
    this.timeline.advanceTo(this.startTime + elapsed + this.skipped);
    this.store.archiveDue(this.timeline.now());
  }

  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new Error('advance() takes a number of milliseconds, 0 or more');
    this.skipped += ms;
    this.sync();
  }
}
