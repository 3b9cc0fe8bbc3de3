// PatchedList, the subscriber's keyed copy of a list: the same rows in the same order as applying
// the patch by walking the whole list, and a one-call patch that reads no other row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import { applyListPatch, type BoardSession, type ListPatch, PatchedList } from '../../src/shared/live';

/** The patch semantics written out plainly: drop removed rows, merge changes in place, append added rows. */
function walkAndPatch(list: readonly SessionInfo[], patch: ListPatch): SessionInfo[] {
  const out: SessionInfo[] = [];
  for (const s of list) {
    if (patch.removed.includes(s.id as string)) continue;
    const change = patch.changed.find((c) => c.id === s.id);
    if (!change) {
      out.push(s);
      continue;
    }
    const next: BoardSession = { ...s, ...change.set };
    for (const k of change.unset ?? []) delete next[k];
    out.push(next);
  }
  return [...out, ...patch.added];
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const sessionArb = fc.record(
  {
    id: fc.constantFrom(...ids),
    callState: fc.constantFrom('Connected', 'Hold', 'Ringing'),
    fromName: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: ['id'] },
) as fc.Arbitrary<SessionInfo>;
const listArb = fc.uniqueArray(sessionArb, { selector: (s) => s.id, maxLength: 6 });

describe('PatchedList', () => {
  it('gives the rows, in order, that walking the list with the patch gives (property)', () => {
    fc.assert(
      fc.property(
        listArb,
        fc.uniqueArray(fc.constantFrom(...ids)),
        fc.uniqueArray(fc.constantFrom(...ids)),
        (list, removed, changedIds) => {
          const present = new Set(list.map((s) => s.id));
          const patch: ListPatch = {
            removed,
            changed: changedIds.map((id, i) => ({ id, set: { fromName: `n${i}` }, unset: i % 2 ? ['callState'] : [] })),
            added: [{ id: 'new', callState: 'Ringing' }],
          };
          const expected = walkAndPatch(list, patch);
          const copy = new PatchedList(list);
          const touched: [string | undefined, string | undefined][] = [];
          copy.apply(patch, (before, after) => touched.push([before?.id, after?.id]));
          expect(copy.values()).toEqual(expected);
          expect(applyListPatch(list, patch)).toEqual(expected);
          const live = (id: string) => present.has(id);
          expect(touched).toEqual([
            ...removed.filter(live).map((id) => [id, undefined]),
            ...changedIds.filter((id) => live(id) && !removed.includes(id)).map((id) => [id, id]),
            [undefined, 'new'],
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads no other row to apply a one-call patch to 10,000 rows', () => {
    let reads = 0;
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      Object.defineProperty({ callState: 'Connected' } as SessionInfo, 'id', {
        get: () => (reads++, `s${i}`),
        enumerable: true,
      }),
    );
    const copy = new PatchedList(rows);
    reads = 0;
    copy.apply({ added: [], removed: [], changed: [{ id: 's42', set: { callState: 'Hold' } }] });
    expect(reads).toBeLessThanOrEqual(1);
    expect(copy.get('s42')?.callState).toBe('Hold');
    expect(copy.get('s41')).toBe(rows[41]);
  });
});

describe('PatchedList rows one by one', () => {
  it('keeps rows without an id, each its own, and counts them', () => {
    const list = new PatchedList([{ fromName: 'one' }, { fromName: 'two' }, { id: 'a' }]);
    expect(list.size).toBe(3);
    list.apply({ added: [{ fromName: 'three' }], changed: [], removed: [] });
    expect(list.values().map((s) => s.fromName ?? s.id)).toEqual(['one', 'two', 'a', 'three']);
  });

  it('tells about each row it removes, changes or adds, and about none it does not have', () => {
    const list = new PatchedList([{ id: 'a', fromName: 'A', callState: 'Hold' }, { id: 'b' }]);
    const seen: [string | undefined, string | undefined][] = [];
    list.apply(
      {
        removed: ['b', 'gone'],
        changed: [
          { id: 'a', set: { callState: 'Connected' }, unset: ['fromName'] },
          { id: 'ghost', set: { fromName: 'x' } },
        ],
        added: [{ id: 'c' }, { id: 'a', fromName: 'again' }],
      },
      (before, after) => seen.push([before && JSON.stringify(before), after && JSON.stringify(after)]),
    );
    expect(seen).toEqual([
      ['{"id":"b"}', undefined],
      ['{"id":"a","fromName":"A","callState":"Hold"}', '{"id":"a","callState":"Connected"}'],
      [undefined, '{"id":"c"}'],
      ['{"id":"a","callState":"Connected"}', '{"id":"a","fromName":"again"}'],
    ]);
    expect(list.values().map((s) => s.id)).toEqual(['a', 'c']);
    expect(list.get('a')).toEqual({ id: 'a', fromName: 'again' });
    expect(list.get('b')).toBeUndefined();
  });

  it('gives the list itself back for no patch', () => {
    const list = [{ id: 'a' }];
    expect(applyListPatch(list, undefined)).toBe(list);
  });
});

describe('an empty PatchedList', () => {
  it('starts with no rows', () => {
    expect(new PatchedList().size).toBe(0);
    expect(new PatchedList().values()).toEqual([]);
  });
});
