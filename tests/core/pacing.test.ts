// Backoff, poll cadence and the single-flight poller, driven by a stepped clock.
import { describe, expect, it } from 'vitest';

import { BACKOFF_CAP_MS, backoffDelay } from '../../src/main/core/backoff';
import {
  activityDue,
  activityInterval,
  pollInterval,
  QUIET_ACTIVITY_MS,
  withJitter,
} from '../../src/main/core/cadence';
import { Poller } from '../../src/main/core/poller';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { SteppedClock } from './ports';

describe('backoffDelay', () => {
  it('grows exponentially with jitter and stops at the cap', () => {
    const low = () => 0;
    const high = () => 0.999;
    expect(backoffDelay(1, low)).toBe(500);
    expect(backoffDelay(2, low)).toBe(1000);
    expect(backoffDelay(3, high)).toBeLessThan(4000);
    expect(backoffDelay(3, high)).toBeGreaterThan(3990);
    expect(backoffDelay(30, high)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelay(30, low)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('never retries sooner than Retry-After', () => {
    expect(backoffDelay(1, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelay(1, () => 0.5, 10 * 3_600_000)).toBe(15 * 60_000);
  });
});

describe('cadence', () => {
  const pace = DEFAULT_SETTINGS;
  it('is fast on a live call or a visible window, slow when idle, hidden or locked', () => {
    expect(pollInterval(pace, { liveCall: true, visible: false, locked: false })).toBe(2000);
    expect(pollInterval(pace, { liveCall: false, visible: true, locked: false })).toBe(5000);
    expect(pollInterval(pace, { liveCall: false, visible: false, locked: false })).toBe(60_000);
    expect(pollInterval(pace, { liveCall: true, visible: true, locked: true })).toBe(60_000);
  });

  it('polls activity at most every 15 s', () => {
    expect(activityInterval(pace, { liveCall: true, visible: true, locked: false })).toBe(15_000);
    expect(activityInterval(pace, { liveCall: false, visible: false, locked: false })).toBe(60_000);
  });

  it('quiet (hidden and idle, or locked): activity only when a call ended, or after about 10 minutes', async () => {
    const clock = new SteppedClock(0);
    const hidden = { liveCall: false, visible: false, locked: false };
    const locked = { liveCall: true, visible: true, locked: true };
    let lastRead = clock.now();
    const due: string[] = [];
    for (let minute = 1; minute <= 20; minute++) {
      await clock.step(60_000, async () => undefined);
      const answer = activityDue(pace, minute > 10 ? locked : hidden, clock.now() - lastRead);
      due.push(answer);
      if (answer === 'now') lastRead = clock.now();
    }
    expect(due.filter((d) => d === 'now').length).toBe(2);
    expect(due.filter((d) => d === 'later')).toEqual([]);
    expect(due.indexOf('now')).toBeGreaterThanOrEqual(Math.floor((QUIET_ACTIVITY_MS * 0.85) / 60_000) - 1);
    expect(due.indexOf('now')).toBeLessThan(QUIET_ACTIVITY_MS / 60_000);
  });

  it('not quiet: activity every 15 s at most, never waiting for a call to end', () => {
    const visible = { liveCall: false, visible: true, locked: false };
    expect(activityDue(pace, visible, 10_000)).toBe('later');
    expect(activityDue(pace, visible, 15_000)).toBe('now');
    expect(activityDue(pace, { liveCall: true, visible: false, locked: false }, 15_000)).toBe('now');
  });

  it('jitters by ±10%', () => {
    expect(withJitter(10_000, () => 0)).toBe(9000);
    expect(withJitter(10_000, () => 0.5)).toBe(10_000);
    expect(withJitter(10_000, () => 0.9999)).toBe(11_000);
  });
});

describe('Poller', () => {
  function rig(delay = 1000) {
    const clock = new SteppedClock(0);
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const poller = new Poller(clock, () => {
      started.push(clock.now());
      inFlight++;
      most = Math.max(most, inFlight);
      return new Promise<number>((resolve) =>
        gates.push(() => {
          inFlight--;
          resolve(delay);
        }),
      );
    });
    const release = async () => {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { clock, poller, started, release, most: () => most, gates };
  }

  it('never runs two polls at once and schedules the next only after the last ended', async () => {
    const { clock, poller, started, release, most, gates } = rig();
    poller.start();
    poller.now();
    poller.now();
    expect(started).toEqual([0]);
    expect(clock.pending()).toEqual([]);
    await release();
    expect(started).toEqual([0, 0]);
    expect(gates.length).toBe(1);
    await release();
    expect(clock.pending()).toEqual([1000]);
    expect(most()).toBe(1);
  });

  it('pauses on sleep and polls at once on resume', async () => {
    const { clock, poller, started, release } = rig();
    poller.start();
    await release();
    poller.pause();
    expect(clock.pending()).toEqual([]);
    await clock.step(10_000, async () => undefined);
    expect(started).toEqual([0]);
    poller.resume();
    expect(started).toEqual([0, 10_000]);
    await release();
    poller.stop();
    expect(clock.pending()).toEqual([]);
  });
});
