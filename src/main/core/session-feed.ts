// The sessions feed read for what changed: the most recently modified sessions first, read only
// down to where the last polls left off and merged into the last full set; a full read when the
// count does not add up, at least every minute, and for good once the server ignores the sort.
import { apiDateMs } from '../../shared/dates';
import type { GetSessionsRequest, ListResponse, SessionInfo } from '../../shared/evovoice';
import type { KnownSession } from '../../shared/wire';
import type { Login } from './login';
import type { PageBodies } from './page-bodies';
import { type PageRequest, readAllPages } from './paging';
import type { Logger } from './ports';

/**
 * Pages as the full read asks for them; servers may send fewer a page (the caps are in pages): a
 * server that caps pages at 100 sends a busy afternoon (2,000 live + 20,000 ended calls) in 220.
 */
export const SESSIONS_PAGING = { countPerPage: 2000, maxPages: 500 };
/**
 * A full read runs at least this often: the safety net for what a changes read cannot see (a
 * server whose sort or dates mislead; with one that honours them, sessions that left show in the
 * count at once)...
 */
export const FULL_READ_EVERY_MS = 60_000;
/** ...and no more often than this per page it took, so that the net costs a long list at most two requests a minute. */
export const FULL_READ_MS_PER_PAGE = 30_000;
/**
 * A changes read goes back to the newest change the read before the last one saw, less this:
 * sessions stamped with equal times, or stamped before they were committed, are read again, and
 * a lagging replica's one stale answer is corrected by the next read.
 */
export const OVERLAP_MS = 1_000;
/** The first page of a changes read: small, since most polls find nothing or a few changes... */
export const PROBE_COUNT = 20;
/** ...and grown to hold what the last read found (a busy floor), up to a page a capped server sends. */
const MAX_PROBE_COUNT = 100;

const BY_CHANGE = { sortField: 'dateLastModified', sortOrder: 'Descend' as const };

type Fetch = (request: GetSessionsRequest & PageRequest) => Promise<ListResponse<SessionInfo>>;

/** Each session object's dateLastModified in ms, parsed once (the set is checked on every poll). */
const stamps = new WeakMap<SessionInfo, number>();
function changedAt(s: SessionInfo): number {
  let at = stamps.get(s);
  if (at === undefined) stamps.set(s, (at = apiDateMs(s.dateLastModified) ?? -Infinity));
  return at;
}

/** True when `items` come newest change first (undated last), after `before` (the last of the page before). */
function inChangeOrder(items: readonly SessionInfo[], before = Infinity): boolean {
  let last = before;
  for (const s of items) {
    const at = changedAt(s);
    if (at > last) return false;
    last = at;
  }
  return true;
}

export class SessionFeed {
  /** The query the set answers; another query (a new day, other lines) starts with a full read. */
  private key: string | undefined;
  /** The server's whole set for `key`, as of the last read (not yet filtered for the board). */
  private set: SessionInfo[] = [];
  private lastFullAt = -Infinity;
  /** Requests the last full read took. */
  private fullPages = 1;
  /** The newest change seen by each of the last two reads, oldest first. */
  private marks: number[] = [];
  private ignoresSort = false;
  /** The probe's size: what the last changes read found in its window, with room to spare. */
  private probeCount = PROBE_COUNT;
  /** The server was seen to honour the sort (see `verify`). */
  private verified = false;
  /** A session a changes read should have reached and did not: if the full read still has it, the sort is ignored. */
  private suspect: string | undefined;

  constructor(private readonly log: Logger) {}

  /** The server's current set for `request`: what changed merged in, or everything read again. */
  async read(
    login: Login,
    request: GetSessionsRequest,
    now: number,
    known?: KnownSession,
    pages?: PageBodies<ListResponse<SessionInfo>>,
  ): Promise<SessionInfo[]> {
    const fetch: Fetch = (paged) => login.call((c, o) => c.getSessions(paged, { ...o, known, pages }));
    const key = JSON.stringify(request);
    const every = Math.max(FULL_READ_EVERY_MS, this.fullPages * FULL_READ_MS_PER_PAGE);
    const due = key !== this.key || this.ignoresSort || now - this.lastFullAt >= every;
    const merged = due ? undefined : await this.changes(fetch, request);
    if (merged) return merged;
    return this.full(fetch, request, key, now);
  }

  private async full(fetch: Fetch, request: GetSessionsRequest, key: string, now: number): Promise<SessionInfo[]> {
    let pages = 0;
    const items = await readAllPages((paging) => (pages++, fetch({ ...request, ...paging })), SESSIONS_PAGING);
    this.fullPages = pages;
    if (key !== this.key) this.marks = [];
    if (this.suspect !== undefined && items.some((s) => s.id === this.suspect)) this.ignored();
    this.suspect = undefined;
    this.key = key;
    this.set = items;
    this.lastFullAt = now;
    this.mark(items);
    return items;
  }

