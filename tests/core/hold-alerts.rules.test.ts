// Hold reminders case by case, on a stepped clock: which board rows are timed, the longest hold the
// state carries, when a reminder is due (one a period, a hold first seen long after it started
// waits), what one reminder names for one call or many (and privately), and the hold durations.
import { describe, expect, it } from 'vitest';

import { HoldAlerts, holdDuration } from '../../src/main/core/hold-alerts';
import type { BoardSession } from '../../src/shared/live';
import { RecordingNotifier, SteppedClock } from './ports';

const T0 = Date.parse('2026-11-23T12:00:00.000Z');
const SECOND = 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const settle = () => Promise.resolve();

/** One of the agent's calls on hold since `since` (ms). */
const held = (id: string, since: number, fields: Partial<BoardSession> = {}): BoardSession => ({
  id,
  callState: 'Hold',
  ended: false,
  heldSince: iso(since),
  mine: true,
  fromName: `Caller ${id}`,
  fromAddress: `+1555010${id.length}`,
  endpointName: 'Support line',
  ...fields,
});

function alerts(options: { seconds?: number; locale?: string; privateText?: boolean } = {}) {
  const clock = new SteppedClock(T0);
  const notifier = new RecordingNotifier();
  let changes = 0;
  const seconds = { value: options.seconds ?? 60 };
  const hold = new HoldAlerts({
    clock,
    notifier,
    seconds: () => seconds.value,
    agent: () => ({ userId: 'user-demo', displayName: 'Demo Agent' }),
    locale: () => options.locale ?? 'en',
    privateText: () => options.privateText ?? false,
    onChange: () => changes++,
  });
  return {
    hold,
    clock,
    notifier,
    seconds,
    changes: () => changes,
    step: (ms: number) => clock.step(ms, settle),
  };
}

describe('holdDuration', () => {
  it('says seconds, minutes and seconds, hours and minutes, rounded to the second', () => {
    expect(holdDuration(0)).toBe('0 s');
    expect(holdDuration(-5 * SECOND)).toBe('0 s');
    expect(holdDuration(59_400)).toBe('59 s');
    expect(holdDuration(59_600)).toBe('1 min');
    expect(holdDuration(65 * SECOND)).toBe('1 min 5 s');
    expect(holdDuration(3599 * SECOND)).toBe('59 min 59 s');
    expect(holdDuration(3600 * SECOND)).toBe('1 h');
    expect(holdDuration(3600 * SECOND + 59 * SECOND)).toBe('1 h');
    expect(holdDuration(2 * 3600 * SECOND + 5 * 60 * SECOND)).toBe('2 h 5 min');
  });
});

describe('which holds are timed', () => {
  it('only live held rows with an id and a readable hold start; the state carries the longest', () => {
    const { hold, changes } = alerts();
    expect(hold.heldSince()).toEqual({});
    hold.review([
      held('a', T0 - 10 * SECOND),
      held('b', T0 - 30 * SECOND),
      held('c', T0 - 20 * SECOND),
      held('ended', T0 - 90 * SECOND, { ended: true }),
      held('connected', T0 - 90 * SECOND, { callState: 'Connected' }),
      held('no-start', T0, { heldSince: undefined }),
      held('bad-start', T0, { heldSince: 'yesterday' }),
      held('', T0 - 90 * SECOND),
    ]);
    expect(hold.heldSince()).toEqual({ b: iso(T0 - 30 * SECOND) });
    expect(changes()).toBe(1);
  });

  it('republishes only when the longest hold moved: a shorter one coming or going is not news', () => {
    const { hold, changes } = alerts();
    const a = held('a', T0 - 30 * SECOND);
    hold.review([a]);
    expect(changes()).toBe(1);
    hold.review([a, held('b', T0 - 5 * SECOND)]);
    hold.review([a]);
    hold.review([a]);
    expect(changes()).toBe(1);
    // The longest taken off hold: the next one is the longest now.
    hold.review([held('b', T0 - 5 * SECOND)]);
    expect(hold.heldSince()).toEqual({ b: iso(T0 - 5 * SECOND) });
    expect(changes()).toBe(2);
    // A new hold start for the same call (held again) is a new hold.
    hold.review([held('b', T0 - 1 * SECOND)]);
    expect(hold.heldSince()).toEqual({ b: iso(T0 - 1 * SECOND) });
    expect(changes()).toBe(3);
    hold.review([]);
    expect(hold.heldSince()).toEqual({});
    expect(changes()).toBe(4);
  });

  it('clear forgets every hold (and says so only when there was one); stop keeps them', async () => {
    const { hold, changes, notifier, step } = alerts();
    hold.clear();
    expect(changes()).toBe(0);
    hold.review([held('a', T0)]);
    hold.stop();
    await step(120 * SECOND);
    expect(notifier.shown).toEqual([]);
    expect(hold.heldSince()).toEqual({ a: iso(T0) });
    hold.clear();
    expect(hold.heldSince()).toEqual({});
    expect(changes()).toBe(2);
    hold.reschedule();
    await step(120 * SECOND);
    expect(notifier.shown).toEqual([]);
  });
});

