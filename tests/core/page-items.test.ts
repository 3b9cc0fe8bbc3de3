// Splitting a list body into its items without parsing it: exactly what JSON.parse sees, or
// nothing (the caller then parses the whole body).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { splitItems } from '../../src/main/core/page-items';

const objects = fc.array(fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())), {
  maxLength: 8,
});

describe('splitItems', () => {
  it('finds every item of any list body, indented or not, with strings full of quotes and brackets', () => {
    fc.assert(
      fc.property(objects, fc.jsonValue(), fc.constantFrom(undefined, 2), (items, extra, indent) => {
        const text = JSON.stringify({ first: extra, items, last: extra }, null, indent);
        const split = splitItems(text);
        expect(split?.items.map((t) => JSON.parse(t) as unknown)).toEqual(JSON.parse(JSON.stringify(items)));
        expect(JSON.parse(`${split?.head}${split?.tail}`)).toEqual({ ...JSON.parse(text), items: [] });
      }),
    );
  });

  it('splits the same with the last split of the page as a guide, whatever that page held', () => {
    fc.assert(
      fc.property(objects, objects, fc.boolean(), (before, after, overlap) => {
        const items = overlap ? [...before.slice(0, 2), ...after] : after;
        const last = splitItems(JSON.stringify({ items: before }))?.items;
        const text = JSON.stringify({ items });
        const guided = splitItems(text, last);
        const plain = splitItems(text);
        expect({ ...guided, same: [] }).toEqual({ ...plain, same: [] });
        guided?.items.forEach((item, i) => expect(guided.same[i]).toBe(item === last?.[i]));
      }),
    );
  });

  it('is not fooled by "items" inside a string, a nested "items", or escaped quotes', () => {
    const text = JSON.stringify({
      note: '"items":[{"x":1}]',
      nested: { items: [{ y: 2 }] },
      items: [{ s: 'a\\"},{' }, { t: '\\\\' }],
    });
    expect(splitItems(text)?.items).toEqual(['{"s":"a\\\\\\"},{"}', '{"t":"\\\\\\\\"}']);
  });

  it('answers nothing for a second "items" key, primitive items, or no items array', () => {
    expect(splitItems('{"items":[{"a":1}],"items":[]}')).toBeUndefined();
    expect(splitItems('{"items":[1,2]}')).toBeUndefined();
    expect(splitItems('{"items":["a"]}')).toBeUndefined();
    expect(splitItems('{"items":{"a":1}}')).toBeUndefined();
    expect(splitItems('{"items":[{"a":1}')).toBeUndefined();
    expect(splitItems('[{"items":[]}]')).toBeUndefined();
  });
});
