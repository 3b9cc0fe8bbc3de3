// Work in flight: busy while anything tracked is pending, not once it settled either way, and
// settled() waits for all of it, a failure included, answering the work unchanged.
import { describe, expect, it } from 'vitest';

import { InFlight } from '../../src/main/core/in-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('is idle with nothing tracked', async () => {
    const work = new InFlight();
    expect(work.busy).toBe(false);
    await expect(work.settled()).resolves.toBeUndefined();
  });

  it('is busy until every tracked promise settled, resolved or rejected', async () => {
    const work = new InFlight();
    const ok = deferred<number>();
    const bad = deferred<number>();
    expect(work.track(ok.promise)).toBe(ok.promise);
    const failing = work.track(bad.promise);
    failing.catch(() => undefined);
    expect(work.busy).toBe(true);
    let settled = false;
    const waiting = work.settled().then(() => (settled = true));
    ok.resolve(1);
    await ok.promise;
    await Promise.resolve();
    expect(work.busy).toBe(true);
    expect(settled).toBe(false);
    bad.reject(new Error('refused'));
    await waiting;
    expect(settled).toBe(true);
    expect(work.busy).toBe(false);
  });
});
