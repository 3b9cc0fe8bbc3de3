// How a struck request is answered: not at all, a reset, an error page, a 429, or a spoilt body.
import type { ServerResponse } from 'node:http';

import { ApiError } from './errors';
import { drift } from './faults';
import { send, sendError } from './respond';
import type { Fault } from './types';

/** Where the SSO proxy sends a browser that has no proxy session. */
export const PROXY_SIGN_IN_URL = 'https://sso.evovoice.example/login';
const PROXY_SIGN_IN_PAGE = `<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="${PROXY_SIGN_IN_URL}" method="post"><input name="username"><input name="password" type="password"></form></body></html>`;
const BAD_GATEWAY_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';

/** Answers (or deliberately does not) in the fault's way, instead of the API; the status sent, 0 for none. */
export function answerInstead(fault: Fault, res: ServerResponse): number {
  switch (fault.kind) {
    case 'hang':
      return 0;
    case 'reset':
      res.socket?.destroy();
      return 0;
    case 'error-500':
      sendError(res, new ApiError(500, 'InternalServerError', 'Simulated server error: try again shortly'));
      return 500;
    case 'bad-gateway-html':
      send(res, 502, BAD_GATEWAY_PAGE, {}, 'text/html; charset=utf-8');
      return 502;
    case 'unauthorized':
      sendError(res, new ApiError(401, 'Unauthorized', 'Not authenticated: sign in again'));
      return 401;
    case 'proxy-html-401':
      send(res, 401, PROXY_SIGN_IN_PAGE, { 'WWW-Authenticate': 'Negotiate' }, 'text/html; charset=utf-8');
      return 401;
    case 'proxy-redirect':
      send(res, 302, PROXY_SIGN_IN_PAGE, { Location: PROXY_SIGN_IN_URL }, 'text/html; charset=utf-8');
      return 302;
    default: {
      const seconds = fault.retryAfterSeconds ?? 30;
      const error = new ApiError(429, 'TooManyRequests', `Too many requests: retry after ${seconds} s`);
      send(res, 429, JSON.stringify(error.body()), { 'Retry-After': String(seconds) });
      return 429;
    }
  }
}

/** The JSON text of a successful answer, spoilt the way a body fault says. */
export function spoiltText(fault: Fault | undefined, body: unknown): string {
  const text = JSON.stringify(fault === undefined ? body : drift(fault.kind, body));
  if (fault?.kind === 'truncated-json') return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (fault?.kind === 'malformed-json') return `{"items": [ {id: 'sess-1', ${text.slice(0, 40)}`;
  return text;
}
