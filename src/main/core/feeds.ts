// The two polled feeds, scoped as narrowly as the live board allows: today's sessions of the
// chosen account (and endpoints), and the recent activity window.
import type { ListResponse, SessionInfo } from '../../shared/evovoice';
import type { KnownSession } from '../../shared/wire';
import type { Settings } from '../../shared/ipc';
import type { Login } from './login';
import type { PageBodies } from './page-bodies';
import { readAllPages } from './paging';

const SESSIONS_PER_PAGE = 2000;
const SESSIONS_MAX_PAGES = 10;
const ACTIVITY_PER_PAGE = 500;
const ACTIVITY_MAX_PAGES = 4;

export function fetchSessions(
  login: Login,
  accountId: string,
  settings: Settings,
  now: number,
  known?: KnownSession,
  pages?: PageBodies<ListResponse<SessionInfo>>,
): Promise<SessionInfo[]> {
  const request = { accountIds: [accountId], endpointIds: settings.endpointIds, startDate: today(now) };
  return readAllPages(
    (paging) => login.call((c, o) => c.getSessions({ ...request, ...paging }, { ...o, known, pages })),
    SESSIONS_PER_PAGE,
    SESSIONS_MAX_PAGES,
  );
}

/** The newest activity first; beyond the first pages is history, not news. */
export function fetchActivity(
  login: Login,
  accountId: string,
  settings: Settings,
  now: number,
): Promise<SessionInfo[]> {
  const startDateTime = new Date(now - settings.activityWindowHours * 3_600_000).toISOString();
  return readAllPages(
    (paging) => login.call((c, o) => c.getActivity({ accountId, startDateTime, ...paging }, o)),
    ACTIVITY_PER_PAGE,
    ACTIVITY_MAX_PAGES,
    { truncate: true },
  );
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
