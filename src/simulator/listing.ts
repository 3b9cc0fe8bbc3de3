// ServiceStack's ListRequest paging for session lists: SpecificIds, SortField/SortOrder, Page,
// CountPerPage (default 25, clamped to the strictness's page cap), All, SimplifiedPaging; sorted
// as the replica that answers has the sessions (a stale copy sorts by its own dates).
import { type ListResponse, type SessionInfo, SORT_ORDERS } from '../shared/evovoice';
import { sessionFields } from '../shared/wire';
import { badField } from './errors';
import type { Params } from './params';
import type { Strictness } from './strictness';

const SORTABLE = Object.keys(sessionFields);
const DEFAULT_COUNT_PER_PAGE = 25;

function compareValues(a: unknown, b: unknown): number {
  if (a === b || a === undefined || b === undefined) return 0;
  if (typeof a === 'object' || typeof b === 'object') return 0;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

function sortField(params: Params, ignoreSort: boolean): keyof SessionInfo {
  const asked = ignoreSort ? undefined : params.string('SortField');
  if (asked === undefined) return 'dateCreated';
  const field = SORTABLE.find((f) => f.toLowerCase() === asked.toLowerCase());
  if (field === undefined) throw badField('SortField', `SortField '${asked}' is not a field of SessionInfo`);
  return field as keyof SessionInfo;
}

/**
 * Sorts by dateCreated unless SortField says otherwise (missing values last, ties by id), then cuts
 * the page. `view`: the replica's copy of a session; `ignoreSort`: the default order whatever was asked.
 */
export function pageOf(
  sessions: SessionInfo[],
  params: Params,
  strictness: Strictness,
  options: { view?: (s: SessionInfo) => SessionInfo; ignoreSort?: boolean } = {},
): ListResponse<SessionInfo> {
  const { view = (s: SessionInfo) => s, ignoreSort = false } = options;
  const field = sortField(params, ignoreSort);
  const askedOrder = ignoreSort ? undefined : params.enumName('SortOrder', SORT_ORDERS);
  const order = askedOrder ?? (strictness.oldestFirst ? 'Ascend' : 'Descend');
  const direction = order === 'Descend' ? -1 : 1;
  const page = params.int('Page', 0) ?? 0;
  const asked = params.int('CountPerPage', 1) ?? DEFAULT_COUNT_PER_PAGE;
  const perPage = strictness.maxPageSize > 0 ? Math.min(asked, strictness.maxPageSize) : asked;
  const all = params.bool('All') ?? false;
  const simplified = params.bool('SimplifiedPaging') ?? false;
  const specificIds = params.list('SpecificIds');

  let rows = sessions;
  if (specificIds !== undefined) {
    const wanted = new Set(specificIds);
    rows = rows.filter((s) => s.id !== undefined && wanted.has(s.id));
  }
  // Each row's sort value read once (as the replica has it), then sorted: lists of 20,000 stay cheap.
  const keyed = rows.map((s) => ({ s, v: view(s)[field] }));
  keyed.sort((a, b) => {
    if ((a.v === undefined) !== (b.v === undefined)) return a.v === undefined ? 1 : -1;
    return (compareValues(a.v, b.v) || compareValues(a.s.id, b.s.id)) * direction;
  });
  rows = keyed.map((k) => k.s);

  const items = all ? rows : rows.slice(page * perPage, (page + 1) * perPage);
  const hasMorePages = !all && (page + 1) * perPage < rows.length;
  if (simplified) return strictness.referencePaging ? { items } : { items, hasMorePages };
  const totals = { totalCount: rows.length, totalPages: all ? 1 : Math.ceil(rows.length / perPage) };
  return strictness.referencePaging ? { items, ...totals } : { items, ...totals, hasMorePages };
}
