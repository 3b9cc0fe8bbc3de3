// Starts the console for one test: the built web shell (out/web/server.js) in Chromium, or the real Electron app where its binary exists.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { _electron, type Browser, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test';

import { type Started, startProcess, WEB_SHELL_SCRIPT } from '../tests/support/ready-process';
import { electronLaunchPlan, needsVirtualDisplay, startVirtualDisplay, type VirtualDisplay } from './electron-launch';

export interface RaisedNotification {
  title: string;
  body: string;
  sessionId?: string;
}

export interface ConsoleApp {
  kind: 'web' | 'electron';
  /** Settings, records and logs of this console (kept after the run for the secrets scan). */
  dataDir: string;
  /** The console window. Replaced by `restart()`. */
  page: Page;
  /** Script errors, CSP violations and dialogs seen in the window since launch (the fixture fails on any). */
  problems: string[];
  /** Notifications the shell raised this run (test hook). */
  notifications(): Promise<RaisedNotification[]>;
  /** Clicks a tray menu item (test hook): 'dnd', 'sign-out', ... */
  tray(item: string): Promise<void>;
  /** Stops the shell and starts it again on the same data directory. */
  restart(): Promise<Page>;
  close(): Promise<void>;
}

const E2E_DATA_ROOT = resolve('.tmp/e2e');
const START_TIMEOUT_MS = 30_000;

/** The Electron binary, when `npm install` could fetch it (never on the build machines here). */
export function electronBinary(): string | undefined {
  const root = resolve('node_modules/electron');
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** An administrator policy a spec wrote into the data directory is read by the web shell (--policy). */
function startWebShell(dataDir: string): Promise<Started> {
  const policy = join(dataDir, 'policy.json');
  const args = [
    WEB_SHELL_SCRIPT,
    '--port',
    '0',
    '--data-dir',
    dataDir,
    ...(existsSync(policy) ? ['--policy', policy] : []),
  ];
  return startProcess(args, 'EVO_WEB_URL', {
    cwd: resolve('.'),
    env: { ...process.env, EVO_CONSOLE_TEST_HOOKS: '1', HOME: join(dataDir, 'home') },
    timeoutMs: START_TIMEOUT_MS,
  });
}

/** The meta-delivered policy cannot carry frame-ancestors; Chromium says so, and the Electron shell sends it as a header. */
const META_NOTICE = /frame-ancestors' is ignored when delivered via a <meta> element/;

/** Reports every CSP violation as a console error (some, like a probed eval, log nothing by themselves); once per page. */
function reportCspViolations(): void {
  const marked = window as { __evoCspWatched?: boolean };
  if (marked.__evoCspWatched) return;
  marked.__evoCspWatched = true;
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
  );
}

/** The CSP listener in every page of `context`, the ones already open included. */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(reportCspViolations);
  for (const page of context.pages()) await page.evaluate(reportCspViolations).catch(() => undefined);
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|CSP/.test(m.text()) && !META_NOTICE.test(m.text()))
      problems.push(m.text());
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
}

async function launchWeb(browser: Browser, dataDir: string): Promise<ConsoleApp> {
  const problems: string[] = [];
  const shell = await startWebShell(dataDir);
  try {
    return await openWeb(browser, dataDir, shell, problems);
  } catch (error) {
    await shell.stop();
    throw error;
  }
}

