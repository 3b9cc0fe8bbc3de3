// The carried board order always equals a full re-sort, and unchanged rows keep their objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/shared/evovoice';
import { applyListPatch, type ListPatch } from '../../src/shared/live';
import { boardOrder, nextBoardOrder } from '../../src/renderer/src/lib/boardOrder';

const minute = (n: number) => new Date(Date.UTC(2026, 10, 23, 9, n)).toISOString();

const sessionArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    dateCreated: fc.integer({ min: 0, max: 20 }).map(minute),
    ended: fc.boolean(),
    callState: fc.constantFrom('Ringing', 'Connected', 'Hold'),
    fromName: fc.string({ maxLength: 5 }),
  }) as fc.Arbitrary<SessionInfo>;

const scenarioArb = fc
  .integer({ min: 0, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => sessionArb(`s${i}`))),
      fc.subarray(Array.from({ length: n }, (_, i) => `s${i}`)),
      fc.subarray(Array.from({ length: n }, (_, i) => `s${i}`)),
      fc.boolean(),
      fc.array(sessionArb('new'), { maxLength: 2 }),
    ),
  );

describe('nextBoardOrder', () => {
  it('equals a full filter-and-sort after any patch', () => {
    fc.assert(
      fc.property(scenarioArb, ([list, changedIds, removedIds, touchOrder, added]) => {
        const patch: ListPatch = {
          added: added.map((s, i) => ({ ...s, id: `new${i}` })),
          removed: removedIds.filter((id) => !changedIds.includes(id)),
          changed: changedIds.map((id, i) => ({
            id,
            set: touchOrder && i === 0 ? { dateCreated: minute(21), fromName: 'moved' } : { fromName: `changed ${i}` },
          })),
        };
        const next = applyListPatch(list, patch);
        expect(nextBoardOrder(boardOrder(list), next, patch)).toEqual(boardOrder(next));
      }),
    );
  });

  it('keeps the objects of rows a patch did not touch, and does not re-sort for a name change', () => {
    const list: SessionInfo[] = [
      { id: 'a', dateCreated: minute(1) },
      { id: 'b', dateCreated: minute(3) },
      { id: 'c', dateCreated: minute(2), ended: true },
    ];
    const before = boardOrder(list);
    expect(before.map((s) => s.id)).toEqual(['b', 'a']);
    const patch: ListPatch = { added: [], removed: [], changed: [{ id: 'a', set: { fromName: 'Ada' } }] };
    const after = nextBoardOrder(before, applyListPatch(list, patch), patch);
    expect(after.map((s) => s.id)).toEqual(['b', 'a']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.fromName).toBe('Ada');
  });

  it('drops a call that ended', () => {
    const list: SessionInfo[] = [{ id: 'a', dateCreated: minute(1) }];
    const patch: ListPatch = { added: [], removed: [], changed: [{ id: 'a', set: { ended: true } }] };
    expect(nextBoardOrder(boardOrder(list), applyListPatch(list, patch), patch)).toEqual([]);
  });
});
