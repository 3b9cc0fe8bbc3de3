// The missed-call notification's words: name and number, line, how long ago; English and Spanish.
import { describe, expect, it } from 'vitest';

import {
  howLongAgo,
  missedBurstText,
  missedCallText,
  notificationLocale,
  privateMissedCallText,
} from '../../src/shared/missed-call-text';

const at = '2026-12-01T09:00:00.000Z';
const later = (seconds: number) => Date.parse(at) + seconds * 1000;
const call = { sessionId: 's1', from: '+15550123', fromName: 'Grace Hopper', line: 'Sales line', at };

describe('missedCallText', () => {
  it('names the caller with the number, the line and how long ago', () => {
    expect(missedCallText(call, later(180))).toEqual({
      title: 'Missed call from Grace Hopper (+15550123)',
      body: 'On Sales line · 3 minutes ago',
    });
  });

  it('shows the number alone when there is no name, and says "Missed" without a line', () => {
    expect(missedCallText({ sessionId: 's2', from: '+15550999', at }, later(10))).toEqual({
      title: 'Missed call from +15550999',
      body: 'Missed · now',
    });
  });

  it('speaks Spanish for a Spanish locale', () => {
    expect(missedCallText(call, later(2 * 3600), 'es-MX')).toEqual({
      title: 'Llamada perdida de Grace Hopper (+15550123)',
      body: 'En Sales line · hace 2 horas',
    });
    expect(missedBurstText(12, 'es')).toEqual({
      title: 'Llamadas perdidas',
      body: '12 llamadas perdidas mientras no estaba',
    });
  });

  it('leaves out the time for a date that does not parse', () => {
    expect(missedCallText({ ...call, at: 'yesterday-ish' }, later(0)).body).toBe('On Sales line');
    expect(howLongAgo('nope', later(0), 'en')).toBe('');
  });

  it('rounds to the largest whole unit', () => {
    expect(howLongAgo(at, later(59 * 60), 'en')).toBe('59 minutes ago');
    expect(howLongAgo(at, later(3 * 86_400), 'en')).toBe('3 days ago');
  });

  it('private text names the line and the time only, in English and Spanish', () => {
    expect(privateMissedCallText(call, later(180))).toEqual({
      title: 'Missed call on Sales line',
      body: '3 minutes ago',
    });
    expect(privateMissedCallText({ at }, later(10), 'es')).toEqual({ title: 'Llamada perdida', body: 'ahora' });
    expect(privateMissedCallText({ line: 'Soporte', at: 'nope' }, later(0), 'es-MX')).toEqual({
      title: 'Llamada perdida en Soporte',
      body: '',
    });
  });
});

describe('how long ago, at each unit’s edge', () => {
  it('says now under 45 seconds, then minutes, hours under a day, then days', () => {
    expect(howLongAgo(at, later(44), 'en')).toBe('now');
    expect(howLongAgo(at, later(45), 'en')).toBe('1 minute ago');
    expect(howLongAgo(at, later(3599), 'en')).toBe('60 minutes ago');
    expect(howLongAgo(at, later(3600), 'en')).toBe('1 hour ago');
    expect(howLongAgo(at, later(86_399), 'en')).toBe('24 hours ago');
    expect(howLongAgo(at, later(86_400), 'en')).toBe('yesterday');
    expect(howLongAgo(at, later(-120), 'en'), 'a clock a little behind the server').toBe('in 2 minutes');
  });
});

describe('notificationLocale', () => {
  it('is the language chosen in Settings, or the system’s', () => {
    expect(notificationLocale('es')).toBe('es');
    expect(notificationLocale('system')).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});

describe('missed-call words', () => {
  it('does not repeat a name that is the number, and leaves out the time when there is none', () => {
    expect(
      missedCallText({ sessionId: 's3', from: '+15550999', fromName: '+15550999', line: 'Sales', at: '' }, later(0)),
    ).toEqual({
      title: 'Missed call from +15550999',
      body: 'On Sales',
    });
    expect(privateMissedCallText({ line: 'Sales', at: '' }, later(0))).toEqual({
      title: 'Missed call on Sales',
      body: '',
    });
  });

  it('words a burst in English, with the count grouped for the locale', () => {
    expect(missedBurstText(1200)).toEqual({ title: 'Missed calls', body: '1,200 missed calls while you were away' });
  });
});
