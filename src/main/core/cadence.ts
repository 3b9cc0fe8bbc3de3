// How often to poll: fast while a call is live or the window is visible, slow while idle,
// hidden or locked, with ±10% jitter so that many agents do not poll in lockstep.
import type { Settings } from '../../shared/ipc';

export interface Activity {
  liveCall: boolean;
  visible: boolean;
  locked: boolean;
}

export type Pace = Pick<Settings, 'pollLiveMs' | 'pollVisibleMs' | 'pollIdleMs'>;

/** The activity feed (ended calls of the last hours) changes only when a call ends, and missed
 *  calls also arrive through the sessions feed: it is polled at most this many times less often. */
export const ACTIVITY_EVERY_MS_FACTOR = 3;

export function pollInterval(pace: Pace, activity: Activity): number {
  if (activity.locked) return pace.pollIdleMs;
  if (activity.liveCall) return pace.pollLiveMs;
  if (activity.visible) return pace.pollVisibleMs;
  return pace.pollIdleMs;
}

/** The minimum gap between two activity polls. */
export function activityInterval(pace: Pace, activity: Activity): number {
  return Math.max(pollInterval(pace, activity), pace.pollVisibleMs * ACTIVITY_EVERY_MS_FACTOR);
}

export function withJitter(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}
