// Call history: pages loaded one after another into one list, with search by number or caller
// name and a date range (both searched on the server, over the whole history) and a sort: by date
// on the server, by duration over the calls loaded so far.
import type { SessionInfo } from '../../../shared/evovoice';
import { durationMs } from '../lib/pastCall';
import { request } from './api';

/** The orders History offers; their words are the catalogue's `history.sort.*`. */
export const HISTORY_SORTS = ['newest', 'oldest', 'longest', 'shortest'] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

/** Longest or shortest first; calls with no known duration last either way. */
function byDuration(items: SessionInfo[], longestFirst: boolean): SessionInfo[] {
  const keyed = items.map((s) => ({ s, ms: durationMs(s) }));
  keyed.sort((a, b) => {
    if (a.ms === undefined || b.ms === undefined) return a.ms === undefined ? (b.ms === undefined ? 0 : 1) : -1;
    return longestFirst ? b.ms - a.ms : a.ms - b.ms;
  });
  return keyed.map((k) => k.s);
}

export const HISTORY_PAGE_SIZE = 50;

class History {
  items = $state.raw<SessionInfo[]>([]);
  search = $state('');
  startDate = $state('');
  endDate = $state('');
  sort = $state<HistorySort>('newest');
  /** The server's date order the loaded pages were asked in (duration sorts keep the last one). */
  #order: 'newest' | 'oldest' = 'newest';
  /** The last page loaded (-1 before the first). */
  page = $state(-1);
  hasMore = $state(true);
  totalCount = $state<number | undefined>(undefined);
  loading = $state(false);
  error = $state<string | undefined>(undefined);
  #generation = 0;

  /** Starts over from the first page with the current search and dates. */
  async reload(): Promise<void> {
    this.#generation++;
    this.items = [];
    this.page = -1;
    this.hasMore = true;
    this.totalCount = undefined;
    this.loading = false;
    await this.loadMore();
  }

  /** The rows in the order the agent chose. */
  shown = $derived(
    this.sort === 'longest' || this.sort === 'shortest' ? byDuration(this.items, this.sort === 'longest') : this.items,
  );

  /** A date order asks the server again from the first page; a duration order sorts what is loaded. */
  async sortBy(sort: HistorySort): Promise<void> {
    this.sort = sort;
    if ((sort === 'newest' || sort === 'oldest') && sort !== this.#order) {
      this.#order = sort;
      await this.reload();
    }
  }

  /** Loads the next page (the server applies the search and dates). */
  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const generation = this.#generation;
    this.loading = true;
    this.error = undefined;
    const result = await request('history:load', {
      page: this.page + 1,
      countPerPage: HISTORY_PAGE_SIZE,
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      ...(this.startDate ? { startDate: this.startDate } : {}),
      ...(this.endDate ? { endDate: this.endDate } : {}),
      order: this.#order,
    });
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.items = this.items.concat(result.value.items);
    this.page = result.value.page;
    this.hasMore = result.value.hasMore;
    this.totalCount = result.value.totalCount ?? this.totalCount;
  }
}

export const history = new History();
