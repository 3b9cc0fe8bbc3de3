// Runs one poll at a time on the Clock port: never two in flight, the next one scheduled only
// when the last has finished (a slow answer never stacks requests), pausable for sleep.
import type { Clock } from './ports';

/** Used only if a poll function breaks its promise to answer a delay. */
const FALLBACK_DELAY_MS = 60_000;

export class Poller {
  private timer: unknown;
  private running: Promise<void> | undefined;
  private again = false;
  private active = false;
  private paused = false;

  /** `poll` does the work and answers how long to wait before the next poll. */
  constructor(
    private readonly clock: Clock,
    private readonly poll: () => Promise<number>,
  ) {}

  start(): void {
    this.active = true;
    this.now();
  }

  stop(): void {
    this.active = false;
    this.again = false;
    this.cancelTimer();
  }

  /** Machine going to sleep: no timers until resume. */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  /** Machine awake again: poll at once. */
  resume(): void {
    this.paused = false;
    this.now();
  }

  /** Poll as soon as possible: at once, or right after the poll in flight. */
  now(): void {
    if (!this.active || this.paused) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.cancelTimer();
    this.run();
  }

  get isActive(): boolean {
    return this.active;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves when no poll is in flight. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private run(): void {
    this.running = this.poll().then(
      (delay) => this.finish(delay),
      () => this.finish(FALLBACK_DELAY_MS),
    );
  }

  private finish(delay: number): void {
    this.running = undefined;
    if (!this.active || this.paused) return;
    if (this.again) {
      this.again = false;
      this.run();
      return;
    }
    this.cancelTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.now();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
