// The one date reader: every format the Evo Voice API may send, and what is not a date.
import { describe, expect, it } from 'vitest';

import { apiDateMs, normalApiDate } from '../../src/shared/dates';

const NOON = Date.parse('2026-11-23T12:00:00.000Z');

describe('apiDateMs', () => {
  it.each([
    ['2026-11-23T12:00:00.000Z', NOON],
    ['2026-11-23T12:00:00Z', NOON],
    ['2026-11-23T07:00:00-05:00', NOON],
    ['2026-11-23T13:00:00.0000000+0100', NOON],
    ['2026-11-23T12:00:00.1234567', NOON + 123],
    ['2026-11-23T12:00:00', NOON],
    ['2026-11-23 12:00', NOON],
    ['/Date(1795435200000)/', NOON],
    ['/Date(1795435200000+0100)/', NOON],
    ['/Date(1795435200000-0500)/', NOON],
    ['2026-11-23', Date.parse('2026-11-23T00:00:00Z')],
  ])('reads %s', (text, ms) => {
    expect(apiDateMs(text)).toBe(ms);
  });

  it.each([
    '',
    'String',
    '2026-02-30T00:00:00Z',
    '2026-02-30T00:00:00.000Z',
    '2026-11-23T25:00:00Z',
    '/Date(abc)/',
    '23/11/2026',
    undefined,
  ])('answers undefined for %s', (text) => {
    expect(apiDateMs(text)).toBeUndefined();
  });

  it('normalises to ISO in UTC and keeps that form as it is', () => {
    expect(normalApiDate('/Date(1795435200000+0100)/')).toBe('2026-11-23T12:00:00.000Z');
    expect(normalApiDate('2026-11-23T07:00:00-05:00')).toBe('2026-11-23T12:00:00.000Z');
    expect(normalApiDate('2026-11-23T12:00:00.000Z')).toBe('2026-11-23T12:00:00.000Z');
    expect(normalApiDate('String')).toBeUndefined();
    expect(apiDateMs(normalApiDate('2026-02-30T00:00:00.000Z'))).toBeUndefined();
  });
});

describe('dates at their edges', () => {
  it.each([
    [' /Date(1795435200000)/ ', NOON],
    [' 2026-11-23T12:00:00Z ', NOON],
    ['2026-11-23t12:00:00z', NOON],
    ['2026-11-23T12:00:00 Z', NOON],
    ['2026-11-23T12:00:00,5Z', NOON + 500],
    ['2026-11-23T12:00:00.5Z', NOON + 500],
    ['2026-11-23T12:00:00.1239Z', NOON + 123],
    ['2026-11-23T17:30:00+05:30', NOON],
    ['2026-11-23T08:30:00-0330', NOON],
    ['2026-11-23T23:59:59Z', NOON + (11 * 3600 + 59 * 60 + 59) * 1000],
    ['/Date(-1000)/', -1000],
    ['/Date(8640000000000000)/', 8.64e15],
  ])('reads %s', (text, ms) => {
    expect(apiDateMs(text)).toBe(ms);
  });

  it.each([
    '2026-11-23T24:00:00Z',
    '2026-11-23T12:60:00Z',
    '2026-11-23T12:00:60Z',
    '2026-13-01',
    '2026-11-32',
    '2026-11-23T12:00:00+5',
    '/Date(8640000000000001)/',
    '/Date(-8640000000000001)/',
    '/Date(99999999999999999999)/',
    'x/Date(1795435200000)/',
    '/Date(1795435200000)/x',
    'x2026-11-23',
    '2026-11-23x',
  ])('answers undefined for %s', (text) => {
    expect(apiDateMs(text)).toBeUndefined();
  });

  it('takes the fast path only for text of exactly the kept shape', () => {
    expect(normalApiDate('2026-11-23T12:00:00.000ZZ')).toBeUndefined();
    expect(normalApiDate('2026-11-23T12:00:00.000+')).toBeUndefined();
    expect(normalApiDate('2026-11-23T12:00:00,000Z')).toBe('2026-11-23T12:00:00.000Z');
    expect(normalApiDate('2026-11-23 12:00:00.000Z')).toBe('2026-11-23T12:00:00.000Z');
    expect(normalApiDate('2026/11-23T12:00:00.000Z')).toBeUndefined();
  });
});
