// Call history as the page loads it, runes compiled by the stores project: pages one after
// another into one list, search and dates sent to the server, a date order asked of the server from
// the first page again, a duration order over what is loaded (unknown durations last), and only the
// latest request's answer kept.
import { beforeEach, describe, expect, it } from 'vitest';

import { history, HISTORY_PAGE_SIZE } from '../../src/renderer/src/state/history.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import type { HistoryPage } from '../../src/shared/ipc';
import { installPage } from './fake-page';

const page = installPage();

const start = '2026-12-05T09:00:00.000Z';
const lasting = (id: string, seconds: number | undefined): SessionInfo => ({
  id,
  dateCreated: start,
  ...(seconds === undefined ? {} : { dateCompleted: new Date(Date.parse(start) + seconds * 1000).toISOString() }),
});

const pageOf = (items: SessionInfo[], page: number, fields: Partial<HistoryPage> = {}): HistoryPage => ({
  items,
  page,
  countPerPage: HISTORY_PAGE_SIZE,
  hasMore: true,
  ...fields,
});

const ids = (list: readonly SessionInfo[]) => list.map((s) => s.id);

beforeEach(async () => {
  page.main.reset();
  page.main.ok('history:load', pageOf([], 0, { hasMore: false }));
  history.search = '';
  history.startDate = '';
  history.endDate = '';
  await history.sortBy('newest');
  await history.reload();
  page.main.reset();
});

describe('loading pages', () => {
  it('loads the next page into the same list until the server says there is no more', async () => {
    page.main.answer('history:load', ({ page: n }) => ({
      ok: true,
      value: pageOf([lasting(`p${n}`, 1)], n, { hasMore: n < 1, ...(n === 0 ? { totalCount: 2 } : {}) }),
    }));
    await history.reload();
    expect(ids(history.items)).toEqual(['p0']);
    expect(history.page).toBe(0);
    expect(history.hasMore).toBe(true);
    expect(history.totalCount).toBe(2);
    await history.loadMore();
    expect(ids(history.items)).toEqual(['p0', 'p1']);
    expect(history.hasMore).toBe(false);
    expect(history.totalCount, 'a page without a total keeps the one known').toBe(2);
    await history.loadMore();
    expect(page.main.of('history:load')).toEqual([
      { page: 0, countPerPage: 50, order: 'newest' },
      { page: 1, countPerPage: 50, order: 'newest' },
    ]);
  });

  it('sends the search trimmed and the dates, and starts over from the first page', async () => {
    page.main.ok('history:load', pageOf([lasting('a', 1)], 0));
    await history.reload();
    await history.loadMore();
    history.search = '  +1555 ';
    history.startDate = '2026-12-01';
    history.endDate = '2026-12-05';
    await history.reload();
    expect(page.main.of('history:load').at(-1)).toEqual({
      page: 0,
      countPerPage: 50,
      search: '+1555',
      startDate: '2026-12-01',
      endDate: '2026-12-05',
      order: 'newest',
    });
    expect(history.items).toHaveLength(1);
    expect(history.totalCount).toBeUndefined();
    history.search = '   ';
    await history.reload();
    expect(page.main.of('history:load').at(-1)).not.toHaveProperty('search');
  });

  it('loads one page at a time', async () => {
    const release = page.main.hold('history:load', { ok: true, value: pageOf([lasting('a', 1)], 0) });
    const first = history.reload();
    expect(history.loading).toBe(true);
    await history.loadMore();
    await release();
    await first;
    expect(history.loading).toBe(false);
    expect(page.main.of('history:load')).toHaveLength(1);
  });

  it('shows why a page did not load, and clears it on the next try', async () => {
    page.main.refuse('history:load', { code: 'network', message: 'No link.' });
    await history.reload();
    expect(history.error).toBe('No link.');
    expect(history.loading).toBe(false);
    expect(history.items).toEqual([]);
    const release = page.main.hold('history:load', { ok: true, value: pageOf([lasting('a', 1)], 0) });
    const retry = history.loadMore();
    expect(history.error).toBeUndefined();
    await release();
    await retry;
    expect(ids(history.items)).toEqual(['a']);
  });

  it('drops the answer to a search the agent has since changed', async () => {
    const release = page.main.hold('history:load', { ok: true, value: pageOf([lasting('old', 1)], 0) });
    const old = history.reload();
    page.main.ok('history:load', pageOf([lasting('new', 1)], 0));
    await history.reload();
    await release();
    await old;
    expect(ids(history.items)).toEqual(['new']);
  });
});

describe('order', () => {
  it('asks the server again for a date order, once', async () => {
    page.main.ok('history:load', pageOf([lasting('a', 1)], 0));
    await history.sortBy('oldest');
    expect(page.main.of('history:load').map((a) => [a.page, a.order])).toEqual([[0, 'oldest']]);
    await history.sortBy('oldest');
    expect(page.main.of('history:load')).toHaveLength(1);
    await history.sortBy('longest');
    expect(page.main.of('history:load'), 'a duration order sorts what is loaded').toHaveLength(1);
    await history.loadMore();
    expect(page.main.of('history:load').at(-1)?.order, 'the pages go on in the last date order').toBe('oldest');
    await history.sortBy('newest');
    expect(page.main.of('history:load').at(-1)).toEqual({ page: 0, countPerPage: 50, order: 'newest' });
  });

  it('sorts what is loaded by duration, calls with no known duration last either way', async () => {
    page.main.ok(
      'history:load',
      pageOf(
        [
          lasting('mid', 60),
          lasting('none', undefined),
          lasting('long', 600),
          lasting('short', 5),
          lasting('none2', undefined),
        ],
        0,
      ),
    );
    await history.reload();
    expect(ids(history.shown)).toEqual(['mid', 'none', 'long', 'short', 'none2']);
    await history.sortBy('longest');
    expect(ids(history.shown)).toEqual(['long', 'mid', 'short', 'none', 'none2']);
    await history.sortBy('shortest');
    expect(ids(history.shown)).toEqual(['short', 'mid', 'long', 'none', 'none2']);
  });
});
