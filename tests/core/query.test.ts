// ServiceStack query strings: PascalCase keys, lists comma-separated, nothing for an absent field
// or an empty list, an empty string kept (the server reads it as a value), no "?" for no fields.
import { describe, expect, it } from 'vitest';

import { toQueryString } from '../../src/main/core/query';

describe('toQueryString', () => {
  it('answers nothing at all for no fields', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ a: undefined, b: [] })).toBe('');
  });

  it('keeps an empty string, false and 0 as values', () => {
    expect(toQueryString({ search: '', ended: false, page: 0 })).toBe('?Search=&Ended=false&Page=0');
  });

  it('a one-item list is that item, a one-letter key is upper-cased', () => {
    expect(toQueryString({ x: ['only'], accountIds: ['a', 'b c'] })).toBe('?X=only&AccountIds=a%2Cb+c');
  });
});
