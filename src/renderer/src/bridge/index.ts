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

/** The web shell's WebSocket on the page's own host: ws://127.0.0.1:PORT/ipc (never with the token). */
export function webSocketUrl(location: Pick<Location, 'host'>): string {
  return `ws://${location.host}${IPC_PATH}`;
}

/** Where the page keeps the token for a reload of the same tab (sessionStorage: this tab only). */
const TOKEN_KEY = 'evo-web-token';

export interface PageLocation {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The token of the web shell's link (http://127.0.0.1:PORT/#token=...): read from the fragment,
 * kept for reloads of this tab, and taken out of the address bar and the history at once.
 */
export function takeToken({ location, history, storage }: PageLocation): string | undefined {
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (fromLink) {
    storage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromLink;
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

export function getConsoleApi(): ConsoleApi {
  api ??=
    window.evoConsole ??
    createWebClient({
      url: webSocketUrl(window.location),
      token: takeToken({ location: window.location, history: window.history, storage: window.sessionStorage }),
    });
  return api;
}
