// The Evo Voice API client: typed calls, JSON only, timeouts, capped bodies, its own cookie jar,
// and every failure turned into one CoreError the agent can act on.
import type {
  AppHomeResponse,
  AuthenticateResponse,
  AuthStatusResponse,
  GetActivityRequest,
  GetCallHistoryRequest,
  GetPortalHomeRequest,
  GetSessionsRequest,
  ListResponse,
  PatchSessionRequest,
  SessionInfo,
} from '../../shared/evovoice';
import {
  type KnownSession,
  parseAuthenticate,
  parseAuthStatus,
  type Parsed,
  parsePortalHome,
  parseResponseStatus,
  parseSession,
  parseSessionList,
  WireShapeError,
} from '../../shared/wire';
import { CookieJar } from './cookies';
import { CoreError, httpError, retryAfterMs, signInError } from './errors';
import { checkFileHost, hostListOf, type ResolveHost, resolveWithDns } from './file-hosts';
import type { PageBodies, Validators } from './page-bodies';
import type { Fetch } from './ports';
import { toQueryString } from './query';
import { readCapped, readCappedBytes } from './response-body';

export interface EvoVoiceClientOptions {
  /** Origin (and optional base path) of the server, e.g. https://evovoice.io. */
  baseUrl: string;
  fetch: Fetch;
  /** Give up on a request after this long (default 15 s). */
  timeoutMs?: number;
  /** Refuse bodies larger than this (default 50 MB). */
  maxBodyBytes?: number;
  now?: () => number;
  /** Told about fields the parser had to drop (wrong type): for the log. */
  onDropped?: (path: string, dropped: string[]) => void;
  /** Hosts besides the server's own origin that files (recordings) may come from: the policy's `recordingHosts`. */
  fileHosts?: () => readonly string[] | undefined;
  /** The addresses of a file host, checked before it is asked anything (default: the system's DNS). */
  resolveHost?: ResolveHost;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** List calls: sessions parsed before and unchanged are reused instead of checked again. */
  known?: KnownSession;
  /** List calls: a page whose body is the same text as last time is not parsed again. */
  pages?: PageBodies<ListResponse<SessionInfo>>;
}

export interface EvoVoiceClient {
  readonly baseUrl: string;
  readonly host: string;
  signIn(userName: string, password: string, options?: CallOptions): Promise<AuthenticateResponse>;
  authStatus(options?: CallOptions): Promise<AuthStatusResponse>;
  logout(options?: CallOptions): Promise<void>;
  getSessions(request: GetSessionsRequest, options?: CallOptions): Promise<ListResponse<SessionInfo>>;
  patchSession(request: PatchSessionRequest, options?: CallOptions): Promise<SessionInfo>;
  getActivity(request: GetActivityRequest, options?: CallOptions): Promise<ListResponse<SessionInfo>>;
  getCallHistory(request: GetCallHistoryRequest, options?: CallOptions): Promise<ListResponse<SessionInfo>>;
  getPortalHome(request: GetPortalHomeRequest, options?: CallOptions): Promise<AppHomeResponse>;
  /**
   * A file the server pointed to (a voicemail's uri), at most `maxBytes`: with the session's
   * cookies on the server's own origin; elsewhere without them, and only from an https host of
   * `fileHosts` whose every address is public (checked at each redirect too).
   */
  getFile(uri: string, maxBytes: number, options?: CallOptions): Promise<FileBytes>;
  /** True while the jar holds a session cookie. */
  hasSession(): boolean;
  /** Forgets the session cookies (sign-out, server change). */
  forgetSession(): void;
}

export interface FileBytes {
  contentType: string;
  bytes: Uint8Array;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024;
/** Redirects a file download may follow (a recording's signed storage address). */
export const FILE_REDIRECTS = 3;

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  options?: CallOptions;
  /** A list page the client has: sent as If-None-Match / If-Modified-Since; a 304 then answers no text. */
  validators?: Validators;
}

interface Received {
  text: string;
  status: number;
  /** What identifies this body (ETag, Last-Modified), when the server sent it. */
  validators?: Validators;
}

