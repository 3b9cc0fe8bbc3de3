// Locks the Electron renderer down: the CSP as a response header, every permission refused,
// navigation and new windows denied, and only allowlisted https links opened in the browser.
import type { Session, WebContents } from 'electron';
import type { Logger } from './core/ports';
import { isAllowedExternal, isAppPage, type AppPage } from './app-origin';
import { withPolicyHeader } from './csp';

export function hardenSession(session: Session, log: Logger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicyHeader(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Refused a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

export interface ContentsPolicy {
  page: AppPage;
  openExternal: (url: string) => Promise<void>;
  log: Logger;
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
    if (isAllowedExternal(url)) {
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
