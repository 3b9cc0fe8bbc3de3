// Electron's net.request (ClientRequest) and session.fetch modelled on node:http, for the start-up
// test and the session-fetch unit test: the redirect policies, the headers and errors as Electron
// hands them over. Sources (electron/electron, 45-x-y line; lines at the time of reading):
//   lib/common/api/net-client-request.ts: IncomingMessage.headers 52-63, _write/_final 411-432,
//     'redirect' handling 477-506, followRedirect 521-527, abort/_die 529-551, errors 456-460;
//   lib/browser/api/net-fetch.ts: fetchWithSession 22-143 (headers joined 113-116, null bodies 117-121);
//   lib/browser/api/net.ts: request() only after ready 12-20.
import { type IncomingMessage as NodeMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable, Writable } from 'node:stream';

export interface StandInRequestOptions {
  method?: string;
  url?: string;
  redirect?: 'follow' | 'error' | 'manual';
  headers?: Record<string, string | string[]>;
  credentials?: 'include' | 'omit' | 'same-origin';
  useSessionCookies?: boolean;
}

/** What the request was asked (the tests read it: credentials, cookies). */
export const netLog: StandInRequestOptions[] = [];

/** Chromium's names for the errors Node reports (net-client-request.ts 456-460 wraps the net:: string). */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
};
const MAX_REDIRECTS = 20; // Chromium's net::URLRequest::kMaxRedirects (net::ERR_TOO_MANY_REDIRECTS)

/** The method Chromium uses after a redirect (net/url_request/redirect_info.cc ComputeMethodForRedirect). */
function methodAfter(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

export class StandInClientRequest extends Writable {
  private readonly chunks: Buffer[] = [];
  private readonly headers = new Map<string, string>();
  private aborted = false;
  private followCallback: (() => void) | undefined;
  private current: ReturnType<typeof httpRequest> | undefined;
  private response: Readable | undefined;

  constructor(private readonly options: StandInRequestOptions) {
    super();
    const policy = options.redirect ?? 'follow';
    if (!['follow', 'error', 'manual'].includes(policy))
      throw new Error('redirect mode should be one of follow, error or manual');
    for (const [name, value] of Object.entries(options.headers ?? {})) this.setHeader(name, String(value));
    netLog.push({ ...options });
  }

  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }

  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    callback();
  }

  override _final(callback: () => void): void {
    this.send(this.options.method?.toUpperCase() ?? 'GET', this.options.url ?? '', Buffer.concat(this.chunks), 0);
    callback();
  }

  /** Like Electron: throws unless a 'redirect' listener is running. */
  followRedirect(): void {
    if (!this.followCallback) throw new Error('followRedirect() called, but was not waiting for a redirect');
    this.followCallback();
  }

  abort(): void {
    if (!this.aborted) process.nextTick(() => this.emit('abort'));
    this.aborted = true;
    this.die();
  }

  private die(error?: Error): void {
    if (error) this.emit('error', error);
    this.current?.destroy();
    this.response?.destroy(error);
  }

  private send(method: string, url: string, body: Buffer, hops: number): void {
    const target = new URL(url);
    const requester = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(this.headers);
    const req = requester(target, { method, headers });
    this.current = req;
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      this.die(new Error(NET_ERRORS[error.code ?? ''] ?? 'net::ERR_FAILED'));
    });
    req.on('response', (res) => this.answer(res, method, url, body, hops));
    req.end(method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : body);
  }

  private answer(res: NodeMessage, method: string, url: string, body: Buffer, hops: number): void {
    if (this.aborted) {
      res.destroy();
      return;
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      res.resume();
      if (hops >= MAX_REDIRECTS) return this.die(new Error('net::ERR_TOO_MANY_REDIRECTS'));
      const next = new URL(location, url).href;
      const nextMethod = methodAfter(status, method);
      const redirectHeaders: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(res.headers))
        if (value !== undefined) redirectHeaders[name] = Array.isArray(value) ? value : [value];
      const policy = this.options.redirect ?? 'follow';
      if (policy === 'error') return this.die(new Error("Attempted to redirect, but redirect policy was 'error'"));
      let follow = policy === 'follow';
      this.followCallback = () => (follow = true);
      try {
        this.emit('redirect', status, nextMethod, next, redirectHeaders);
      } finally {
        this.followCallback = undefined;
      }
      if (this.aborted) return;
      if (!follow) return this.die(new Error('Redirect was cancelled'));
      this.send(nextMethod, next, nextMethod === method ? body : Buffer.alloc(0), hops + 1);
      return;
    }
    // IncomingMessage.headers: repeated headers joined with ", ", Set-Cookie kept as an array (Node's rules too).
    const message = Object.assign(res, { statusMessage: res.statusMessage ?? '' });
    this.response = message;
    this.emit('response', message);
  }
}

/** net.request(options): a ClientRequest on Chromium's stack (here node:http). */
export function netRequest(options: StandInRequestOptions | string, isReady: () => boolean): StandInClientRequest {
  if (!isReady()) throw new Error('net module can only be used after app is ready');
  return new StandInClientRequest(typeof options === 'string' ? { url: options } : options);
}

/** session.fetch: Electron's fetchWithSession on net.request, so `redirect: 'manual'` fails as it does there. */
export function fetchWithSession(
  input: string | URL | Request,
  init: RequestInit | undefined,
  request: (options: StandInRequestOptions) => StandInClientRequest,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const req = new Request(input, init);
    if (req.signal.aborted) return reject(req.signal.reason);
    const r = request({ method: req.method, url: req.url, credentials: req.credentials, redirect: req.redirect });
    req.signal.addEventListener(
      'abort',
      () => {
        reject(req.signal.reason);
        r.abort();
      },
      { once: true },
    );
    for (const [k, v] of req.headers) r.setHeader(k, v);
    r.on('response', (resp: NodeMessage) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(resp.headers))
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const status = resp.statusCode ?? 0;
      const body = [101, 204, 205, 304].includes(status) || req.method === 'HEAD' ? null : Readable.toWeb(resp);
      resolve(new Response(body as ReadableStream | null, { headers, status, statusText: resp.statusMessage }));
    });
    r.on('error', reject);
    void req.arrayBuffer().then((bytes) => r.end(bytes.byteLength ? Buffer.from(bytes) : undefined), reject);
  });
}
