// The activity list one signed-in session shows: each poll's first page (the news), and, once the
// agent asked for older calls, the pages read for them, kept under the news as it moves on.
import type { SessionInfo } from '../../shared/evovoice';
import type { ActivityPage } from './feeds';

/** What an "older calls" read asks for: the page that starts at or before the end of the list. */
export interface OlderRequest {
  page: number;
  countPerPage: number;
}

export class ActivityHistory {
  /** The list as last shown: the news, then the older calls the agent loaded. */
  private shown: SessionInfo[] = [];
  /** The agent asked for older calls: the list keeps what fell off the first page. */
  private extended = false;
  /** The server has calls after the end of `shown` (as the last read said). */
  private more = false;
  /** How many a page the server sends (it may cap what we ask for). */
  private pageSize = 0;

  get list(): SessionInfo[] {
    return this.shown;
  }

  get hasMore(): boolean {
    return this.more;
  }

  /**
   * A poll's first page. Before the agent asked for more, it is the list; after, the calls older
   * than its last one stay under it (those the news pushed off the first page among them).
   */
  news(first: ActivityPage): SessionInfo[] {
    if (first.more && first.items.length > 0) this.pageSize = first.items.length;
    if (!this.extended) {
      this.more = first.more;
      this.shown = first.items;
      return this.shown;
    }
    const ids = new Set(first.items.map((s) => s.id));
    const oldest = first.items.at(-1)?.dateCreated ?? '';
    const kept = this.shown.filter((s) => !ids.has(s.id) && (s.dateCreated ?? '') <= oldest);
    this.shown = first.items.length > 0 ? [...first.items, ...kept] : kept;
    return this.shown;
  }

  /** The page to read for older calls; undefined when the server said there are none. */
  olderRequest(): OlderRequest | undefined {
    if (!this.more || this.pageSize === 0) return undefined;
    // Calls that arrived since push the list down: reading from a page boundary at or before its
    // end repeats a few (dropped by id) rather than skipping any.
    return { page: Math.floor(this.shown.length / this.pageSize), countPerPage: this.pageSize };
  }

  /** An older page read: its calls not already shown go at the end. Answers how many. */
  older(page: ActivityPage): number {
    this.extended = true;
    const ids = new Set(this.shown.map((s) => s.id));
    const fresh = page.items.filter((s) => s.id !== undefined && !ids.has(s.id));
    this.shown = [...this.shown, ...fresh];
    this.more = page.more && page.items.length > 0;
    return fresh.length;
  }
}
