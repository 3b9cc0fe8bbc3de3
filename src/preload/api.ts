// Builds `window.evoConsole` from ipcRenderer: exactly the contract's channels, and listener
// callbacks that never see the IpcRendererEvent (so no sender or ports reach the page).
import type { IpcRenderer } from 'electron';

import type {
  ConsoleApi,
  EventChannel,
  EventPayloads,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../shared/ipc';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../shared/ipc-constants';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadApi(ipc: PreloadIpc): ConsoleApi {
  const requests = new Set<string>(REQUEST_CHANNELS);
  const events = new Set<string>(EVENT_CHANNELS);
  return Object.freeze({
    invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<IpcResult<RequestResult<C>>> {
      if (!requests.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-channel', message: 'This request is not part of the console.' },
        });
      }
      return ipc.invoke(channel, args) as Promise<IpcResult<RequestResult<C>>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      if (!events.has(event)) throw new TypeError(`Not a console event: ${String(event)}`);
      const wrapped = (_event: unknown, payload: EventPayloads[E]) => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  });
}
