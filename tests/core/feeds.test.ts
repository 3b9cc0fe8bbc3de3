// "Today" for the sessions feed must not lose the morning in any time zone.
import { afterEach, describe, expect, it } from 'vitest';

import { today } from '../../src/main/core/feeds';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('today', () => {
  it('is the earlier of the local and the UTC date', () => {
    process.env.TZ = 'Australia/Sydney';
    expect(today(Date.parse('2026-11-23T22:00:00Z'))).toBe('2026-11-23');
    process.env.TZ = 'America/Los_Angeles';
    expect(today(Date.parse('2026-11-24T03:00:00Z'))).toBe('2026-11-23');
    process.env.TZ = 'UTC';
    expect(today(Date.parse('2026-11-24T03:00:00Z'))).toBe('2026-11-24');
  });
});
