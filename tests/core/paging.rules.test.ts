// Reading a list endpoint to its end: which answer is the last page (empty, hasMorePages, totals,
// never a short page alone), a server that ignores Page, and the cap on pages (an error with words,
// or the first pages for a news feed). Pages come from a list in the test, as a server would send them.
import { describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { isLastPage, type PageRequest, readAllPages } from '../../src/main/core/paging';
import type { ListResponse } from '../../src/shared/evovoice';

interface Item {
  id?: string;
}
const items = (from: number, count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `s${from + i}` }));

/** A server holding `total` items, sending at most `cap` a page, with the totals `shape` gives. */
function server(total: number, cap: number, shape: (page: number, pages: number) => Partial<ListResponse<Item>>) {
  const asked: PageRequest[] = [];
  const pages = Math.ceil(total / cap);
  const fetchPage = (paging: PageRequest): Promise<ListResponse<Item>> => {
    asked.push(paging);
    const size = Math.min(cap, paging.countPerPage);
    const from = paging.page * size;
    return Promise.resolve({
      items: items(from, Math.max(0, Math.min(size, total - from))),
      ...shape(paging.page, pages),
    });
  };
  return { fetchPage, asked };
}

describe('isLastPage', () => {
  it('an empty page ends the list whatever else it says', () => {
    expect(isLastPage({ items: [] }, 0)).toBe(true);
    expect(isLastPage({}, 3)).toBe(true);
    expect(isLastPage({ items: [], hasMorePages: true, totalCount: 50, totalPages: 9 }, 0, 0)).toBe(true);
  });

  it('hasMorePages decides before any total', () => {
    expect(isLastPage({ items: [{}], hasMorePages: true, totalCount: 1, totalPages: 1 }, 0, 1)).toBe(false);
    expect(isLastPage({ items: [{}], hasMorePages: false, totalCount: 9, totalPages: 9 }, 0, 1)).toBe(true);
  });

  it('totalCount against what was read, when the caller counted it', () => {
    expect(isLastPage({ items: [{}], totalCount: 3 }, 0, 2)).toBe(false);
    expect(isLastPage({ items: [{}], totalCount: 3 }, 0, 3)).toBe(true);
    expect(isLastPage({ items: [{}], totalCount: 3 }, 0, 4)).toBe(true);
    // Not counted: totalPages decides, and without it nothing does.
    expect(isLastPage({ items: [{}], totalCount: 1 }, 0)).toBe(false);
    expect(isLastPage({ items: [{}], totalCount: 1, totalPages: 3 }, 1)).toBe(false);
    // totalCount decides before totalPages.
    expect(isLastPage({ items: [{}], totalCount: 5, totalPages: 1 }, 0, 2)).toBe(false);
  });

  it('totalPages against the page number (from 0)', () => {
    expect(isLastPage({ items: [{}], totalPages: 3 }, 1)).toBe(false);
    expect(isLastPage({ items: [{}], totalPages: 3 }, 2)).toBe(true);
    expect(isLastPage({ items: [{}], totalPages: 3 }, 5)).toBe(true);
  });

  it('a short page alone says nothing', () => {
    expect(isLastPage({ items: [{}] }, 0, 1)).toBe(false);
  });
});

describe('readAllPages', () => {
  it('reads a capped server to the end its totals give, asking from page 0 with the options', async () => {
    const s = server(25, 10, (_, pages) => ({ totalCount: 25, totalPages: pages }));
    const read = await readAllPages(s.fetchPage, { countPerPage: 50, maxPages: 5 });
    expect(read).toEqual(items(0, 25));
    expect(s.asked).toEqual([0, 1, 2].map((page) => ({ page, countPerPage: 50, simplifiedPaging: false })));
  });

  it('with simplified paging reads on to the empty page', async () => {
    const s = server(20, 10, () => ({}));
    const read = await readAllPages(s.fetchPage, { countPerPage: 10, maxPages: 5, simplifiedPaging: true });
    expect(read).toHaveLength(20);
    expect(s.asked.map((p) => [p.page, p.simplifiedPaging])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
  });

  it('stops at a page that brings nothing new (a server ignoring Page), keeping what it read', async () => {
    const asked: number[] = [];
    const read = await readAllPages(
      (paging) => (asked.push(paging.page), Promise.resolve({ items: items(0, 3), totalCount: 9 })),
      { countPerPage: 3, maxPages: 10 },
    );
    expect(read).toEqual(items(0, 3));
    expect(asked).toEqual([0, 1]);
  });

  it('a later page with one new id among old ones is read, and items without an id count as nothing new', async () => {
    const answers: ListResponse<Item>[] = [
      { items: [{ id: 'a' }, { id: 'b' }] },
      { items: [{ id: 'b' }, { id: 'c' }] },
      { items: [{}, { id: 'a' }] },
    ];
    const read = await readAllPages((p) => Promise.resolve(answers[p.page] ?? { items: [] }), {
      countPerPage: 2,
      maxPages: 5,
    });
    expect(read.map((i) => i.id)).toEqual(['a', 'b', 'b', 'c']);
  });

  it('the first page is kept even when its items have no ids', async () => {
    const read = await readAllPages(() => Promise.resolve({ items: [{}, {}], totalCount: 2 }), {
      countPerPage: 5,
      maxPages: 3,
    });
    expect(read).toEqual([{}, {}]);
  });

  it('more pages than the cap is an error with words, or with truncate the first pages', async () => {
    const endless = (p: PageRequest) => Promise.resolve({ items: items(p.page * 2, 2) });
    const error = await readAllPages(endless, { countPerPage: 2, maxPages: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({
      code: 'bad-response',
      message:
        'More calls match than the console reads (6 in 3 pages, and the server has more): choose fewer lines (endpoints) in Settings.',
    });
    const asked: number[] = [];
    const first = await readAllPages((p) => (asked.push(p.page), endless(p)), {
      countPerPage: 2,
      maxPages: 2,
      truncate: true,
    });
    expect(first).toEqual(items(0, 4));
    expect(asked).toEqual([0, 1]);
  });

  it('a list ending exactly on the cap is no error', async () => {
    const s = server(6, 2, (_, pages) => ({ totalPages: pages }));
    expect(await readAllPages(s.fetchPage, { countPerPage: 2, maxPages: 3 })).toHaveLength(6);
  });

  it('an answer without items is an empty list', async () => {
    expect(await readAllPages(() => Promise.resolve({}), { countPerPage: 5, maxPages: 3 })).toEqual([]);
  });
});
