// One page of call history for the renderer: GET /portal/call-history takes the account, paging
// and a sort (by date here: duration is not a field the server can sort by), so the search text
// and dates narrow the page that came back.
import type { GetCallHistoryRequest, ListResponse, SessionInfo } from '../../shared/evovoice';
import type { HistoryPage, RequestArgs } from '../../shared/ipc';

/** Paging and date order as the server takes them. */
export function historyRequest(args: RequestArgs<'history:load'>): Omit<GetCallHistoryRequest, 'accountId'> {
  return {
    page: args.page,
    countPerPage: args.countPerPage,
    sortField: 'dateCreated',
    sortOrder: args.order === 'oldest' ? 'Ascend' : 'Descend',
  };
}

export function historyPage(answer: ListResponse<SessionInfo>, args: RequestArgs<'history:load'>): HistoryPage {
  const items = answer.items ?? [];
  const page: HistoryPage = {
    items: items.filter((s) => matches(s, args)),
    page: args.page,
    countPerPage: args.countPerPage,
    hasMore: answer.hasMorePages ?? items.length >= args.countPerPage,
  };
  if (answer.totalCount !== undefined) page.totalCount = answer.totalCount;
  return page;
}

function matches(session: SessionInfo, filter: RequestArgs<'history:load'>): boolean {
  const day = (session.dateCreated ?? '').slice(0, 10);
  if (filter.startDate && day && day < filter.startDate) return false;
  if (filter.endDate && day && day > filter.endDate) return false;
  if (!filter.search) return true;
  const needle = filter.search.toLowerCase();
  return [session.fromAddress, session.fromName, session.toAddress, session.displayName, session.customerName].some(
    (field) => field?.toLowerCase().includes(needle),
  );
}