describe('when a reminder comes', () => {
  it('after the set time, then every period; the row as last reviewed is named', async () => {
    const { hold, notifier, step } = alerts({ seconds: 30 });
    hold.review([held('a', T0)]);
    await step(29 * SECOND);
    expect(notifier.shown).toEqual([]);
    hold.review([held('a', T0, { fromName: 'Ada Lovelace' })]);
    await step(1 * SECOND);
    expect(notifier.shown).toEqual([
      {
        title: 'Caller on hold for 30 s',
        body: 'Ada Lovelace (+15550101) on Support line: open the call to take it off hold',
        sessionId: 'a',
        onHold: true,
      },
    ]);
    await step(29 * SECOND);
    expect(notifier.shown).toHaveLength(1);
    await step(1 * SECOND);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 30 s', 'Caller on hold for 1 min']);
  });

  it('a hold first seen long after it began waits for its next period, not at once', async () => {
    const { hold, notifier, step } = alerts();
    hold.review([held('a', T0 - 150 * SECOND)]);
    await step(29 * SECOND);
    expect(notifier.shown).toEqual([]);
    await step(1 * SECOND);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 3 min']);
  });

  it('no more than one reminder a period, naming every hold of the agent past the time, longest first', async () => {
    const { hold, notifier, step } = alerts();
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => held(id, T0 - (5 - i) * 10 * SECOND));
    hold.review(rows);
    await step(10 * SECOND);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 1 min']);
    // b, c, … each came due during the period after the first reminder: the next waits a whole period.
    await step(59 * SECOND);
    expect(notifier.shown).toHaveLength(1);
    await step(1 * SECOND);
    expect(notifier.shown[1]).toEqual({
      title: '6 callers on hold, longest 2 min',
      body: 'Caller a (+15550101), Caller b (+15550101), Caller c (+15550101), Caller d (+15550101), and 2 more: open a call to take it off hold',
      sessionId: 'a',
      onHold: true,
    });
  });

  it("another agent's held call is timed but never reminded of, and never named", async () => {
    const { hold, notifier, step } = alerts();
    const theirs = held('theirs', T0 - 30 * SECOND, { mine: false, heldByUserId: 'user-priya', fromName: 'Grace' });
    hold.review([theirs]);
    await step(180 * SECOND);
    expect(notifier.shown).toEqual([]);
    expect(hold.heldSince()).toEqual({ theirs: iso(T0 - 30 * SECOND) });
    hold.review([theirs, held('mine', T0 + 170 * SECOND)]);
    await step(60 * SECOND);
    expect(notifier.shown).toEqual([
      {
        title: 'Caller on hold for 1 min',
        body: 'Caller mine (+15550104) on Support line: open the call to take it off hold',
        sessionId: 'mine',
        onHold: true,
      },
    ]);
  });

  it('two holds of the agent due together: one reminder for both, dated by the longest', async () => {
    const { hold, notifier, step } = alerts();
    // bb, first seen after a minute on hold, waits for its second period: due with a.
    hold.review([
      held('a', T0 - 5 * SECOND),
      held('bb', T0 - 65 * SECOND, { fromName: undefined, fromAddress: undefined }),
    ]);
    await step(54 * SECOND);
    expect(notifier.shown).toEqual([]);
    await step(1 * SECOND);
    expect(notifier.shown).toEqual([
      {
        title: '2 callers on hold, longest 2 min',
        body: 'the caller, Caller a (+15550101): open a call to take it off hold',
        sessionId: 'bb',
        onHold: true,
      },
    ]);
  });

  it('off (0 or less) means no reminders, and turning it on again follows the new period', async () => {
    const { hold, notifier, step, seconds } = alerts({ seconds: 0 });
    hold.review([held('a', T0)]);
    await step(300 * SECOND);
    seconds.value = -10;
    hold.reschedule();
    await step(300 * SECOND);
    expect(notifier.shown).toEqual([]);
    // On again: a hold already past the time is reminded of at once, then every period.
    seconds.value = 60;
    hold.reschedule();
    await step(0);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 10 min']);
    await step(59 * SECOND);
    expect(notifier.shown).toHaveLength(1);
    await step(1 * SECOND);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 10 min', 'Caller on hold for 11 min']);
  });

  it('turned off while a reminder is due: the timer fires and says nothing', async () => {
    const { hold, notifier, step, seconds } = alerts();
    hold.review([held('a', T0)]);
    seconds.value = 0;
    await step(300 * SECOND);
    expect(notifier.shown).toEqual([]);
  });
});

