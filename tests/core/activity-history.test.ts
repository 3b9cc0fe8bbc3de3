// The activity list's rules on their own (the end-to-end run over HTTP is activity-older.test.ts):
// the exact list after news and older pages that overlap, calls created in the same second, calls
// that left the server, and the page an "older calls" read asks for.
import { describe, expect, it } from 'vitest';

import { ActivityHistory } from '../../src/main/core/activity-history';
import type { SessionInfo } from '../../src/shared/evovoice';

/** Call `n` was created `n` seconds after midnight: a higher number is a newer call. */
const call = (n: number, second = n): SessionInfo => ({
  id: `c${n}`,
  dateCreated: `2026-12-05T00:00:${String(second).padStart(2, '0')}.000Z`,
});
/** Calls from `newest` down to `oldest`, newest first (as the server sends them). */
const calls = (newest: number, oldest: number) =>
  Array.from({ length: newest - oldest + 1 }, (_, i) => call(newest - i));
const ids = (list: SessionInfo[]) => list.map((s) => s.id);

describe('ActivityHistory', () => {
  it('starts empty, with nothing more to read', () => {
    const history = new ActivityHistory();
    expect(history.list).toEqual([]);
    expect(history.hasMore).toBe(false);
    expect(history.olderRequest()).toBeUndefined();
  });

  it('keeps the older calls under the news exactly once, dropping those the news repeats', () => {
    const history = new ActivityHistory();
    history.news({ items: calls(50, 41), more: true });
    expect(history.olderRequest()).toEqual({ page: 1, countPerPage: 10 });
    // The next page overlaps the list by two (calls arrived between the reads): only 8 are new.
    expect(history.older({ items: calls(42, 33), more: true })).toBe(8);
    expect(ids(history.list)).toEqual(ids(calls(50, 33)));
    // Two new calls push 41 and 42 off the first page: they stay, once, in order.
    history.news({ items: calls(52, 43), more: true });
    expect(ids(history.list)).toEqual(ids(calls(52, 33)));
  });

  it('a call created in the same second as the first page’s last one stays when pushed off it', () => {
    const history = new ActivityHistory();
    history.news({ items: [call(3), call(2), call(1)], more: true });
    history.older({ items: [call(0)], more: false });
    // c9 and c8 are created in the same second as c2, and the server puts c2 after them: off the page.
    history.news({ items: [call(3), call(9, 2), call(8, 2)], more: true });
    expect(ids(history.list)).toEqual(['c3', 'c9', 'c8', 'c2', 'c1', 'c0']);
  });

  it('a call newer than the first page’s last that the news lacks has left the server: it goes', () => {
    const history = new ActivityHistory();
    history.news({ items: calls(6, 3), more: true });
    history.older({ items: calls(2, 1), more: false });
    // c4 was deleted: the news goes on to c2 without it.
    history.news({ items: [call(6), call(5), call(3), call(2)], more: true });
    expect(ids(history.list)).toEqual(['c6', 'c5', 'c3', 'c2', 'c1']);
    // Every call gone: an empty first page empties the list.
    history.news({ items: [], more: false });
    expect(history.list).toEqual([]);
  });

  it('the page size is learned from a first page with more to come, not from a short last one', () => {
    const history = new ActivityHistory();
    history.news({ items: calls(20, 11), more: true });
    history.older({ items: calls(10, 1), more: true });
    // Calls archived since: the first page is short and says no more; the older read still said more.
    history.news({ items: calls(20, 17), more: false });
    expect(history.list).toHaveLength(20);
    expect(history.olderRequest()).toEqual({ page: 2, countPerPage: 10 });
  });

  it('a server that says "more" with nothing to show gives no page size, and is not asked again', () => {
    const history = new ActivityHistory();
    history.news({ items: [], more: true });
    expect(history.olderRequest()).toBeUndefined();
    history.news({ items: calls(10, 1), more: true });
    history.news({ items: [], more: true });
    expect(history.olderRequest()).toEqual({ page: 0, countPerPage: 10 });
    history.news({ items: calls(10, 1), more: true });
    expect(history.older({ items: [], more: true })).toBe(0);
    expect(history.hasMore).toBe(false);
    expect(history.olderRequest()).toBeUndefined();
  });
});
