// How long to wait before trying again after a failure: exponential with jitter, capped,
// and never shorter than what the server asked for with Retry-After.

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 60_000;
/** A Retry-After beyond this is treated as this: the console must come back on its own. */
export const RETRY_AFTER_CAP_MS = 15 * 60_000;

/**
 * Delay before attempt number `failures` (1 for the first retry). "Equal jitter": half the
 * exponential step is fixed, the other half random, so retries spread but never come too soon.
 */
export function backoffDelay(failures: number, random: () => number, retryAfterMs?: number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const delay = step / 2 + (random() * step) / 2;
  return retryAfterMs === undefined ? delay : Math.max(delay, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS));
}