describe('what a reminder says', () => {
  it('names the number alone, or the caller alone when there is no line, the line from the called number', async () => {
    const { hold, notifier, step } = alerts();
    hold.review([held('a', T0, { fromName: undefined, endpointName: undefined, toAddress: '+15550999' })]);
    await step(60 * SECOND);
    hold.review([held('b', T0 + 60 * SECOND, { endpointName: undefined, fromAddress: undefined })]);
    await step(60 * SECOND);
    expect(notifier.shown.map((n) => n.body)).toEqual([
      '+15550101 on +15550999: open the call to take it off hold',
      'Caller b: open the call to take it off hold',
    ]);
  });

  it('privately: "a caller" on the line, and for many only what to do', async () => {
    const { hold, notifier, step } = alerts({ privateText: true });
    hold.review([held('a', T0)]);
    await step(60 * SECOND);
    hold.review([held('a', T0), held('b', T0 + 60 * SECOND)]);
    await step(60 * SECOND);
    expect(notifier.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Caller on hold for 1 min', body: 'A caller on Support line: open the call to take it off hold' },
      { title: '2 callers on hold, longest 2 min', body: 'Open a call to take it off hold' },
    ]);
    expect(JSON.stringify(notifier.shown)).not.toMatch(/Caller a|Caller b|\+1555/);
  });

  it('in Spanish for any Spanish locale', async () => {
    const { hold, notifier, step } = alerts({ locale: 'ES-mx' });
    hold.review([held('a', T0)]);
    await step(90 * SECOND);
    // b is not past the time yet when a's second reminder comes: a alone, then both.
    hold.review([held('a', T0), held('b', T0 + 90 * SECOND)]);
    await step(90 * SECOND);
    expect(notifier.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      {
        title: 'Llamada en espera desde hace 1 min',
        body: 'Caller a (+15550101) en Support line: abra la llamada para retomarla',
      },
      {
        title: 'Llamada en espera desde hace 2 min',
        body: 'Caller a (+15550101) en Support line: abra la llamada para retomarla',
      },
      {
        title: '2 llamadas en espera, la más larga 3 min',
        body: 'Caller a (+15550101), Caller b (+15550101): abra una llamada para retomarla',
      },
    ]);
  });

  it('in Spanish, more than four callers end with "y N más"', async () => {
    const { hold, notifier, step } = alerts({ locale: 'es' });
    hold.review(['a', 'b', 'c', 'd', 'e'].map((id) => held(id, T0)));
    await step(60 * SECOND);
    expect(notifier.shown[0]?.body).toBe(
      'Caller a (+15550101), Caller b (+15550101), Caller c (+15550101), Caller d (+15550101), y 1 más: abra una llamada para retomarla',
    );
  });
});

describe('the edges', () => {
  it('exactly four callers are all named, with no "and 0 more"', async () => {
    const { hold, notifier, step } = alerts();
    hold.review(['a', 'b', 'c', 'd'].map((id) => held(id, T0)));
    await step(60 * SECOND);
    expect(notifier.shown[0]?.body).toBe(
      'Caller a (+15550101), Caller b (+15550101), Caller c (+15550101), Caller d (+15550101): open a call to take it off hold',
    );
  });

  it('a row whose hold start does not parse is not timed, whatever its place on the board', () => {
    const { hold } = alerts();
    hold.review([held('bad', T0, { heldSince: 'soon' }), held('a', T0 - 5 * SECOND)]);
    expect(hold.heldSince()).toEqual({ a: iso(T0 - 5 * SECOND) });
  });

  it('a hold seen again unchanged keeps its reminders: one due during the wait after another still comes', async () => {
    const { hold, notifier, step } = alerts();
    const b = held('b', T0 + 30 * SECOND);
    hold.review([held('a', T0)]);
    await step(30 * SECOND);
    hold.review([held('a', T0), b]);
    await step(30 * SECOND);
    expect(notifier.shown.map((n) => n.sessionId)).toEqual(['a']);
    // a resumed; b came due at 90 s, waiting for the period after a's reminder.
    await step(40 * SECOND);
    hold.review([b]);
    await step(20 * SECOND);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Caller on hold for 1 min', 'Caller on hold for 1 min 30 s']);
  });

  it('no timer is left while nothing is held or reminders are off', async () => {
    const { hold, clock, seconds } = alerts();
    hold.review([held('a', T0)]);
    expect(clock.pending()).toEqual([60 * SECOND]);
    hold.review([]);
    expect(clock.pending()).toEqual([]);
    seconds.value = 0;
    hold.review([held('a', T0)]);
    expect(clock.pending()).toEqual([]);
  });
});
