// How often to poll: fast while a call is live or the window is visible, slow while idle,
// hidden or locked, with ±10% jitter so that many agents do not poll in lockstep; and when the
// activity feed is due.
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

/** While quiet, the activity feed waits for the sessions feed to show a call ended, or this long. */
export const QUIET_ACTIVITY_MS = 10 * 60_000;

/** An activity poll is due when this share of its interval has passed (polls are jittered). */
const ACTIVITY_DUE_SHARE = 0.85;

export function pollInterval(pace: Pace, activity: Activity): number {
  if (activity.locked) return pace.pollIdleMs;
  if (activity.liveCall) return pace.pollLiveMs;
  if (activity.visible) return pace.pollVisibleMs;
  return pace.pollIdleMs;
}

/** Quiet: locked, or hidden with no live call. The agent looks at nothing: the slow pace. */
export function isQuiet(activity: Activity): boolean {
  return activity.locked || (!activity.liveCall && !activity.visible);
}

/** The minimum gap between two activity polls while not quiet. */
export function activityInterval(pace: Pace, activity: Activity): number {
  return Math.max(pollInterval(pace, activity), pace.pollVisibleMs * ACTIVITY_EVERY_MS_FACTOR);
}

/**
 * Whether this poll reads the activity feed, `sinceMs` after the last read: `now` (with the
 * sessions), `if-a-call-ended` (quiet: only when the sessions feed shows a call ended), or `later`.
 */
export type ActivityDue = 'now' | 'if-a-call-ended' | 'later';

export function activityDue(pace: Pace, activity: Activity, sinceMs: number): ActivityDue {
  if (isQuiet(activity)) return sinceMs >= QUIET_ACTIVITY_MS * ACTIVITY_DUE_SHARE ? 'now' : 'if-a-call-ended';
  return sinceMs >= activityInterval(pace, activity) * ACTIVITY_DUE_SHARE ? 'now' : 'later';
}

export function withJitter(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}
