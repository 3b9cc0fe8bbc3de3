// Locks the Electron renderer down: the CSP as a response header, every permission refused but
// writing text to the clipboard from the app's own page (Settings' Copy diagnostics), navigation
// and new windows denied, and only allowlisted https links (and "Call back"'s dialer URI) opened outside.
import type { Session, WebContents } from 'electron';

import { isDialerUri } from '../shared/dialer';
import { type AppPage, isAllowedExternal, isAppPage } from './app-origin';
import type { Logger } from './core/ports';
import { withPolicyHeader } from './csp';

/** The one permission granted, and only to the app page: write (never read) the clipboard. */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write';

export function hardenSession(session: Session, page: AppPage, log: Logger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicyHeader(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => {
    const granted = permission === GRANTED_PERMISSION && isAppPage(contents.getURL(), page);
    if (!granted) log.warn('Refused a permission request', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === GRANTED_PERMISSION && isAppPage(requestingOrigin, page),
  );
}

export interface ContentsPolicy {
  page: AppPage;
  openExternal: (url: string) => Promise<void>;
  log: Logger;
  /** The dialer template in force (Settings or policy): exactly its URIs with an E.164 number open. */
  dialerTemplate?: () => string;
}

/** Applied to every webContents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, policy: ContentsPolicy): void {
  const { log } = policy;
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppPage(url, policy.page) && isAppPage(contents.getURL(), policy.page)) return;
    event.preventDefault();
    log.warn('Refused a navigation away from the console', { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url) || isDialerUri(url, policy.dialerTemplate?.() ?? '')) {
      policy.openExternal(url).catch((error: unknown) =>
        log.warn('Could not open a link in the browser', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    } else {
      log.warn('Refused to open a window', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}
