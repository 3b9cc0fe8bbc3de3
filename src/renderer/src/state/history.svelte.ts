// Call history: pages loaded one after another into one list, with search by number and a date range.
import type { SessionInfo } from '../../../shared/evovoice';
import { request } from './api';

export const HISTORY_PAGE_SIZE = 50;
/** A search is applied page by page; read on until a screenful matches, at most this many pages per step. */
const SEARCH_PAGES_PER_STEP = 10;

class History {
  items = $state.raw<SessionInfo[]>([]);
  search = $state('');
  startDate = $state('');
  endDate = $state('');
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