export function createEvoVoiceClient(config: EvoVoiceClientOptions): EvoVoiceClient {
  const base = config.baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = config.now ?? Date.now;
  const jar = new CookieJar();
  const resolveHost = config.resolveHost ?? resolveWithDns;

  async function send(call: Call): Promise<unknown> {
    const { text, status } = await receive(call);
    return jsonOf(text, status);
  }

  /** A successful answer's JSON; a body that is not JSON is an error the agent reads. */
  function jsonOf(text: string, status: number): unknown {
    const json = parseJson(text);
    if (!json.ok) {
      throw new CoreError('bad-response', `${host} sent an answer the console cannot read: it will retry.`, { status });
    }
    return json.value;
  }

  /**
   * A file's answer, following up to FILE_REDIRECTS redirects (recordings kept in a blob store
   * answer 302 to a signed address): cookies go to the server's own origin only, and any other
   * address must pass `checkFileHost` (listed, https, public addresses) before it is asked anything.
   */
  async function fileAnswer(first: URL, signal: AbortSignal): Promise<{ response: Response; own: boolean }> {
    const home = new URL(base).origin;
    let url = first;
    for (let hop = 0; ; hop++) {
      const own = url.origin === home;
      if (!own) await abortable(checkFileHost(url, hostListOf(config.fileHosts?.()), resolveHost, host), signal);
      const headers: Record<string, string> = { Accept: 'audio/*, */*' };
      const cookie = own ? jar.header(now()) : undefined;
      if (cookie) headers.Cookie = cookie;
      const response = await config.fetch(url.href, { method: 'GET', headers, signal, redirect: 'manual' });
      if (own) jar.store(response.headers.getSetCookie(), now());
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) return { response, own };
      await response.body?.cancel();
      if (hop === FILE_REDIRECTS) {
        throw new CoreError(
          'bad-response',
          `${host} redirected a file more than ${FILE_REDIRECTS} times: not fetched.`,
        );
      }
      url = new URL(location, url);
    }
  }

  /** Sends the call and reads a successful answer's text; a failed one throws its CoreError. */
  async function receive(call: Call): Promise<Received> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = call.options?.signal ? AbortSignal.any([timeout.signal, call.options.signal]) : timeout.signal;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const cookie = jar.header(now());
    if (cookie) headers.Cookie = cookie;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.validators?.etag) headers['If-None-Match'] = call.validators.etag;
    if (call.validators?.lastModified) headers['If-Modified-Since'] = call.validators.lastModified;
    try {
      const response = await config.fetch(base + call.path, {
        method: call.method,
        headers,
        signal,
        redirect: 'manual',
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      });
      jar.store(response.headers.getSetCookie(), now());
      if (response.status === 304 && call.validators) {
        await response.body?.cancel();
        return { text: '', status: 304 };
      }
      const text = await readCapped(response, maxBytes, host);
      if (!response.ok) {
        const json = parseJson(text);
        const retry = retryAfterMs(response.headers.get('retry-after'), now());
        throw httpError(response.status, host, json.ok ? parseResponseStatus(json.value) : undefined, retry);
      }
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      const validators = etag || lastModified ? { etag, lastModified } : undefined;
      return { text, status: response.status, validators };
    } catch (error) {
      throw failure(error, timeout.signal.aborted, call.options?.signal?.aborted ?? false);
    } finally {
      clearTimeout(timer);
    }
  }

  function failure(error: unknown, timedOut: boolean, cancelled: boolean): CoreError {
    if (error instanceof CoreError) return error;
    if (cancelled) return new CoreError('network', 'The request was cancelled.', { cause: error });
    if (timedOut) {
      return new CoreError('timeout', `${host} did not answer in time: check the network; the console will retry.`, {
        cause: error,
      });
    }
    return new CoreError('network', `Cannot reach ${host}: check the network.`, { cause: error });
  }

  function parsed<T>(path: string, parse: (raw: unknown) => Parsed<T>, raw: unknown): T {
    try {
      const result = parse(raw);
      if (result.dropped.length && config.onDropped) config.onDropped(path, result.dropped);
      return result.value;
    } catch (error) {
      if (error instanceof WireShapeError) {
        throw new CoreError('bad-response', `${host} sent an unexpected answer: ${error.message}.`, { cause: error });
      }
      throw error;
    }
  }

  const list = async (path: string, request: object, options?: CallOptions) => {
    const target = path + toQueryString(request);
    const pages = options?.pages;
    const asked = pages?.validators(target);
    const { text, status, validators } = await receive({ method: 'GET', path: target, options, validators: asked });
    // 304: the page is the one kept (unless the board was emptied meanwhile: then it is read again).
    const kept = status === 304 ? pages?.repeat(target) : undefined;
    if (kept) return kept;
    if (status === 304) return list(path, request, { ...options, pages: undefined });
    const read = (raw: unknown, reused: ReadonlySet<unknown>) =>
      parsed(
        path,
        (body) => {
          // Items reused from the last parse of this page are already checked: kept as they are.
          const known: KnownSession | undefined = reused.size
            ? Object.assign((item: Record<string, unknown>) => options?.known?.(item), { checked: reused })
            : options?.known;
          const result = parseSessionList(body, known);
          // An "items" of the wrong type is not an empty list: keep the last good board instead.
          if (result.dropped.includes('items')) throw new WireShapeError('a list whose "items" is not a list');
          return result;
        },
        raw,
      );
    const json = (body: string) => jsonOf(body, status);
    return pages ? pages.read(target, text, json, read, validators) : read(json(text), new Set());
  };

  return {
    baseUrl: base,
    host,
    async signIn(userName, password, options) {
      jar.clear();
      try {
        const raw = await send({
          method: 'POST',
          path: '/auth/credentials',
          body: { provider: 'credentials', userName, password, rememberMe: true },
          options,
        });
        return parsed('/auth/credentials', parseAuthenticate, raw);
      } catch (error) {
        throw error instanceof CoreError ? signInError(error, host, userName) : error;
      }
    },
    authStatus: (options) =>
      send({ method: 'GET', path: '/auth/status', options }).then((raw) =>
        parsed('/auth/status', parseAuthStatus, raw),
      ),
    async logout(options) {
      try {
        await send({ method: 'POST', path: '/auth/logout', body: {}, options });
      } finally {
        jar.clear();
      }
    },
    getSessions: (request, options) => list('/sessions', request, options),
    patchSession: (request, options) =>
      send({
        method: 'PATCH',
        path: `/sessions/${encodeURIComponent(request.sessionId)}`,
        body: request,
        options,
      }).then((raw) => parsed('/sessions/{id}', parseSession, raw)),
    getActivity: (request, options) => list('/portal/activity', request, options),
    getCallHistory: (request, options) => list('/portal/call-history', request, options),
    getPortalHome: (request, options) =>
      send({ method: 'GET', path: '/portal/home' + toQueryString(request), options }).then((raw) =>
        parsed('/portal/home', parsePortalHome, raw),
      ),
    async getFile(uri, fileMaxBytes, options) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const signal = options?.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
      try {
        const { response, own } = await fileAnswer(new URL(uri, base + '/'), signal);
        if (!own) {
          // Another host's answer is not shown: neither its status nor its type, only that it sent no file.
          if (!response.ok) {
            await response.body?.cancel();
            throw new CoreError(
              'bad-response',
              `The recording could not be fetched from ${host}'s storage: try again later.`,
            );
          }
        } else if (!response.ok) {
          const json = parseJson(await readCapped(response, 64 * 1024, host));
          throw httpError(response.status, host, json.ok ? parseResponseStatus(json.value) : undefined);
        }
        return {
          contentType: response.headers.get('content-type') ?? 'application/octet-stream',
          bytes: await readCappedBytes(response, fileMaxBytes, host),
        };
      } catch (error) {
        throw failure(error, timeout.signal.aborted, options?.signal?.aborted ?? false);
      } finally {
        clearTimeout(timer);
      }
    },
    hasSession: () => jar.has('ss-id') || jar.has('ss-pid'),
    forgetSession: () => jar.clear(),
  };
}

/** `work`, or the signal's abort (a DNS lookup cannot be cancelled, only stopped waiting for). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
