// The simulated clock and its queue of scheduled events, run strictly in time order.
interface Scheduled {
  at: number;
  seq: number;
  run: () => void;
}

export class Timeline {
  private current: number;
  private readonly queue: Scheduled[] = [];
  private seq = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  iso(): string {
    return new Date(this.current).toISOString();
  }

  /** `run` happens when the clock reaches `at` (at once on the next advance if `at` is past). */
  schedule(at: number, run: () => void): void {
    const item = { at, seq: this.seq++, run };
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.queue[mid] as Scheduled;
      if (other.at < at || (other.at === at && other.seq < item.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, item);
  }

  /** Runs every event due up to `target`, each at its own time, then stands at `target`; answers how many ran. */
  advanceTo(target: number): number {
    let ran = 0;
    for (let next = this.queue[0]; next !== undefined && next.at <= target; next = this.queue[0]) {
      this.queue.shift();
      this.current = Math.max(this.current, next.at);
      next.run();
      ran++;
    }
    this.current = Math.max(this.current, target);
    return ran;
  }
}
