// The renderer's one way to reach main: the preload's `window.evoConsole` in Electron, or the
// web shell's WebSocket client when the page is served by src/web/server.ts.
import type { ConsoleApi } from '../../../shared/ipc';
import { IPC_PATH, TOKEN_PARAM } from '../../../shared/web-protocol';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts through contextBridge (Electron only). */
    evoConsole?: ConsoleApi;
  }
}

let api: ConsoleApi | undefined;

/** The web shell's URL carries its access token in the fragment: http://127.0.0.1:PORT/#token=... */
export function webSocketUrl(location: Pick<Location, 'host' | 'hash'>): string | undefined {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (!token) return undefined;
  return `ws://${location.host}${IPC_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

export function getConsoleApi(): ConsoleApi {
  api ??= window.evoConsole ?? createWebClient({ url: webSocketUrl(window.location) });
  return api;
}
