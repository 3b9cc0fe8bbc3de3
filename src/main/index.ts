// The Electron main process: wires the console core to the desktop (window, tray, notifications,
// keychain, settings, power events) and serves the IPC contract to the preload.
import { app, clipboard, ipcMain, screen, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConsoleCore } from './core/index';
import { systemClock } from './core/ports';
import type { AppPage } from './app-origin';
import { createDemo } from './demo';
import { createFileLog } from './file-log';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc, sendTo } from './ipc/electron-ipc';
import { forwardCoreEvents } from './ipc/events';
import { createKeychain } from './keychain';
import { applyStartAtLogin } from './login-item';
import { createDesktopNotifier } from './notifications';
import { createPowerEvents } from './power';
import { hardenSession, hardenWebContents } from './security';
import { openElectronStore } from './electron-settings';
import { createSettingsStore } from './settings-store';
import { installTestHooks } from './test-hooks';
import { createConsoleTray } from './tray';
import { runTrayAction, type TrayAction } from './tray-actions';
import { liveCallCount } from './tray-menu';
import { createMainWindow } from './window';
import { restoreBounds, type Rect } from './window-bounds';
import { startSimulator } from '../simulator/index';

const APP_ID = 'io.evovoice.console';
const BOUNDS_RECORD = 'window-bounds';
const HINT_RECORD = 'tray-hint-shown';
const here = dirname(fileURLToPath(import.meta.url));

function appPage(): AppPage {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) return { url: dev };
  return { url: pathToFileURL(join(here, '../renderer/index.html')).href };
}

async function main(): Promise<void> {
  await app.whenReady();
  const log = createFileLog({
    dir: app.getPath('logs'),
    ...(app.isPackaged ? {} : { echo: (line: string) => process.stderr.write(`${line}\n`) }),
  });
  const settings = createSettingsStore({
    open: openElectronStore,
    cwd: app.getPath('userData'),
    projectVersion: app.getVersion(),
    log,
  });
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  const page = appPage();
  /** Set once the window exists; the callbacks below run only after that. */
  const shown: { win?: BrowserWindow } = {};
  let quitting = false;

  const showWindow = () => {
    const { win } = shown;
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const send = sendTo(() => shown.win?.webContents);
  const power = createPowerEvents();
  const notifier = createDesktopNotifier({
    doNotDisturb: () => core.getSettings().doNotDisturb,
    onClick: (sessionId) => {
      showWindow();
      send('notification:clicked', sessionId === undefined ? {} : { sessionId });
    },
  });
  const core = createConsoleCore({
    fetch: globalThis.fetch,
    secrets: createKeychain(),
    settings,
    notifier,
    clock: systemClock,
    power,
    log,
  });
  const demo = createDemo({ core, startSimulator, log });
  const versions = () => ({
    app: app.getVersion(),
    shell: 'electron',
    electron: process.versions.electron ?? '?',
    chrome: process.versions.chrome ?? '?',
    os: `${process.platform} ${process.getSystemVersion()}`,
  });
  const notices = () => (settings.recovered ? [settings.recovered] : []);
  const dispatch = createDispatcher(core, { log, demo, versions, notices });

  hardenSession(session.defaultSession, log);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { page, openExternal: (url) => shell.openExternal(url), log }),
  );
  registerIpc(ipcMain, dispatch, page, log);

  const trayTarget = {
    core,
    demo,
    showWindow,
    hideWindow: () => shown.win?.hide(),
    copyDiagnostics: () => {
      void dispatch('app:diagnostics', {}).then(async (r) => {
        if (r.ok) await clipboard.writeText(String(r.value));
      });
    },
    quit: () => app.quit(),
  };
  const runAction = (action: TrayAction) => {
    runTrayAction(action, trayTarget).catch((error: unknown) =>
      log.warn('Tray action failed', { action, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const tray = createConsoleTray(resourcesDir, runAction);
  const refreshTray = () =>
    tray.update(core.getState(), liveCallCount(core.getSnapshot().sessions), !!shown.win?.isVisible());

  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  shown.win = createMainWindow({
    preload: join(here, '../preload/index.cjs'),
    page,
    bounds: restoreBounds(settings.getRecord<Rect>(BOUNDS_RECORD), workAreas),
    startHidden: core.getSettings().startHidden || process.argv.includes('--hidden'),
    isQuitting: () => quitting,
    onVisibility: (visible) => {
      core.setWindowVisible(visible);
      refreshTray();
    },
    onHiddenToTray: () => {
      if (settings.getRecord<boolean>(HINT_RECORD)) return;
      settings.setRecord(HINT_RECORD, true);
      notifier.show({
        title: 'Evo Voice Console is still running',
        body: 'It keeps watching your calls from the tray. Quit it from the tray menu.',
      });
    },
    onBounds: (bounds) => settings.setRecord(BOUNDS_RECORD, bounds),
  });

  let loginItem = core.getSettings().startAtLogin;
  await applyStartAtLogin(loginItem, log);
  forwardCoreEvents(core, send);
  core.subscribe((event) => {
    if (event.type === 'settings' && event.settings.startAtLogin !== loginItem) {
      loginItem = event.settings.startAtLogin;
      void applyStartAtLogin(loginItem, log);
    }
    refreshTray();
  });
  installTestHooks(process.env, {
    runTrayAction: (action) => runTrayAction(action, trayTarget),
    notifications: () => notifier.live(),
    trayView: () => tray.view(),
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void Promise.allSettled([core.stop(), demo.stop()])
      .then(() => settings.flushed())
      .then(() => {
        power.dispose();
        tray.destroy();
        app.quit();
      });
  });

  if (settings.recovered) {
    log.warn(settings.recovered);
    notifier.show({ title: 'Settings were reset', body: settings.recovered });
  }
  await core.start();
  refreshTray();
}

if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Evo Voice Console could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    app.exit(1);
  });
}
