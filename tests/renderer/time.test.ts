// Elapsed time in a state as the board shows it.
import { describe, expect, it } from 'vitest';

import { clockTime, dateTime, duration, elapsed, shortDate } from '../../src/renderer/src/lib/time';

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

describe('duration of a value that is not a number', () => {
  it('shows nothing for NaN or infinity', () => {
    expect(duration(Number.NaN)).toBe('');
    expect(duration(Number.POSITIVE_INFINITY)).toBe('');
    expect(duration(3723.4)).toBe('1:02:03');
  });
});

describe('clock times and dates for a locale', () => {
  const iso = '2026-11-23T09:05:07.000Z';
  const local = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');

  it('shows the local clock time with seconds, two digits each', () => {
    expect(clockTime(iso, 'en-GB')).toBe(
      `${two(local.getHours())}:${two(local.getMinutes())}:${two(local.getSeconds())}`,
    );
    expect(clockTime(undefined, 'en-GB')).toBe('');
    expect(clockTime('yesterday', 'en-GB')).toBe('');
  });

  it('shows a date and time in medium date and short time, and a date it cannot read as sent', () => {
    const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(local);
    expect(dateTime(iso, 'en-GB')).toBe(expected);
    expect(dateTime(iso, 'en-GB')).toContain(`${two(local.getHours())}:${two(local.getMinutes())}`);
    expect(dateTime(iso, 'en-GB')).not.toContain(`:${two(local.getSeconds())}`);
    expect(dateTime('last Tuesday', 'en-GB')).toBe('last Tuesday');
    expect(dateTime(undefined, 'en-GB')).toBe('');
  });

  it('shows a date alone in medium style', () => {
    expect(shortDate(iso, 'en-GB')).toBe(`${local.getDate()} Nov 2026`);
    expect(shortDate('soon', 'en-GB')).toBe('');
    expect(shortDate(undefined, 'en-GB')).toBe('');
  });
});
