// Call history: pages loaded one after another into one list, with search by number, a date
// range and a sort: by date on the server, by duration over the calls loaded so far.
import type { SessionInfo } from '../../../shared/evovoice';
import { durationMs } from '../lib/pastCall';
import { request } from './api';

export const HISTORY_SORTS = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  longest: 'Longest first (calls loaded)',
  shortest: 'Shortest first (calls loaded)',
} as const;
export type HistorySort = keyof typeof HISTORY_SORTS;

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
/** A search is applied page by page; read on until a screenful matches, at most this many pages per step. */
const SEARCH_PAGES_PER_STEP = 10;

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

  get filtered(): boolean {
    return this.search.trim() !== '' || this.startDate !== '' || this.endDate !== '';
  }

  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const before = this.items.length;
    for (let step = 0; step < SEARCH_PAGES_PER_STEP; step++) {
      if (!(await this.loadPage())) return;
      if (!this.filtered || !this.hasMore || this.items.length - before >= HISTORY_PAGE_SIZE / 2) return;
    }
  }

  /** Loads the next page; false when it failed or was superseded by a new search. */
  private async loadPage(): Promise<boolean> {
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
    if (generation !== this.#generation) return false;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    this.items = this.items.concat(result.value.items);
    this.page = result.value.page;
    this.hasMore = result.value.hasMore;
    this.totalCount = this.filtered ? undefined : result.value.totalCount;
    return true;
  }
}

export const history = new History();
