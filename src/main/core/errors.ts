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

  constructor(
    code: ErrorCode,
    message: string,
    details: { status?: number; errorCode?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.errorCode !== undefined) this.errorCode = details.errorCode;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
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
