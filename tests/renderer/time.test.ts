// Elapsed time in a state as the board shows it.
import { describe, expect, it } from 'vitest';

import { duration, elapsed } from '../../src/renderer/src/lib/time';

describe('elapsed', () => {
  const start = '2026-11-23T09:00:00.000Z';
  const at = (seconds: number) => Date.parse(start) + seconds * 1000;

  it('shows minutes and seconds, then hours', () => {
    expect(elapsed(start, at(7))).toBe('0:07');
    expect(elapsed(start, at(754))).toBe('12:34');
    expect(elapsed(start, at(3723))).toBe('1:02:03');
  });

  it('never goes negative and shows nothing for a missing or bad date', () => {
    expect(elapsed(start, at(-5))).toBe('0:00');
    expect(elapsed(undefined, at(1))).toBe('');
    expect(elapsed('not a date', at(1))).toBe('');
  });
});

describe('duration', () => {
  it('formats seconds as m:ss', () => {
    expect(duration(44)).toBe('0:44');
    expect(duration(2655)).toBe('44:15');
    expect(duration(undefined)).toBe('');
  });
});
