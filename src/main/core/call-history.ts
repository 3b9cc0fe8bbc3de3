// Call history for the renderer, one page at a time. Unfiltered, it is GET /portal/call-history
// sorted by date. A search or a date range asks the server (GET /sessions with From, StartDate,
// EndDate), over the live sessions and the archive (SearchArchive), so it covers the whole history.
import type { GetSessionsRequest, ListResponse, SessionInfo } from '../../shared/evovoice';
import type { HistoryPage, RequestArgs } from '../../shared/ipc';
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
 * page number runs through the first list's pages (its `totalPages`), then the second's. Page 0
 * asks both at once, for the total and so an empty first list costs nothing more.
 */
async function searchPage(login: Login, accountId: string, args: HistoryArgs): Promise<HistoryPage> {
  const archiveFirst = args.order === 'oldest';
  const filter: GetSessionsRequest = {
    accountIds: [accountId],
    ...((args.search ?? '').trim() ? { from: (args.search ?? '').trim() } : {}),
    ...(args.startDate ? { startDate: args.startDate } : {}),
    ...(args.endDate ? { endDate: args.endDate } : {}),
    ...order(args),
  };
  const read = (searchArchive: boolean, pageNumber: number): Promise<ListResponse<SessionInfo>> =>
    login.call((c, o) => c.getSessions({ ...filter, searchArchive, page: pageNumber }, o));

  const [first, second] = await Promise.all([
    read(archiveFirst, args.page),
    args.page === 0 ? read(!archiveFirst, 0) : undefined,
  ]);
  const total =
    first.totalCount !== undefined && second?.totalCount !== undefined
      ? first.totalCount + second.totalCount
      : undefined;
  const firstItems = first.items ?? [];
  if (firstItems.length > 0) {
    const more = !isLastPage(first, args.page) || second === undefined || (second.items ?? []).length > 0;
    return page(args, firstItems, more, total);
  }

  const firstPages = first.totalPages ?? Math.ceil((first.totalCount ?? 0) / args.countPerPage);
  const secondPage = args.page - firstPages;
  const answer = second ?? (secondPage >= 0 ? await read(!archiveFirst, secondPage) : { items: [] });
  return page(args, answer.items ?? [], !isLastPage(answer, secondPage), total);
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
