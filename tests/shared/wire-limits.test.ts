// The wire parser's bounds on fields it does not know: kept while small and shallow, dropped (and
// listed) when nested or large enough to break JSON.stringify or the IPC copy of the update.
import { describe, expect, it } from 'vitest';

import { parseSessionList, UNKNOWN_FIELD_LIMITS } from '../../src/shared/wire';

/** JSON text of an object nested `depth` levels deep, parsed (JSON.parse does not recurse). */
const nested = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const list = (extra: Record<string, unknown>) => ({
  items: [{ id: 's1', accountId: 'acct-north', fromName: 'Caller', ...extra }],
});

describe('unknown fields', () => {
  it('100,000 levels of nesting: the field is dropped and listed, the call stays, stringify works', () => {
    const { value, dropped } = parseSessionList(list({ custom: nested(100_000), note: { kept: ['yes'] } }));
    expect(dropped).toEqual(['items[0].custom']);
    expect(value.items?.[0]).toEqual({
      id: 's1',
      accountId: 'acct-north',
      fromName: 'Caller',
      note: { kept: ['yes'] },
    });
    expect(() => JSON.stringify(value)).not.toThrow();
  });

  it('kept up to the depth limit, dropped one level past it', () => {
    const atLimit = parseSessionList(list({ custom: nested(UNKNOWN_FIELD_LIMITS.depth - 1) }));
    expect(atLimit.dropped).toEqual([]);
    expect(parseSessionList(list({ custom: nested(UNKNOWN_FIELD_LIMITS.depth + 1) })).dropped).toEqual([
      'items[0].custom',
    ]);
  });

  it('too many values or too much text: dropped; a wide but small one: kept', () => {
    const wide = Array.from({ length: UNKNOWN_FIELD_LIMITS.values + 1 }, (_, i) => i);
    const long = 'x'.repeat(UNKNOWN_FIELD_LIMITS.characters + 1);
    const { value, dropped } = parseSessionList(list({ wide, long, small: Array.from({ length: 100 }, String) }));
    expect(dropped.sort()).toEqual(['items[0].long', 'items[0].wide']);
    expect(value.items?.[0]).toHaveProperty('small');
  });

  it('at the top of the body and inside known objects too', () => {
    const body = { ...list({ members: [{ identity: 'a', extra: nested(1000) }] }), custom: nested(1000) };
    expect(parseSessionList(body).dropped.sort()).toEqual(['custom', 'items[0].members[0].extra']);
  });
});

describe('unknown fields exactly at the limits', () => {
  it('keeps a field exactly as deep, as many values and as much text as the limits allow', () => {
    const deepest = parseSessionList(list({ custom: nested(UNKNOWN_FIELD_LIMITS.depth) }));
    expect(deepest.dropped).toEqual([]);
    const values = Array.from({ length: UNKNOWN_FIELD_LIMITS.values - 1 }, (_, i) => i);
    const text = 'x'.repeat(UNKNOWN_FIELD_LIMITS.characters);
    const { value, dropped } = parseSessionList(list({ values, text }));
    expect(dropped).toEqual([]);
    expect(value.items?.[0]).toMatchObject({ text });
  });

  it('counts the text of strings nested in objects and arrays', () => {
    const half = 'x'.repeat(UNKNOWN_FIELD_LIMITS.characters / 2);
    expect(parseSessionList(list({ split: { a: half, b: [half] } })).dropped).toEqual([]);
    expect(parseSessionList(list({ split: { a: half, b: [half, 'x'] } })).dropped).toEqual(['items[0].split']);
  });
});
