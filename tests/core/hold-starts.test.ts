// Each held call's one hold start: the server's confirmation of the agent's hold, else a plausible
// dateLastModified (not in the future, not before the last poll that saw the call not held), else
// first sight; kept while the call stays held (a resume in flight included), forgotten once it is
// not held or gone from the board.
import { describe, expect, it } from 'vitest';

import { HoldStarts } from '../../src/main/core/hold-starts';
import type { SessionInfo } from '../../src/shared/evovoice';

const T = Date.parse('2026-11-23T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const held = (id: string, modified?: number, fields: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  callState: 'Hold',
  ...(modified === undefined ? {} : { dateLastModified: iso(modified) }),
  ...fields,
});
const talking = (id: string): SessionInfo => ({ id, callState: 'Connected' });

function setup() {
  let now = T;
  const starts = new HoldStarts(() => now);
  /** One poll begun at `at`, its list applied: the start of each call, as the board shows it. */
  const poll = (at: number, sessions: SessionInfo[], pending: string[] = []) => {
    starts.polled(at);
    starts.begin();
    const shown = sessions.map((s) => starts.of(s, pending.includes(s.id as string)));
    starts.end();
    starts.settled();
    return shown;
  };
  return { starts, poll, at: (t: number) => (now = t) };
}

describe('HoldStarts', () => {
  it('a hold first seen starts at its dateLastModified when that is not in the future', () => {
    const { poll } = setup();
    expect(poll(T, [held('a', T - 30_000), held('b', T), held('c', T + 1)])).toEqual([iso(T - 30_000), iso(T), iso(T)]);
  });

  it('without a readable modification time it starts at first sight', () => {
    const { poll } = setup();
    expect(poll(T, [held('a'), held('b', undefined, { dateLastModified: 'not a date' })])).toEqual([iso(T), iso(T)]);
  });

  it('keeps its start while held, whatever later reads say', () => {
    const { poll, at } = setup();
    poll(T, [held('a', T - 5_000)]);
    at(T + 10_000);
    expect(poll(T + 10_000, [held('a', T + 9_000)])).toEqual([iso(T - 5_000)]);
  });

  it('never starts before the last poll that saw the call not held', () => {
    const { poll, at } = setup();
    const P = T - 20_000;
    poll(P, [talking('a'), talking('b'), talking('c')]);
    at(T);
    expect(poll(T, [held('a', P - 1), held('b', P), held('c', P + 1)])).toEqual([iso(T), iso(P), iso(P + 1)]);
  });

  it('a call not seen by the poll before is judged by its date alone', () => {
    const { poll } = setup();
    poll(T - 20_000, [talking('other')]);
    expect(poll(T, [held('a', T - 60_000)])).toEqual([iso(T - 60_000)]);
  });

  it('a settled pass with no poll behind it keeps the last poll time', () => {
    const { starts, poll } = setup();
    const P = T - 20_000;
    poll(P, [talking('a')]);
    starts.begin();
    starts.of(talking('a'), false);
    starts.end();
    starts.settled();
    expect(poll(T, [held('a', P - 1)])).toEqual([iso(T)]);
  });

  it('the agent’s confirmed hold starts at the confirmation', () => {
    const { starts, poll, at } = setup();
    poll(T - 5_000, [talking('a')]);
    at(T + 3_000);
    starts.confirmed('a');
    at(T + 9_000);
    expect(poll(T + 9_000, [held('a', T - 1)])).toEqual([iso(T + 3_000)]);
  });

  it('a hold in flight shows no start and records none; a resume in flight keeps it', () => {
    const { poll, at } = setup();
    expect(poll(T, [held('a', T - 1_000)], ['a'])).toEqual([undefined]);
    expect(poll(T, [held('a', T - 2_000)])).toEqual([iso(T - 2_000)]);
    at(T + 5_000);
    expect(poll(T + 5_000, [talking('a')], ['a'])).toEqual([undefined]);
    expect(poll(T + 5_000, [held('a', T + 4_000)])).toEqual([iso(T - 2_000)]);
  });

  it('a resume or an end forgets the start; the next hold starts again', () => {
    const { poll, at } = setup();
    poll(T, [held('a', T - 1_000), held('b', T - 1_000)]);
    at(T + 10_000);
    expect(poll(T + 10_000, [talking('a'), held('b', T - 1_000, { ended: true })])).toEqual([undefined, undefined]);
    at(T + 20_000);
    expect(poll(T + 20_000, [held('a', T + 15_000), held('b', T + 15_000)])).toEqual([
      iso(T + 15_000),
      iso(T + 15_000),
    ]);
  });

  it('a call gone from the board is forgotten', () => {
    const { poll, at } = setup();
    poll(T, [held('a', T - 1_000)]);
    at(T + 10_000);
    poll(T + 10_000, []);
    expect(poll(T + 10_000, [held('a', T + 5_000)])).toEqual([iso(T + 5_000)]);
  });

  it('a call without an id has no start', () => {
    const { starts } = setup();
    starts.begin();
    expect(starts.of({ callState: 'Hold' }, false)).toBeUndefined();
  });

  it('clear forgets starts, calls seen not held and the last poll', () => {
    const { starts, poll, at } = setup();
    poll(T - 20_000, [talking('a'), held('b', T - 30_000)]);
    starts.clear();
    at(T);
    expect(poll(T, [held('a', T - 25_000), held('b', T - 10_000)])).toEqual([iso(T - 25_000), iso(T - 10_000)]);
  });

  it('clear drops a poll on its way: its list does not date later holds', () => {
    const { starts, at } = setup();
    starts.polled(T - 20_000);
    starts.clear();
    starts.begin();
    starts.of(talking('a'), false);
    starts.end();
    starts.settled();
    at(T);
    starts.begin();
    expect(starts.of(held('a', T - 30_000), false)).toBe(iso(T - 30_000));
  });
});
