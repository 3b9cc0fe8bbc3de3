// Call history for the renderer, one page at a time. Unfiltered, it is GET /portal/call-history
// sorted by date. A search or a date range asks the server (GET /sessions with From, StartDate,
// EndDate), over the live sessions and the archive (SearchArchive), so it covers the whole history;
// a number is searched however the agent typed it ("(773) 555-0102" asks for +17735550102).
import type { GetSessionsRequest, ListResponse, SessionInfo } from '../../shared/evovoice';
import type { HistoryPage, RequestArgs } from '../../shared/ipc';
import { searchTerm } from '../../shared/phone-number';
import type { Login } from './login';
import { isLastPage } from './paging';

type HistoryArgs = RequestArgs<'history:load'>;

/** Page `args.page` of the agent's call history on `accountId`, searched on the server when filtered. */
export function loadCallHistory(login: Login, accountId: string, args: HistoryArgs): Promise<HistoryPage> {
  return isFiltered(args) ? searchPage(login, accountId, args) : historyPage(login, accountId, args);
}

function isFiltered(args: HistoryArgs): boolean {
  return (args.search ?? '').trim() !== '' || args.startDate !== undefined || args.endDate !== undefined;
}

/** Paging and date order as the server takes them (duration is not a field it can sort by). */
function order(args: HistoryArgs) {
  return {
    countPerPage: args.countPerPage,
    sortField: 'dateCreated',
    sortOrder: args.order === 'oldest' ? ('Ascend' as const) : ('Descend' as const),
  };
}

async function historyPage(login: Login, accountId: string, args: HistoryArgs): Promise<HistoryPage> {
  const answer = await login.call((c, o) => c.getCallHistory({ accountId, page: args.page, ...order(args) }, o));
  return page(args, answer.items ?? [], !isLastPage(answer, args.page), answer.totalCount);
}

/**
 * A search reads two lists one after the other: the live sessions (the last weeks) and the
 * archive. Newest first, the live ones come first; oldest first, the archive does. The combined
 * page number runs through the first list's pages (its `totalPages`); the first list's last page
 * also carries the second list's first page, so a caller's few calls split over both lists show
 * together; then come the second list's other pages. Page 0 asks both at once.
 */
async function searchPage(login: Login, accountId: string, args: HistoryArgs): Promise<HistoryPage> {
  const archiveFirst = args.order === 'oldest';
  const term = searchTerm(args.search ?? '');
  const filter: GetSessionsRequest = {
    accountIds: [accountId],
    ...(term ? { from: term } : {}),
    ...(args.startDate ? { startDate: args.startDate } : {}),
    ...(args.endDate ? { endDate: args.endDate } : {}),
    ...order(args),
  };
  const read = (searchArchive: boolean, pageNumber: number): Promise<ListResponse<SessionInfo>> =>
    login.call((c, o) => c.getSessions({ ...filter, searchArchive, page: pageNumber }, o));

  const [first, secondFirstPage] = await Promise.all([
    read(archiveFirst, args.page),
    args.page === 0 ? read(!archiveFirst, 0) : undefined,
  ]);
  const total =
    first.totalCount !== undefined && secondFirstPage?.totalCount !== undefined
      ? first.totalCount + secondFirstPage.totalCount
      : undefined;
  const firstItems = first.items ?? [];
  const firstPages = Math.max(
    first.totalPages ?? Math.ceil((first.totalCount ?? 0) / args.countPerPage),
    firstItems.length > 0 ? args.page + 1 : 0,
  );
  if (firstItems.length > 0 && !isLastPage(first, args.page)) return page(args, firstItems, true, total);

  // The second list's page shown with this one: its first with the first list's last page, then one each.
  const secondPage = args.page - Math.max(firstPages - 1, 0);
  const second =
    secondPage === 0 && secondFirstPage ? secondFirstPage : await read(!archiveFirst, Math.max(secondPage, 0));
  const items = firstItems.concat(second.items ?? []);
  return page(args, items, !isLastPage(second, secondPage), total);
}

function page(args: HistoryArgs, items: SessionInfo[], hasMore: boolean, totalCount: number | undefined): HistoryPage {
  return {
    items,
    page: args.page,
    countPerPage: args.countPerPage,
    hasMore,
    ...(totalCount !== undefined ? { totalCount } : {}),
  };
}
