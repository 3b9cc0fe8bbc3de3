// The renderer's one way to main: typed requests that never throw, and event subscriptions.
import type {
  ConsoleApi,
  ConsoleError,
  EventChannel,
  EventPayloads,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../../shared/ipc';
import { getConsoleApi } from '../bridge';
import { errorText } from '../i18n/words';

let api: ConsoleApi | undefined;

function consoleApi(): ConsoleApi {
  api ??= getConsoleApi();
  return api;
}

/**
 * Sends a request; a broken channel comes back as a network error in words, not an exception.
 * A refusal's words are in the agent's language (the core's sentence in English, the code's
 * catalogue entry otherwise: `i18n/words.ts`).
 */
export async function request<C extends RequestChannel>(
  channel: C,
  args: RequestArgs<C>,
): Promise<IpcResult<RequestResult<C>>> {
  let result: IpcResult<RequestResult<C>>;
  try {
    result = await consoleApi().invoke(channel, args);
  } catch (e) {
    const error: ConsoleError = {
      code: 'network',
      message: `The console lost its link to the background service (${e instanceof Error ? e.message : String(e)}). Reload the window.`,
    };
    result = { ok: false, error };
  }
  return result.ok ? result : { ok: false, error: { ...result.error, message: errorText(result.error) } };
}

export function listen<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return consoleApi().on(event, listener);
}
