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

/** Pages as the full read asks for them; servers may send fewer a page (the caps are in pages). */
export const SESSIONS_PAGING = { countPerPage: 2000, maxPages: 100 };
/** A full read runs at least this often: the safety net for whatever a changes read cannot see. */
export const FULL_READ_EVERY_MS = 60_000;
/**
 * A changes read goes back to the newest change the read before the last one saw, less this:
 * sessions stamped with equal times, or stamped before they were committed, are read again, and
 * a lagging replica's one stale answer is corrected by the next read.
 */
export const OVERLAP_MS = 2_000;
/** The first page of a changes read: small, since most polls find nothing or a few changes. */
export const PROBE_COUNT = 20;

const BY_CHANGE = { sortField: 'dateLastModified', sortOrder: 'Descend' as const };

type Fetch = (request: GetSessionsRequest & PageRequest) => Promise<ListResponse<SessionInfo>>;

const changedAt = (s: SessionInfo): number => apiDateMs(s.dateLastModified) ?? -Infinity;

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
  /** The newest change seen by each of the last two reads, oldest first. */
  private marks: number[] = [];
  private ignoresSort = false;
  /** Requests each kind of read made, for benchmarks and diagnostics. */
  readonly reads = { full: 0, changes: 0 };

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
    const due = key !== this.key || this.ignoresSort || now - this.lastFullAt >= FULL_READ_EVERY_MS;
    const merged = due ? undefined : await this.changes(fetch, request);
    if (merged) return merged;
    return this.full(fetch, request, key, now);
  }

  private async full(fetch: Fetch, request: GetSessionsRequest, key: string, now: number): Promise<SessionInfo[]> {
    this.reads.full++;
    const items = await readAllPages((paging) => fetch({ ...request, ...paging }), SESSIONS_PAGING);
    if (key !== this.key) this.marks = [];
    this.key = key;
    this.set = items;
    this.lastFullAt = now;
    this.mark(items);
    return items;
  }

  /** What changed since the last reads, merged; undefined when only a full read can tell. */
  private async changes(fetch: Fetch, request: GetSessionsRequest): Promise<SessionInfo[] | undefined> {
    this.reads.changes++;
    const cutoff = (this.marks[0] ?? -Infinity) - OVERLAP_MS;
    const sorted = { ...request, ...BY_CHANGE, simplifiedPaging: false };
    const probe = await fetch({ ...sorted, page: 0, countPerPage: PROBE_COUNT });
    let changed = probe.items ?? [];
    let total = probe.totalCount;
    // Without totals neither the end of the changes nor sessions that left can be told.
    if (total === undefined || !this.sorted(changed)) return undefined;
    const reached = (items: readonly SessionInfo[]) => items.some((s) => changedAt(s) < cutoff);
    if (!reached(changed) && changed.length < total) {
      // More changed than the probe holds: read on in full-size pages, from the start.
      changed = [];
      for (let page = 0; page < SESSIONS_PAGING.maxPages; page++) {
        const answer = await fetch({ ...sorted, page, countPerPage: SESSIONS_PAGING.countPerPage });
        const items = answer.items ?? [];
        if (!this.sorted(items, changed.at(-1))) return undefined;
        changed.push(...items);
        total = answer.totalCount;
        if (items.length === 0 || reached(items) || (total !== undefined && changed.length >= total)) break;
      }
    }
    const merged = merge(this.set, changed);
    // Sessions that left the set (archived, deleted), or one not seen: the count does not add up.
    if (total === undefined || merged.length !== total) return undefined;
    this.set = merged;
    this.mark(changed);
    return merged;
  }

  /** False (and the server marked as ignoring the sort, logged once) when `items` are not newest change first. */
  private sorted(items: readonly SessionInfo[], before?: SessionInfo): boolean {
    if (inChangeOrder(items, before ? changedAt(before) : Infinity)) return true;
    this.ignoresSort = true;
    this.log.warn('The server ignores SortField=dateLastModified: the board reads every page on each poll');
    return false;
  }

  private mark(items: readonly SessionInfo[]): void {
    let newest = this.marks.at(-1) ?? -Infinity;
    for (const s of items) newest = Math.max(newest, changedAt(s));
    this.marks = [this.marks.at(-1) ?? newest, newest];
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
