// Work the core started and has not finished (hold actions, history and dashboard loads), so that
// `settled()` (tests, the web shell, quitting) can wait for it.
export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  get busy(): boolean {
    return this.work.size > 0;
  }

  /** Counts `work` until it settles; answers it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    const done = () => this.work.delete(work);
    void work.then(done, done);
    return work;
  }

  /** Resolves once everything tracked so far has settled, whichever way. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.work]);
  }
}
