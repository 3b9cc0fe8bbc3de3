// The session diff: patches carry only what changed, nothing when nothing changed, and
// applyListPatch turns the old list into the new one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { diffSessions, same } from '../../src/main/core/diff';
import type { SessionInfo } from '../../src/shared/evovoice';
import { applyListPatch } from '../../src/shared/live';

const session = (id: string, extra: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  callState: 'Connected',
  fromAddress: '+15550100',
  log: [{ date: '2026-11-23T12:00:00Z', message: 'Call started' }],
  members: [{ displayName: 'Ann', role: 'Agent', callState: 'Connected' }],
  ...extra,
});

const byId = (list: SessionInfo[]) => new Map(list.map((s) => [s.id, s]));

describe('diffSessions', () => {
  it('publishes nothing when nothing changed, even for fresh copies of nested arrays', () => {
    const before = [session('a'), session('b')];
    const after = structuredClone(before);
    expect(diffSessions(before, after).patch).toBeUndefined();
  });

  it('carries only the changed fields, removed fields and ids', () => {
    const before = [session('a', { holdReason: 'None' }), session('b'), session('c')];
    const after = [
      session('a', { callState: 'Hold' }),
      session('c', { log: [...(session('c').log ?? []), { date: 'x', message: 'Held' }] }),
      session('d'),
    ];
    const { patch } = diffSessions(before, after);
    expect(patch?.removed).toEqual(['b']);
    expect(patch?.added.map((s) => s.id)).toEqual(['d']);
    expect(patch?.changed).toEqual([
      { id: 'a', set: { callState: 'Hold' }, unset: ['holdReason'] },
      { id: 'c', set: { log: after[1]?.log } },
    ]);
  });

  it('keeps unknown enum names and extra fields', () => {
    const before = [session('a')];
    const after = [{ ...session('a', { callState: 'Teleported' }), shinyNewField: 1 } as SessionInfo];
    const { patch } = diffSessions(before, after);
    expect(patch?.changed[0]?.set).toEqual({ callState: 'Teleported', shinyNewField: 1 });
  });

  const arbitrarySession = fc.record(
    {
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      callState: fc.constantFrom('Connected', 'Hold', 'Ringing', 'Unknown'),
      consoleData: fc.string({ maxLength: 4 }),
      wasMissed: fc.boolean(),
      log: fc.array(fc.record({ date: fc.string({ maxLength: 2 }), message: fc.string({ maxLength: 3 }) }), {
        maxLength: 2,
      }),
      members: fc.array(
        fc.record({ displayName: fc.string({ maxLength: 2 }), muted: fc.boolean() }, { requiredKeys: [] }),
        {
          maxLength: 2,
        },
      ),
    },
    { requiredKeys: ['id'] },
  ) as fc.Arbitrary<SessionInfo>;
  const uniqueList = fc.uniqueArray(arbitrarySession, { selector: (s) => s.id, maxLength: 6 });

  it('applyListPatch(previous, patch) reproduces the new list (property)', () => {
    fc.assert(
      fc.property(uniqueList, uniqueList, (previous, next) => {
        const { patch, list } = diffSessions(previous, next);
        const applied = applyListPatch(previous, patch);
        expect(applied).toEqual(list);
        expect(byId(applied)).toEqual(byId(next));
        if (patch) {
          for (const change of patch.changed)
            expect(Object.keys(change.set).length + (change.unset?.length ?? 0)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('same (structural equality of JSON values)', () => {
  it('primitives by value; null, arrays and objects never equal to something else', () => {
    expect(same(1, 1)).toBe(true);
    expect(same('a', 'b')).toBe(false);
    expect(same(null, null)).toBe(true);
    expect(same(null, {})).toBe(false);
    expect(same({}, null)).toBe(false);
    expect(same([], {})).toBe(false);
    expect(same({}, [])).toBe(false);
    expect(same('1', 1)).toBe(false);
    expect(same(1, {})).toBe(false);
    expect(same('a', [])).toBe(false);
    expect(same({}, 1)).toBe(false);
  });

  it('arrays by length and items in order; objects by their defined keys, deeply', () => {
    expect(same([1, [2, { a: 3 }]], [1, [2, { a: 3 }]])).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same([1, 2], [1, 2, 3])).toBe(false);
    expect(same({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(same({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(same({ a: { b: [1] } }, { a: { b: [2] } })).toBe(false);
  });
});

describe('diffSessions, the edges', () => {
  it('a field turned undefined is unset; one still undefined is nothing; new sessions come last, in order', () => {
    const before = [session('a', { consoleData: 'x', holdReason: undefined }), session('b')];
    const after = [session('c'), session('b'), session('a', { holdReason: undefined })];
    const { patch, list } = diffSessions(before, after);
    expect(patch).toEqual({
      added: [after[0]],
      changed: [{ id: 'a', set: {}, unset: ['consoleData'] }],
      removed: [],
    });
    expect(list.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('diffSessions, exactly', () => {
  it('a change carries set and unset only as needed, and sessions without an id are never added', () => {
    const before = [session('a', { consoleData: 'x' }), session('b')];
    const after = [session('a'), session('b', { consoleData: 'y' }), { callState: 'Connected' } as SessionInfo];
    const { patch } = diffSessions(before, after);
    expect(patch?.added).toEqual([]);
    const [a, b] = patch?.changed ?? [];
    expect(Object.keys(a ?? {})).toEqual(['id', 'set', 'unset']);
    expect(Object.keys(a?.set ?? {})).toEqual([]);
    expect(a?.unset).toEqual(['consoleData']);
    expect(Object.keys(b ?? {})).toEqual(['id', 'set']);
    expect(b?.set).toEqual({ consoleData: 'y' });
  });
});
