// The core's one error type: a code the renderer branches on and words the agent can act on
// (src/main/ipc/errors.ts is the one place that turns it into the contract's ConsoleError).
import type { ResponseStatus } from '../../shared/evovoice';
import type { ErrorCode } from '../../shared/ipc';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: ErrorCode;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** ServiceStack's responseStatus.errorCode, when the body had one. */
  readonly errorCode?: string;
  /** How long the server asked us to wait (Retry-After), in ms. */
  readonly retryAfterMs?: number;
  /** True when the error answer was ServiceStack's own (a `responseStatus`), not a proxy's page. */
  readonly fromApi: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    details: { status?: number; errorCode?: string; retryAfterMs?: number; fromApi?: boolean; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.errorCode !== undefined) this.errorCode = details.errorCode;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    this.fromApi = details.fromApi ?? false;
  }

  /** A network-level failure (not an answer from the server). */
  get unreachable(): boolean {
    return this.code === 'network' || this.code === 'timeout';
  }

  /** Worth trying again later without the agent doing anything. */
  get transient(): boolean {
    return this.unreachable || this.code === 'server' || this.code === 'rate-limited' || this.code === 'bad-response';
  }
}

/** Any thrown value as a CoreError, so callers only ever see one type. */
export function toCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CoreError('internal', `Something went wrong in the console: ${message}`, { cause: error });
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A failed `POST /auth/credentials` as the agent should read it: only ServiceStack's own 401 (a
 * `responseStatus`) rejects the password; a proxy's sign-in page (an HTML 401, or a redirect) in
 * front of Evo Voice is a network problem, and the saved password stays.
 */
export function signInError(error: CoreError, host: string, userName: string): CoreError {
  if (error.status === 401 && error.fromApi) {
    return new CoreError(
      'password-rejected',
      `${host} rejected the password for ${userName}: check it and sign in again.`,
      {
        status: 401,
        fromApi: true,
        ...(error.errorCode ? { errorCode: error.errorCode } : {}),
      },
    );
  }
  if (error.status === 401 || (error.status !== undefined && error.status >= 300 && error.status < 400)) {
    return new CoreError(
      'network',
      `A sign-in page of a proxy in front of ${host} answered instead of Evo Voice (HTTP ${error.status}): check the network or VPN connection; the console will retry.`,
      { status: error.status, cause: error },
    );
  }
  return error;
}

/** Maps an HTTP error answer to a CoreError with words for the agent. */
export function httpError(
  status: number,
  host: string,
  responseStatus: ResponseStatus | undefined,
  retryAfter?: number,
): CoreError {
  const said = responseStatus?.message ? `: ${responseStatus.message}` : '';
  const details = {
    status,
    ...(responseStatus?.errorCode ? { errorCode: responseStatus.errorCode } : {}),
    ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    fromApi: responseStatus !== undefined,
  };
  switch (true) {
    case status === 401:
      return new CoreError('unauthorized', `Signed out by ${host}: sign in again`, details);
    case status === 403:
      return new CoreError(
        'forbidden',
        `${host} does not allow this for your user${said}. Ask an administrator.`,
        details,
      );
    case status === 404:
      return new CoreError('not-found', `${host} no longer has this${said}. Refresh and try again.`, details);
    case status === 409:
      return new CoreError('conflict', `${host} refused a conflicting change${said}. Refresh and try again.`, details);
    case status === 429:
      return new CoreError('rate-limited', `${host} asked the console to slow down: it will retry by itself.`, details);
    case status >= 400 && status < 500:
      return new CoreError('invalid-payload', `${host} refused the request${said || ` (HTTP ${status})`}.`, details);
    default:
      return new CoreError(
        'server',
        `${host} is having trouble (HTTP ${status}${said}): the console will retry by itself.`,
        details,
      );
  }
}
