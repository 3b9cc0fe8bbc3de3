// The poller case by case on a stepped clock: the delay a poll answers, a minute after a poll that
// broke its promise, nothing while stopped or asleep (a poll ending then schedules nothing), a
// poll asked for during one runs once right after it, and busy / settled while one is in flight.
import { describe, expect, it } from 'vitest';

import { Poller } from '../../src/main/core/poller';
import { SteppedClock } from './ports';

function setUp() {
  const clock = new SteppedClock(0);
  const started: number[] = [];
  const ends: ((outcome: number | Error) => void)[] = [];
  const poller = new Poller(clock, () => {
    started.push(clock.now());
    return new Promise<number>((resolve, reject) =>
      ends.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome))),
    );
  });
  const end = async (outcome: number | Error) => {
    ends.shift()?.(outcome);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const step = (ms: number) => clock.step(ms, async () => undefined);
  return { clock, poller, started, end, step, ends };
}

describe('Poller', () => {
  it('waits the delay the poll answered, then polls again; a poll that failed waits a minute', async () => {
    const { clock, poller, started, end, step } = setUp();
    expect(poller.isActive).toBe(false);
    poller.start();
    expect(poller.isActive).toBe(true);
    expect(poller.busy).toBe(true);
    await end(2_500);
    expect(poller.busy).toBe(false);
    expect(clock.pending()).toEqual([2_500]);
    await step(2_499);
    expect(started).toEqual([0]);
    await step(1);
    expect(started).toEqual([0, 2_500]);
    await end(new Error('broke'));
    expect(clock.pending()).toEqual([60_000]);
  });

  it('stopped or asleep: asking does nothing, and a poll ending then schedules nothing', async () => {
    const { clock, poller, started, end, step } = setUp();
    poller.now();
    expect(started).toEqual([]);
    poller.start();
    poller.stop();
    await end(1_000);
    expect(clock.pending()).toEqual([]);
    poller.now();
    expect(started).toEqual([0]);

    poller.start();
    poller.pause();
    poller.now();
    await end(1_000);
    expect(clock.pending()).toEqual([]);
    await step(5_000);
    expect(started).toEqual([0, 0]);
  });

  it('a poll asked for during one runs once right after it; stopping drops that request', async () => {
    const { clock, poller, started, end } = setUp();
    poller.start();
    poller.now();
    poller.now();
    await end(1_000);
    expect(started).toEqual([0, 0]);
    expect(clock.pending()).toEqual([]);
    poller.now();
    poller.stop();
    await end(1_000);
    expect(started).toEqual([0, 0]);
    expect(clock.pending()).toEqual([]);
  });

  it('an immediate poll replaces the scheduled one', async () => {
    const { clock, poller, started, end, step } = setUp();
    poller.start();
    await end(10_000);
    await step(4_000);
    poller.now();
    expect(started).toEqual([0, 4_000]);
    expect(clock.pending()).toEqual([]);
    await end(10_000);
    expect(clock.pending()).toEqual([10_000]);
  });
});
