// Writing an answer: ServiceStack's JSON content type unless a fault pretends to be something else.
import type { ServerResponse } from 'node:http';

import { ApiError } from './errors';

const JSON_TYPE = 'application/json; charset=utf-8';

export function send(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string | string[]> = {},
  type = JSON_TYPE,
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  send(res, error.status, JSON.stringify(error.body()));
}

/** Anything thrown becomes a ServiceStack error: an ApiError as it is, the rest as a 500. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(
    500,
    'InternalServerError',
    `The simulator failed: ${e instanceof Error ? e.message : String(e)}`,
  );
}
