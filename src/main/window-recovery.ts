// Recovery when the page dies: a renderer crash, a preload that throws or a page that fails to
// load is logged and reloaded, at most RELOAD_LIMIT times in RELOAD_WINDOW_MS; past that the agent
// gets a clear message with the log file's path and the choice to try again or quit.
import type { BrowserWindow } from 'electron';

import type { Logger } from './core/ports';

export const RELOAD_LIMIT = 3;
export const RELOAD_WINDOW_MS = 60_000;

export interface RecoveryDeps {
  log: Logger;
  logFile: string;
  /** dialog.showMessageBox: answers the index of the button chosen. */
  ask: (message: string, detail: string, buttons: string[]) => Promise<number>;
  quit: () => void;
  now?: () => number;
}

export function watchRenderer(win: BrowserWindow, deps: RecoveryDeps): void {
  const now = deps.now ?? Date.now;
  let reloads: number[] = [];
  let asking = false;
  const recover = (what: string, data: Record<string, unknown>) => {
    deps.log.error(`The console page ${what}`, data);
    if (win.isDestroyed() || asking) return;
    reloads = reloads.filter((t) => now() - t < RELOAD_WINDOW_MS);
    if (reloads.length < RELOAD_LIMIT) {
      reloads.push(now());
      win.webContents.reload();
      return;
    }
    asking = true;
    void deps
      .ask(
        'Evo Voice Console cannot show its window.',
        `The page ${what} ${RELOAD_LIMIT} times in a row. Try again, or quit and send the log file to your IT support: ${deps.logFile}`,
        ['Try again', 'Quit'],
      )
      .then((choice) => {
        asking = false;
        reloads = [];
        if (choice === 0 && !win.isDestroyed()) win.webContents.reload();
        else deps.quit();
      });
  };
  win.webContents.on('render-process-gone', (_event, details) =>
    recover('stopped', { reason: details.reason, exitCode: details.exitCode }),
  );
  win.webContents.on('preload-error', (_event, preloadPath, error) =>
    recover('could not start its bridge', { preloadPath, error: error.message }),
  );
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation replaced by another, not a failure.
    if (isMainFrame && code !== -3) recover('did not load', { code, description, url: url.slice(0, 200) });
  });
}
