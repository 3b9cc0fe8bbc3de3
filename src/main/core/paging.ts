// Reads every page of a ServiceStack list endpoint (Page from 0, CountPerPage, SimplifiedPaging).
import type { ListResponse } from '../../shared/evovoice';
import { CoreError } from './errors';

export interface PageRequest {
  page: number;
  countPerPage: number;
  simplifiedPaging: boolean;
}

/**
 * Fetches pages until one comes back short (or empty, or hasMorePages false). More than
 * `maxPages` pages is an error that tells the agent to narrow the filters, unless `truncate`
 * says the first pages are enough (a recent-activity feed).
 */
export async function readAllPages<T>(
  fetchPage: (paging: PageRequest) => Promise<ListResponse<T>>,
  countPerPage: number,
  maxPages: number,
  options: { truncate?: boolean } = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage({ page, countPerPage, simplifiedPaging: true });
    const got = answer.items ?? [];
    for (const item of got) items.push(item);
    if (got.length < countPerPage || answer.hasMorePages === false) return items;
  }
  if (options.truncate) return items;
  throw new CoreError(
    'bad-response',
    `More than ${maxPages * countPerPage} calls match: choose fewer lines (endpoints) in Settings.`,
  );
}