async function openWeb(browser: Browser, dataDir: string, first: Started, problems: string[]): Promise<ConsoleApp> {
  let shell = first;
  const context = await browser.newContext();
  await watchCsp(context);
  let page = await context.newPage();
  watch(page, problems);
  await page.goto(shell.value);
  const hook = (path: string) => {
    const url = new URL(shell.value);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    return `${url.origin}${path}?token=${encodeURIComponent(token)}`;
  };
  // The shell loads its console once the page has its files: a test that then changes the data
  // folder must find it loaded (the test hook waits for it), as a desktop console is at launch.
  const loaded = async () => {
    const res = await fetch(hook('/__test/notifications'));
    if (!res.ok) throw new Error(`the web shell's console did not load: ${res.status}`);
  };
  await loaded();
  const app: ConsoleApp = {
    kind: 'web',
    dataDir,
    page,
    problems,
    async notifications() {
      const res = await fetch(hook('/__test/notifications'));
      if (!res.ok) throw new Error(`GET /__test/notifications answered ${res.status}`);
      return (await res.json()) as RaisedNotification[];
    },
    async tray(item) {
      const res = await fetch(hook('/__test/tray'), { method: 'POST', body: JSON.stringify({ item }) });
      if (!res.ok) throw new Error(`POST /__test/tray ${item} answered ${res.status}`);
    },
    async restart() {
      await shell.stop();
      shell = await startWebShell(dataDir);
      await page.close();
      page = await context.newPage();
      watch(page, problems);
      app.page = page;
      await page.goto(shell.value);
      await loaded();
      return page;
    },
    async close() {
      await context.close();
      await shell.stop();
    },
  };
  return app;
}

/** What src/main/test-hooks.ts puts on globalThis (as __evoConsoleTestHooks) in the Electron main process when EVO_CONSOLE_TEST_HOOKS=1. */
interface ElectronTestHooks {
  runTrayAction(action: string): Promise<boolean>;
  notifications(): RaisedNotification[];
}
type WithHooks = { __evoConsoleTestHooks?: ElectronTestHooks };

async function launchElectron(binary: string, dataDir: string): Promise<ConsoleApp> {
  const display: VirtualDisplay | undefined = needsVirtualDisplay(process.platform, process.env)
    ? await startVirtualDisplay()
    : undefined;
  const plan = electronLaunchPlan({
    binary,
    appDir: resolve('.'),
    dataDir,
    root: process.getuid?.() === 0,
    env: process.env,
    ...(display ? { display: display.display } : {}),
  });
  mkdirSync(plan.env.HOME as string, { recursive: true });
  /** The app and its first window, with the CSP listener in every page it opens. */
  const start = async (): Promise<[ElectronApplication, Page]> => {
    const launched = await _electron.launch(plan);
    await watchCsp(launched.context());
    const window = await launched.firstWindow();
    await window.evaluate(reportCspViolations);
    return [launched, window];
  };
  const problems: string[] = [];
  let electron: ElectronApplication;
  let first: Page;
  try {
    [electron, first] = await start();
  } catch (error) {
    await display?.stop();
    throw error;
  }
  const app: ConsoleApp = {
    kind: 'electron',
    dataDir,
    page: first,
    problems,
    // These functions run in the Electron main process (serialised): everything they use is inside them.
    async notifications() {
      const raised = await electron.evaluate(() => (globalThis as WithHooks).__evoConsoleTestHooks?.notifications());
      if (!raised) throw new Error('The Electron shell installed no test hooks (EVO_CONSOLE_TEST_HOOKS=1)');
      return raised;
    },
    async tray(item) {
      const offered = await electron.evaluate(
        (_, name) => (globalThis as WithHooks).__evoConsoleTestHooks?.runTrayAction(name),
        item,
      );
      if (!offered) throw new Error(`The Electron tray has no item ${item}, or no test hooks are installed`);
    },
    async restart() {
      await electron.close();
      [electron, app.page] = await start();
      watch(app.page, problems);
      return app.page;
    },
    async close() {
      await electron.close();
      await display?.stop();
    },
  };
  watch(app.page, problems);
  return app;
}

/**
 * One console with its own data directory under .tmp/e2e/, kept after close so that the secrets
 * scan that ends npm test reads every settings file and log the suite produced.
 */
export async function launchConsole(browser: () => Promise<Browser>): Promise<ConsoleApp> {
  mkdirSync(E2E_DATA_ROOT, { recursive: true });
  const dataDir = mkdtempSync(join(E2E_DATA_ROOT, 'console-'));
  const binary = electronBinary();
  return binary ? launchElectron(binary, dataDir) : browser().then((b) => launchWeb(b, dataDir));
}
