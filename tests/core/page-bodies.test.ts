// The pages kept between polls, at the edges: the validators of the last answer (updated even when
// the text is the same), a 304's repeat of the kept page, at most 32 pages kept (the one read
// longest ago goes first), a body that does not split into items read whole, and clear.
import { describe, expect, it } from 'vitest';

import { PageBodies } from '../../src/main/core/page-bodies';

type Page = { items?: { id: string }[] };
const body = (...ids: string[]) => JSON.stringify({ items: ids.map((id) => ({ id })) });
const parse = (raw: unknown) => raw as Page;

describe('PageBodies', () => {
  it('keeps the validators of the last answer, the same text or not; 304 gives back the kept page', () => {
    const pages = new PageBodies<Page>();
    expect(pages.validators('k')).toBeUndefined();
    expect(pages.repeat('k')).toBeUndefined();
    const first = pages.read('k', body('a'), JSON.parse, parse, { etag: '"1"' });
    expect(pages.validators('k')).toEqual({ etag: '"1"' });
    pages.read('k', body('a'), JSON.parse, parse, { lastModified: 'Mon, 23 Nov 2026 12:00:00 GMT' });
    expect(pages.validators('k')).toEqual({ lastModified: 'Mon, 23 Nov 2026 12:00:00 GMT' });
    pages.read('k', body('a'), JSON.parse, parse);
    expect(pages.validators('k')).toBeUndefined();
    expect(pages.repeat('k')).toBe(first);
    pages.clear();
    expect(pages.repeat('k')).toBeUndefined();
  });

  it('keeps 32 pages; a page read again is kept longest', () => {
    const pages = new PageBodies<Page>();
    for (let i = 0; i < 32; i++) pages.read(`page-${i}`, body(`s${i}`), JSON.parse, parse);
    pages.read('page-0', body('s0', 'new'), JSON.parse, parse);
    pages.read('page-32', body('s32'), JSON.parse, parse);
    expect(pages.repeat('page-0')?.items).toEqual([{ id: 's0' }, { id: 'new' }]);
    expect(pages.repeat('page-1')).toBeUndefined();
    expect(pages.repeat('page-2')?.items).toEqual([{ id: 's2' }]);
    expect(pages.repeat('page-32')?.items).toEqual([{ id: 's32' }]);
  });

  it('a body that is not a list page is read whole, and its value kept for the same text', () => {
    const pages = new PageBodies<Page>();
    let parses = 0;
    const counting = (raw: unknown) => (parses++, raw as Page);
    for (const text of ['{"items":"none"}', '{"total":3}', '[1,2]', '{"items":[1,2],"more":true}']) {
      const value = pages.read(text, text, JSON.parse, counting);
      expect(value).toEqual(JSON.parse(text));
      expect(pages.read(text, text, JSON.parse, counting)).toBe(value);
    }
    expect(parses).toBe(4);
  });

  it('a page whose parse dropped an item is parsed whole next time: kept items never shift places', () => {
    const pages = new PageBodies<Page>();
    // The parse leaves out an item it cannot use (here: one without an id), as the sessions parse does.
    const dropping = (raw: unknown) => ({ items: (raw as Page).items?.filter((item) => item.id !== undefined) });
    const text = (last: string) => `{"items":[{"id":"a"},{"bad":1},{"id":"${last}"}]}`;
    expect(pages.read('k', text('c'), JSON.parse, dropping).items).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(pages.read('k', text('d'), JSON.parse, dropping).items).toEqual([{ id: 'a' }, { id: 'd' }]);
  });
});
