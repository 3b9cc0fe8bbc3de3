// The board order carried from patch to patch always equals a full filter-and-sort of the list,
// its counts equal a full count, and a one-call patch reads a handful of rows, not all of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { BoardOrder } from '../../src/renderer/src/lib/boardOrder';
import { boardState, isLive, newestFirst } from '../../src/renderer/src/lib/callState';
import type { SessionInfo } from '../../src/shared/evovoice';
import { type EntityChange, type ListPatch, PatchedList } from '../../src/shared/live';

const minute = (n: number) => new Date(Date.UTC(2026, 10, 23, 9, n)).toISOString();

/** Few distinct dates, so that ties (kept in list order) are common. */
const fieldsArb = fc.record(
  {
    dateCreated: fc.integer({ min: 0, max: 6 }).map(minute),
    ended: fc.boolean(),
    callState: fc.constantFrom('Ringing', 'Connected', 'Hold', 'Teleported'),
    queueState: fc.constantFrom('Queued', 'None'),
    fromName: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<SessionInfo>>;

const UNSETTABLE: (keyof SessionInfo)[] = ['dateCreated', 'ended', 'callState', 'queueState', 'fromName'];

const STEPS = 8;
const ADDED_PER_STEP = 3;
/** Every id a scenario can name: the first list's and those its patches add (n<step>.<i>). */
const IDS = [
  ...Array.from({ length: 25 }, (_, i) => `s${i}`),
  ...Array.from(
    { length: STEPS * ADDED_PER_STEP },
    (_, i) => `n${Math.floor(i / ADDED_PER_STEP)}.${i % ADDED_PER_STEP}`,
  ),
];

/** A patch: removals, field changes (set and unset; ids not in the list are ignored) and new calls. */
const patchArb = (step: number): fc.Arbitrary<ListPatch> =>
  fc
    .record({
      removed: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
      changed: fc.uniqueArray(
        fc.record({ id: fc.constantFrom(...IDS), set: fieldsArb, unset: fc.subarray(UNSETTABLE, { maxLength: 2 }) }),
        { selector: (c) => c.id, maxLength: 4 },
      ),
      added: fc.array(fieldsArb, { maxLength: ADDED_PER_STEP }),
    })
    .map(({ removed, changed, added }) => ({
      removed,
      changed: changed.map((c): EntityChange => ({ id: c.id, set: c.set, unset: c.unset })),
      added: added.map((fields, i) => ({ ...fields, id: `n${step}.${i}` })),
    }));

const fullOrder = (list: PatchedList) => list.values().filter(isLive).sort(newestFirst);

function fullCounts(list: PatchedList): Record<string, number> {
  const counts: Record<string, number> = { ringing: 0, connected: 0, hold: 0, queued: 0, other: 0 };
  for (const s of fullOrder(list)) counts[boardState(s)] = (counts[boardState(s)] ?? 0) + 1;
  return counts;
}

describe('BoardOrder', () => {
  it('equals a full filter-and-sort, and its counts a full count, after any sequence of patches (property)', () => {
    const scenario = fc
      .array(fieldsArb, { maxLength: 25 })
      .map((fields) => fields.map((f, i): SessionInfo => ({ ...f, id: `s${i}` })));
    const patches = fc.tuple(...Array.from({ length: STEPS }, (_, step) => patchArb(step)));
    fc.assert(
      fc.property(scenario, patches, (initial, steps) => {
        const list = new PatchedList(initial);
        const order = new BoardOrder();
        order.reset(initial);
        expect(order.rows()).toEqual(fullOrder(list));
        for (const patch of steps) {
          list.apply(patch, (before, after) => order.update(before, after));
          expect(order.rows()).toEqual(fullOrder(list));
          expect(order.counts()).toEqual(fullCounts(list));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the objects of rows a patch did not touch, and the place of a row whose date did not change', () => {
    const initial: SessionInfo[] = [
      { id: 'a', dateCreated: minute(1) },
      { id: 'b', dateCreated: minute(3) },
      { id: 'c', dateCreated: minute(2), ended: true },
    ];
    const list = new PatchedList(initial);
    const order = new BoardOrder();
    order.reset(initial);
    const before = order.rows();
    expect(before.map((s) => s.id)).toEqual(['b', 'a']);
    list.apply({ added: [], removed: [], changed: [{ id: 'a', set: { fromName: 'Ada' } }] }, (x, y) =>
      order.update(x, y),
    );
    const after = order.rows();
    expect(after.map((s) => s.id)).toEqual(['b', 'a']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.fromName).toBe('Ada');
  });

  it('takes a call off when it ends and puts it back when the server says it did not', () => {
    const initial: SessionInfo[] = [{ id: 'a', dateCreated: minute(1), callState: 'Ringing' }];
    const list = new PatchedList(initial);
    const order = new BoardOrder();
    order.reset(initial);
    const apply = (patch: ListPatch) => list.apply(patch, (x, y) => order.update(x, y));
    apply({ added: [], removed: [], changed: [{ id: 'a', set: { ended: true } }] });
    expect(order.rows()).toEqual([]);
    expect(order.counts().ringing).toBe(0);
    apply({ added: [], removed: [], changed: [{ id: 'a', set: {}, unset: ['ended'] }] });
    expect(order.rows().map((s) => s.id)).toEqual(['a']);
    expect(order.counts().ringing).toBe(1);
  });

  it('reads a few rows, not the whole board, for a one-call patch at 10,000 calls', () => {
    let reads = 0;
    /** A session that counts how often its sort key and its id are read. */
    const counted = (i: number): SessionInfo => {
      const date = minute(i % 60);
      return Object.defineProperties({ callState: 'Connected' } as SessionInfo, {
        id: { get: () => (reads++, `s${i}`), enumerable: true },
        dateCreated: { get: () => (reads++, date), enumerable: true },
      });
    };
    const initial = Array.from({ length: 10_000 }, (_, i) => counted(i));
    const list = new PatchedList(initial);
    const order = new BoardOrder();
    order.reset(initial);
    const rowsBefore = order.rows();
    reads = 0;
    let touched = 0;
    list.apply({ added: [], removed: [], changed: [{ id: 's5000', set: { callState: 'Hold' } }] }, (x, y) => {
      touched++;
      return order.update(x, y);
    });
    expect(touched).toBe(1);
    // Binary search over 10,000 rows: about 14 comparisons, each reading two rows' date and id.
    expect(reads).toBeLessThan(100);
    const rowsAfter = order.rows();
    const moved = rowsAfter.filter((s, i) => s !== rowsBefore[i]);
    expect(moved.map((s) => s.callState)).toEqual(['Hold']);
    expect(order.counts()).toMatchObject({ connected: 9_999, hold: 1 });
  });
});

describe('BoardOrder at its edges', () => {
  it('is empty and counts nothing before its first list', () => {
    const order = new BoardOrder();
    expect(order.rows()).toEqual([]);
    order.reset([]);
    expect(order.counts()).toEqual({ ringing: 0, connected: 0, hold: 0, queued: 0, other: 0 });
  });

  it('says whether the board changed: a live row added, changed or removed, not an ended one', () => {
    const order = new BoardOrder();
    order.reset([]);
    const live: SessionInfo = { id: 'a', dateCreated: minute(1), callState: 'Ringing' };
    const ended: SessionInfo = { id: 'e', dateCreated: minute(2), ended: true };
    expect(order.update(undefined, undefined)).toBe(false);
    expect(order.update(undefined, ended)).toBe(false);
    expect(order.update(ended, { ...ended, fromName: 'x' })).toBe(false);
    expect(order.update(undefined, live)).toBe(true);
    expect(order.update(live, { ...live, callState: 'Connected' })).toBe(true);
    expect(order.counts()).toMatchObject({ ringing: 0, connected: 1 });
    expect(order.update({ ...live, callState: 'Connected' }, undefined)).toBe(true);
    expect(order.rows()).toEqual([]);
    expect(order.counts()).toMatchObject({ ringing: 0, connected: 0 });
  });

  it('puts a call removed and sent again with the same id after the rows of its time, as the list does', () => {
    const a: SessionInfo = { id: 'a', dateCreated: minute(1) };
    const b: SessionInfo = { id: 'b', dateCreated: minute(1) };
    const list = new PatchedList([a, b]);
    const order = new BoardOrder();
    order.reset([a, b]);
    expect(order.rows().map((s) => s.id)).toEqual(['a', 'b']);
    list.apply({ added: [], removed: ['a'], changed: [] }, (x, y) => order.update(x, y));
    list.apply({ added: [a], removed: [], changed: [] }, (x, y) => order.update(x, y));
    expect(order.rows()).toEqual(fullOrder(list));
    expect(order.rows().map((s) => s.id)).toEqual(['b', 'a']);
  });
});
