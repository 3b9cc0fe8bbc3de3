// Turns whatever a handler threw into the typed ConsoleError the renderer branches on.
import { type ConsoleError, ERROR_CODES, type ErrorCode } from '../../shared/ipc';
import { KeychainUnavailableError, type Logger } from '../core/ports';

const INTERNAL_MESSAGE =
  'Something went wrong inside the console. Try again; if it keeps happening, copy the diagnostics for support.';

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The one mapping to the contract: a CoreError (or any error carrying a known code, such as the
 * demo's) passes through as code + message + status; anything else becomes 'internal' and is logged.
 */
export function toConsoleError(error: unknown, channel: string, log: Logger): ConsoleError {
  if (error instanceof KeychainUnavailableError) {
    return { code: 'keychain-unavailable', message: error.message };
  }
  if (error instanceof Error && 'code' in error && isErrorCode(error.code)) {
    const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
    return status === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, status };
  }
  log.error('IPC handler failed unexpectedly', {
    channel,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  return { code: 'internal', message: INTERNAL_MESSAGE };
}
