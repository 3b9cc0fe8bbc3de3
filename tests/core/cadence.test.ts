// How often to poll, at the edges: locked wins over a live call, a live call over a hidden window;
// the activity feed's interval and when its poll is due (85% of it, jittered polls); the jitter.
import { describe, expect, it } from 'vitest';

import {
  ACTIVITY_EVERY_MS_FACTOR,
  activityDue,
  activityInterval,
  isQuiet,
  pollInterval,
  QUIET_ACTIVITY_MS,
  withJitter,
} from '../../src/main/core/cadence';

const pace = { pollLiveMs: 2_000, pollVisibleMs: 5_000, pollIdleMs: 60_000 };
const as = (liveCall: boolean, visible: boolean, locked: boolean) => ({ liveCall, visible, locked });

describe('cadence', () => {
  it('locked is idle even on a live call; a live call is fast even hidden; visible, then idle', () => {
    expect(pollInterval(pace, as(true, true, true))).toBe(60_000);
    expect(pollInterval(pace, as(true, false, false))).toBe(2_000);
    expect(pollInterval(pace, as(true, true, false))).toBe(2_000);
    expect(pollInterval(pace, as(false, true, false))).toBe(5_000);
    expect(pollInterval(pace, as(false, false, false))).toBe(60_000);
  });

  it('quiet is locked, or hidden with no live call', () => {
    expect(isQuiet(as(true, true, true))).toBe(true);
    expect(isQuiet(as(false, false, false))).toBe(true);
    expect(isQuiet(as(true, false, false))).toBe(false);
    expect(isQuiet(as(false, true, false))).toBe(false);
  });

  it('the activity feed waits the slower of the poll interval and three visible intervals', () => {
    expect(ACTIVITY_EVERY_MS_FACTOR).toBe(3);
    expect(activityInterval(pace, as(true, true, false))).toBe(15_000);
    expect(activityInterval({ ...pace, pollLiveMs: 20_000 }, as(true, true, false))).toBe(20_000);
  });

  it('due at 85% of its interval; quiet, at 85% of ten minutes or when a call ended', () => {
    const visible = as(false, true, false);
    expect(activityDue(pace, visible, 12_749)).toBe('later');
    expect(activityDue(pace, visible, 12_750)).toBe('now');
    const quiet = as(false, false, false);
    expect(QUIET_ACTIVITY_MS).toBe(600_000);
    expect(activityDue(pace, quiet, 509_999)).toBe('if-a-call-ended');
    expect(activityDue(pace, quiet, 510_000)).toBe('now');
  });

  it('jitter spans ±10% and rounds to the millisecond', () => {
    expect(withJitter(1_001, () => 0.5)).toBe(1_001);
    expect(withJitter(1_000, () => 0.25)).toBe(950);
    expect(withJitter(1_005, () => 0)).toBe(905);
  });
});
