// Reads every page of a ServiceStack list endpoint (Page from 0, CountPerPage, SimplifiedPaging),
// ending where the server says the list ends, never on a short page (servers cap the page size).
import type { ListResponse } from '../../shared/evovoice';
import { CoreError } from './errors';

export interface PageRequest {
  page: number;
  countPerPage: number;
  simplifiedPaging: boolean;
}

export interface PagingOptions {
  /** What we ask for; the server may send fewer a page. */
  countPerPage: number;
  /** More pages than this is an error (or, with `truncate`, the first pages are enough). */
  maxPages: number;
  /** With simplified paging the server sends no totals and ends with an empty page. Default false. */
  simplifiedPaging?: boolean;
  /** A recent-activity feed: the first pages are enough, the rest is history. */
  truncate?: boolean;
}

/**
 * Whether page `page` of a list is its last. An empty page always is; then `hasMorePages`
 * (sent with simplified paging, if at all); then the totals (`totalCount` against what has been
 * read when the caller counted it, else `totalPages`). A short page alone says nothing: a server
 * that caps CountPerPage sends short pages in the middle of a list. With no signal at all
 * (simplified paging as the reference describes it) only the empty page ends the list.
 */
export function isLastPage(answer: ListResponse<unknown>, page: number, readSoFar?: number): boolean {
  if ((answer.items ?? []).length === 0) return true;
  if (answer.hasMorePages !== undefined) return !answer.hasMorePages;
  if (answer.totalCount !== undefined && readSoFar !== undefined) return readSoFar >= answer.totalCount;
  if (answer.totalPages !== undefined) return page + 1 >= answer.totalPages;
  return false;
}

/**
 * Fetches pages until the server says the list ended. A page that brings no id not read before
 * also ends it: a server (or proxy) that ignores `Page` would otherwise be read `maxPages` times.
 * More than `maxPages` pages is an error with words.
 */
export async function readAllPages<T extends { id?: string }>(
  fetchPage: (paging: PageRequest) => Promise<ListResponse<T>>,
  options: PagingOptions,
): Promise<T[]> {
  const { countPerPage, maxPages } = options;
  const simplifiedPaging = options.simplifiedPaging ?? false;
  const items: T[] = [];
  const ids = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage({ page, countPerPage, simplifiedPaging });
    const got = answer.items ?? [];
    if (page > 0 && !got.some((item) => item.id !== undefined && !ids.has(item.id))) return items;
    for (const item of got) items.push(item);
    if (isLastPage(answer, page, items.length)) return items;
    for (const item of got) if (item.id !== undefined) ids.add(item.id);
  }
  if (options.truncate) return items;
  throw new CoreError(
    'bad-response',
    `More calls match than the console reads (${items.length} in ${maxPages} pages, and the server has more): choose fewer lines (endpoints) in Settings.`,
  );
}
