// ServiceStack's ListRequest paging for session lists: SpecificIds, SortField/SortOrder, Page,
// CountPerPage (default 25, clamped to the strictness's page cap), All, SimplifiedPaging; sorted
// as the replica that answers has the sessions (a stale copy sorts by its own dates). The order
// and the page are read apart, so that GET /sessions can keep a sorted set between requests.
import { type ListResponse, type SessionInfo, SORT_ORDERS } from '../shared/evovoice';
import { sessionFields } from '../shared/wire';
import { badField } from './errors';
import type { Params } from './params';
import type { Strictness } from './strictness';

const SORTABLE = Object.keys(sessionFields);
const DEFAULT_COUNT_PER_PAGE = 25;

export type View = (s: SessionInfo) => SessionInfo;
const asStored: View = (s) => s;

/** The order a list comes in: the field, ascending (1) or descending (-1). */
export interface ListOrder {
  field: keyof SessionInfo;
  direction: 1 | -1;
}

/** Which slice of the sorted set goes out. */
export interface Paging {
  page: number;
  perPage: number;
  all: boolean;
  simplified: boolean;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b || a === undefined || b === undefined) return 0;
  if (typeof a === 'object' || typeof b === 'object') return 0;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

/** dateCreated unless SortField says otherwise; `ignoreSort`: the default order whatever was asked. */
export function listOrder(params: Params, strictness: Strictness, ignoreSort = false): ListOrder {
  const asked = ignoreSort ? undefined : params.string('SortField');
  const field = asked === undefined ? 'dateCreated' : SORTABLE.find((f) => f.toLowerCase() === asked.toLowerCase());
  if (field === undefined) throw badField('SortField', `SortField '${asked}' is not a field of SessionInfo`);
  const askedOrder = ignoreSort ? undefined : params.enumName('SortOrder', SORT_ORDERS);
  const order = askedOrder ?? (strictness.oldestFirst ? 'Ascend' : 'Descend');
  return { field: field as keyof SessionInfo, direction: order === 'Descend' ? -1 : 1 };
}

export function pagingOf(params: Params, strictness: Strictness): Paging {
  const page = params.int('Page', 0) ?? 0;
  const asked = params.int('CountPerPage', 1) ?? DEFAULT_COUNT_PER_PAGE;
  const perPage = strictness.maxPageSize > 0 ? Math.min(asked, strictness.maxPageSize) : asked;
  return { page, perPage, all: params.bool('All') ?? false, simplified: params.bool('SimplifiedPaging') ?? false };
}

/**
 * `sessions` (only `specificIds`, when given) sorted by `order` as `view` has them: missing values
 * last, ties by id. `view`: the replica's copy of a session.
 */
export function sortSessions(
  sessions: SessionInfo[],
  order: ListOrder,
  specificIds: string[] | undefined,
  view: View = asStored,
): SessionInfo[] {
  let rows = sessions;
  if (specificIds !== undefined) {
    const wanted = new Set(specificIds);
    rows = rows.filter((s) => s.id !== undefined && wanted.has(s.id));
  }
  const { field, direction } = order;
  // Each row's sort value read once (as the replica has it), then sorted: lists of 20,000 stay cheap.
  const keyed = rows.map((s) => ({ s, v: view(s)[field] }));
  keyed.sort((a, b) => {
    if ((a.v === undefined) !== (b.v === undefined)) return a.v === undefined ? 1 : -1;
    return (compareValues(a.v, b.v) || compareValues(a.s.id, b.s.id)) * direction;
  });
  return keyed.map((k) => k.s);
}

/** The page `paging` asks for out of the sorted set `rows`, with totals as the strictness has them. */
export function cutPage(rows: SessionInfo[], paging: Paging, strictness: Strictness): ListResponse<SessionInfo> {
  const { page, perPage, all, simplified } = paging;
  const items = all ? rows : rows.slice(page * perPage, (page + 1) * perPage);
  const hasMorePages = !all && (page + 1) * perPage < rows.length;
  if (simplified) return strictness.referencePaging ? { items } : { items, hasMorePages };
  const totals = { totalCount: rows.length, totalPages: all ? 1 : Math.ceil(rows.length / perPage) };
  return strictness.referencePaging ? { items, ...totals } : { items, ...totals, hasMorePages };
}

/** Sorts (see `sortSessions`) then cuts the page: the portal's lists, read afresh each time. */
export function pageOf(sessions: SessionInfo[], params: Params, strictness: Strictness): ListResponse<SessionInfo> {
  const order = listOrder(params, strictness);
  const paging = pagingOf(params, strictness);
  return cutPage(sortSessions(sessions, order, params.list('SpecificIds')), paging, strictness);
}