  /** What changed since the last reads, merged; undefined when only a full read can tell. */
  private async changes(fetch: Fetch, request: GetSessionsRequest): Promise<SessionInfo[] | undefined> {
    const cutoff = (this.marks[0] ?? -Infinity) - OVERLAP_MS;
    const sorted = { ...request, ...BY_CHANGE, simplifiedPaging: false };
    const probe = await fetch({ ...sorted, page: 0, countPerPage: this.probeCount });
    let changed = probe.items ?? [];
    let total = probe.totalCount;
    // Without totals neither the end of the changes nor sessions that left can be told.
    if (total === undefined || !this.sorted(changed)) return undefined;
    if (changed.length < total && !this.verified && !(await this.verify(fetch, sorted, changed))) return undefined;
    const reached = (items: readonly SessionInfo[]) => items.some((s) => changedAt(s) < cutoff);
    if (!reached(changed) && changed.length < total) {
      // More changed than the probe holds: read on in full-size pages, from the start.
      changed = [];
      for (let page = 0; page < SESSIONS_PAGING.maxPages && total !== undefined; page++) {
        const answer = await fetch({ ...sorted, page, countPerPage: SESSIONS_PAGING.countPerPage });
        const items = answer.items ?? [];
        if (!this.sorted(items, changed.at(-1))) return undefined;
        changed.push(...items);
        total = answer.totalCount;
        if (items.length === 0 || reached(items) || changed.length >= (total ?? 0)) break;
      }
    }
    if (total === undefined) return undefined;
    // Honoured, the sort brings every session changed after the last one read: one known to be, missing, is a tell.
    if (changed.length < total && this.skipped(changed)) return undefined;
    const merged = merge(this.set, changed);
    // Sessions that left the set (archived, deleted), or one not seen: the count does not add up.
    if (merged.length !== total) return undefined;
    this.set = merged;
    this.mark(changed);
    const found = changed.filter((s) => changedAt(s) >= cutoff).length;
    this.probeCount = Math.min(MAX_PROBE_COUNT, Math.max(PROBE_COUNT, Math.ceil(found * 1.25) + 2));
    return merged;
  }

  /**
   * Once per feed: the same page in the opposite order must differ, oldest change first. A server
   * that ignores the sort answers both alike, even where its own order happens to look sorted.
   * Undecided (every date equal) is a full read this time.
   */
  private async verify(fetch: Fetch, sorted: GetSessionsRequest, probe: readonly SessionInfo[]): Promise<boolean> {
    const answer = await fetch({
      ...sorted,
      sortOrder: 'Ascend',
      page: 0,
      countPerPage: PROBE_COUNT,
      simplifiedPaging: false,
    });
    const oldest = answer.items ?? [];
    const ascending = [...oldest].reverse();
    const first = probe[0];
    const last = oldest[0];
    if (!inChangeOrder(ascending) || (first?.id === last?.id && probe.length > 1)) {
      this.ignored();
      return false;
    }
    this.verified = first !== undefined && last !== undefined && changedAt(first) > changedAt(last);
    return this.verified;
  }

  /** False (and the server marked as ignoring the sort, logged once) when `items` are not newest change first. */
  private sorted(items: readonly SessionInfo[], before?: SessionInfo): boolean {
    if (inChangeOrder(items, before ? changedAt(before) : Infinity)) return true;
    this.ignored();
    return false;
  }

  /**
   * True when a known session last changed after the last of `changed` is not among them: the
   * server skipped it (it ignores the sort, while its default order happened to look sorted) or it
   * left the set. The full read that follows tells which.
   */
  private skipped(changed: readonly SessionInfo[]): boolean {
    const last = changedAt(changed.at(-1) as SessionInfo);
    const read = new Set(changed.map((s) => s.id));
    this.suspect = this.set.find((s) => changedAt(s) > last && !read.has(s.id))?.id;
    return this.suspect !== undefined;
  }

  private ignored(): void {
    this.ignoresSort = true;
    this.log.warn('The server ignores SortField=dateLastModified: the board reads every page on each poll');
  }

  private mark(items: readonly SessionInfo[]): void {
    let newest = this.marks.at(-1) ?? -Infinity;
    for (const s of items) newest = Math.max(newest, changedAt(s));
    // After a read that knew nothing, the next one starts from what this one saw.
    const before = this.marks.at(-1) ?? -Infinity;
    this.marks = [before === -Infinity ? newest : before, newest];
  }
}

/** `set` with `changed` in place of the sessions of the same id, the new ones after; `set` itself when nothing differs. */
function merge(set: SessionInfo[], changed: readonly SessionInfo[]): SessionInfo[] {
  const fresh = new Map<string, SessionInfo>();
  for (const s of changed) if (s.id !== undefined && !fresh.has(s.id)) fresh.set(s.id, s);
  let differs = false;
  const merged = set.map((s) => {
    const next = s.id === undefined ? undefined : fresh.get(s.id);
    if (next === undefined) return s;
    fresh.delete(s.id as string);
    if (next !== s) differs = true;
    return next;
  });
  for (const s of fresh.values()) merged.push(s);
  return differs || fresh.size > 0 ? merged : set;
}
