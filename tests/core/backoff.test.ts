// The delay after failures: the first step from attempt 0 or 1, doubling, equal jitter, the cap,
// and Retry-After honoured up to its own cap.
import { describe, expect, it } from 'vitest';

import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, RETRY_AFTER_CAP_MS } from '../../src/main/core/backoff';

describe('backoffDelay', () => {
  it('starts at the base step for attempt 0 or 1, half fixed and half random', () => {
    expect(BACKOFF_BASE_MS).toBe(1000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(750);
    expect(backoffDelay(4, () => 0.5)).toBe(6000);
  });

  it('stops doubling at the cap', () => {
    expect(BACKOFF_CAP_MS).toBe(60_000);
    expect(backoffDelay(7, () => 1)).toBe(60_000);
    expect(backoffDelay(8, () => 0)).toBe(30_000);
  });

  it('waits what the server asked when that is longer, never more than its cap, and never less than the backoff', () => {
    expect(RETRY_AFTER_CAP_MS).toBe(900_000);
    expect(backoffDelay(3, () => 0, 0)).toBe(2000);
    expect(backoffDelay(3, () => 0, 2500)).toBe(2500);
    expect(backoffDelay(1, () => 0, 900_001)).toBe(900_000);
  });
});
