// The core's Fetch port on Chromium's network stack (Electron's net.request on the default
// session), so API calls follow the workstation's proxy, PAC file and certificate store. Not
// session.fetch: with `redirect: 'manual'` (which the core asks, to apply its own hop rules)
// Electron's fetch fails with "Redirect was cancelled" (lib/browser/api/net-fetch.ts hands the
// policy to net.request; lib/common/api/net-client-request.ts dies unless a 'redirect' listener
// calls followRedirect; electron#43715). Here a manual redirect is answered as fetch answers it
// under Node: the 3xx with its headers (Location), no body. The core keeps its own cookie jar, so
// the session neither sends nor stores cookies (credentials 'omit'); each Set-Cookie line arrives
// on its own (IncomingMessage keeps them as an array).
import { Readable } from 'node:stream';

import type { Fetch } from './core/ports';

/** What a response hands over of Electron's IncomingMessage (a Readable of the body). */
export interface NetResponse {
  statusCode: number;
  statusMessage: string;
  headers: Record<string, string | string[]>;
}

/** What this adapter uses of Electron's ClientRequest. */
export interface NetClientRequest {
  on(event: 'response', listener: (response: NetResponse) => void): unknown;
  on(
    event: 'redirect',
    listener: (statusCode: number, method: string, redirectUrl: string, headers: Record<string, string[]>) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  setHeader(name: string, value: string): void;
  end(chunk?: Buffer): unknown;
  abort(): void;
}

export interface NetRequestOptions {
  method: string;
  url: string;
  redirect: 'follow' | 'error' | 'manual';
  credentials: 'omit';
  useSessionCookies: false;
}

/** `net.request` of Electron (or anything that behaves like it). */
export type NetRequest = (options: NetRequestOptions) => NetClientRequest;

/** Statuses whose response has no body (as net-fetch.ts treats them), and HEAD. */
const NULL_BODY = new Set([101, 204, 205, 304]);

function headersOf(record: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record)) {
    for (const line of Array.isArray(value) ? value : [value]) headers.append(name, line);
  }
  return headers;
}

export function createSessionFetch(request: NetRequest): Fetch {
  return async (input, init) => {
    const req = new Request(input, init);
    const payload = req.body === null ? undefined : Buffer.from(await req.arrayBuffer());
    const { signal } = req;
    signal.throwIfAborted();
    return new Promise<Response>((resolve, reject) => {
      const r = request({
        method: req.method,
        url: req.url,
        redirect: req.redirect,
        credentials: 'omit',
        useSessionCookies: false,
      });
      let body: Readable | undefined;
      // Until the body is read: a cancel (the core's time limit) stops the request and the body.
      const onAbort = () => {
        reject(signal.reason);
        r.abort();
        body?.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal.removeEventListener('abort', onAbort);
      for (const [name, value] of req.headers) r.setHeader(name, value);
      r.on('redirect', (statusCode, _method, _url, headers) => {
        // 'follow' follows by itself, 'error' fails with Electron's own error.
        if (req.redirect !== 'manual') return;
        settle();
        // Aborting inside the listener is what keeps Electron from failing it as cancelled.
        r.abort();
        resolve(new Response(null, { status: statusCode, headers: headersOf(headers) }));
      });
      r.on('response', (response) => {
        const empty = NULL_BODY.has(response.statusCode) || req.method === 'HEAD';
        if (empty) settle();
        else {
          body = response as unknown as Readable;
          body.once('close', settle);
        }
        resolve(
          new Response(empty ? null : (Readable.toWeb(body as Readable) as ReadableStream<Uint8Array>), {
            status: response.statusCode,
            statusText: response.statusMessage,
            headers: headersOf(response.headers),
          }),
        );
      });
      r.on('error', (error) => {
        settle();
        reject(error);
      });
      r.end(payload);
    });
  };
}
