// The two polled feeds, scoped as narrowly as the live board allows: the sessions of the chosen
// account (and endpoints) since the start of today, plus calls still live that began before it,
// and the recent activity window, newest first.
import { apiDateMs } from '../../shared/dates';
import type { ListResponse, SessionInfo } from '../../shared/evovoice';
import type { Settings } from '../../shared/ipc';
import type { KnownSession } from '../../shared/wire';
import type { Login } from './login';
import type { PageBodies } from './page-bodies';
import { isLastPage } from './paging';
import type { SessionFeed } from './session-feed';

/**
 * Pages are read with totals (no SimplifiedPaging): the first answer says whether there is more,
 * so a board that fits one page costs one request, where simplified paging needs a second, empty one.
 * The activity feed is news: its first page (newest first) is enough on a poll; older pages are
 * read only when the agent asks for them (`activity-history.ts`).
 */
export const ACTIVITY_COUNT_PER_PAGE = 500;
/**
 * A call that began this long before midnight and is still live stays on the board. StartDate is
 * the filter GET /sessions itself documents, so every server applies it; SpecificIds (to fetch the
 * known live calls again) belongs to the generic list request, is not promised for this endpoint,
 * and would cost a second request, since it combines with StartDate=today as AND.
 */
const LONGEST_CALL_MS = 12 * 3_600_000;

/**
 * `accountId` undefined: every account of the user (the server did not list them). `feed` keeps
 * the last set, so that most polls read only what changed (see `session-feed.ts`).
 */
export function fetchSessions(
  feed: SessionFeed,
  login: Login,
  accountId: string | undefined,
  settings: Settings,
  now: number,
  known?: KnownSession,
  pages?: PageBodies<ListResponse<SessionInfo>>,
): Promise<SessionInfo[]> {
  const request = {
    accountIds: accountId ? [accountId] : undefined,
    endpointIds: settings.endpointIds,
    startDate: today(now - LONGEST_CALL_MS),
  };
  return feed.read(login, request, now, known, pages).then((sessions) => sessions.filter(onBoard(now)));
}

/**
 * The board is today's calls (from the start of `today(now)`, UTC, as StartDate is read) and
 * every call still going: StartDate reaches back LONGEST_CALL_MS so that a call begun before
 * midnight stays (and hold and notes on it keep working), and yesterday's ended calls are left out.
 */
function onBoard(now: number): (session: SessionInfo) => boolean {
  const dayStart = Date.parse(`${today(now)}T00:00:00Z`);
  return (session) => session.ended !== true || (createdMs(session) ?? now) >= dayStart;
}

/**
 * When a call began, read once per session: an unchanged call is the same object from poll to
 * poll, and a board of 20,000 ended calls read every one's date on every poll.
 */
const created = new WeakMap<SessionInfo, number | undefined>();
function createdMs(session: SessionInfo): number | undefined {
  if (created.has(session)) return created.get(session);
  const ms = apiDateMs(session.dateCreated);
  created.set(session, ms);
  return ms;
}

/** One page of the activity feed, and whether the server has more after it. */
export interface ActivityPage {
  items: SessionInfo[];
  more: boolean;
}

/**
 * A page of activity, newest first (asked for: a server's default order may be oldest first). A
 * poll reads page 0 only; `page` and `countPerPage` read older calls when the agent asks.
 */
export async function fetchActivity(
  login: Login,
  accountId: string | undefined,
  settings: Settings,
  now: number,
  page = 0,
  countPerPage = ACTIVITY_COUNT_PER_PAGE,
): Promise<ActivityPage> {
  const request = {
    accountId,
    startDateTime: new Date(now - settings.activityWindowHours * 3_600_000).toISOString(),
    sortField: 'dateCreated',
    sortOrder: 'Descend' as const,
    page,
    countPerPage,
    simplifiedPaging: false,
  };
  const answer = await login.call((c, o) => c.getActivity(request, o));
  const items = answer.items ?? [];
  return { items, more: !isLastPage(answer, page, page * countPerPage + items.length) };
}

/** True while the call occupies the agent: the board polls fast. */
export function isLive(session: SessionInfo): boolean {
  if (session.ended) return false;
  return session.callState === 'Connected' || session.callState === 'Hold' || session.callState === 'Ringing';
}

/**
 * "Today" for StartDate: the earlier of the local and the UTC date, because the reference page
 * does not say in which time zone the server reads it; a few extra hours beat a missing morning.
 */
export function today(ms: number): string {
  const d = new Date(ms);
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const utc = d.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}
