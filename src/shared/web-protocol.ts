// The frames the web shell and its page exchange over the /ipc WebSocket: the IPC contract, framed.
// Shared by src/web (server side) and the renderer's bridge (page side); zod-free.
import type { ConsoleError, EventChannel, IpcResult } from './ipc';

/** Page → server: one request, answered by a ResponseFrame with the same id. */
export interface RequestFrame {
  id: number;
  channel: string;
  args: unknown;
}

/** Server → page. */
export type ServerFrame =
  | { kind: 'response'; id: number; result: IpcResult<unknown> }
  | { kind: 'event'; event: EventChannel; payload: unknown };

/** The query parameter that carries the per-run access token on the WebSocket URL. */
export const TOKEN_PARAM = 'token';
export const IPC_PATH = '/ipc';

export const LOST_CONNECTION: ConsoleError = {
  code: 'network',
  message: 'Lost the connection to the console server. It reconnects by itself; try again in a moment.',
};

export const NO_TOKEN: ConsoleError = {
  code: 'forbidden-sender',
  message: 'This page has no access token. Open the console from the link the web shell printed (…/#token=…).',
};
