// Splitting a list body at its edges: every kind of JSON whitespace between items, strings left
// open, an "items" key that is not the top-level array, and malformed lists (a trailing comma, a
// primitive before an object, a missing comma): nothing, so the caller parses the whole body.
import { describe, expect, it } from 'vitest';

import { splitItems } from '../../src/main/core/page-items';

describe('splitItems at the edges', () => {
  it.each([
    ['space', ' '],
    ['line feed', '\n'],
    ['carriage return', '\r'],
    ['tab', '\t'],
  ])('skips a %s around items', (_, space) => {
    const text = `{"items":[${space}{"a":1}${space},${space}{"b":2}${space}]}`;
    expect(splitItems(text)?.items).toEqual(['{"a":1}', '{"b":2}']);
    expect(splitItems(`{"items":[${space}]}`)?.items).toEqual([]);
  });

  it('answers nothing for a string left open in an item or before the items', () => {
    expect(splitItems('{"items":[{"a":"open')).toBeUndefined();
    expect(splitItems('{"items":[{"a":1},{"b":"op\\"en')).toBeUndefined();
    expect(splitItems('{"ke')).toBeUndefined();
  });

  it('takes only the top-level "items" array, not another array before it or one inside an "items" object', () => {
    expect(splitItems('{"list":[{"a":1}],"items":[{"b":2}]}')?.items).toEqual(['{"b":2}']);
    expect(splitItems('{"items":{"a":[{"b":1}]}}')).toBeUndefined();
    expect(splitItems('[{"a":"items"},[{"x":1}]]')).toBeUndefined();
    expect(splitItems('[[]]')).toBeUndefined();
    expect(splitItems('[[{"x":1}]]')).toBeUndefined();
    expect(splitItems('{"a":1}]')).toBeUndefined();
  });

  it('answers nothing for a trailing comma, a primitive before an object, or a missing comma', () => {
    expect(splitItems('{"items":[{"a":1},]}')).toBeUndefined();
    expect(splitItems('{"items":[1,{"a":2}]}')).toBeUndefined();
    expect(splitItems('{"items":[{"a":1}x{"b":2}]}')).toBeUndefined();
  });

  it('keeps the body around the items as it was', () => {
    expect(splitItems('{"total":2, "items":[{"a":1}] ,"more":false}')).toEqual({
      head: '{"total":2, "items":[',
      items: ['{"a":1}'],
      same: [false],
      tail: '] ,"more":false}',
    });
  });
});
