// The Electron main process: wires the console core to the desktop (window, tray, notifications,
// keychain, settings, power events) and serves the IPC contract to the preload. The page comes
// from app://console (app-protocol.ts); API calls go through Chromium's network stack.
import { mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BrowserWindow } from 'electron';
import {
  app,
  autoUpdater,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
} from 'electron';

import { dialerUri } from '../shared/dialer';
import { notificationLocale } from '../shared/missed-call-text';
import { APP_ID, APP_PAGE_URL, LEGACY_DATA_FOLDER, PRODUCT_NAME } from './app-identity';
import { appMenuTemplate } from './app-menu';
import type { AppPage } from './app-origin';
import { APP_SCHEME_PRIVILEGES, rendererRoot, serveAppScheme } from './app-protocol';
import { createConsoleCore } from './core/index';
import { systemClock } from './core/ports';
import { setupCrashReports } from './crash-reports';
import { logMigration, migrateDataFolder } from './data-folder-migration';
import { createDemo } from './demo';
import { openElectronStore } from './electron-settings';
import { createFileLogWithFallback, type FileLog, type OpenedFileLog } from './file-log';
import { createGlobalHotkeys, hotkeysThroughPortal } from './hotkeys';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc, sendTo } from './ipc/electron-ipc';
import { forwardCoreEvents } from './ipc/events';
import { createKeychain } from './keychain';
import { applyStartAtLogin } from './login-item';
import { machineStartsAtLogin } from './machine-autostart';
import { createDesktopNotifier } from './notifications';
import { setupPolicy } from './policy/setup-policy';
import { createPowerEvents } from './power';
import { createQuitControl } from './quit';
import { resourcesDir } from './resources';
import { hardenSession, hardenWebContents } from './security';
import { createSessionFetch } from './session-fetch';
import { createSettingsStore } from './settings-store';
import { composeSignIn } from './sign-in';
import { type OpenWork, signOutQuestion } from './sign-out-work';
import { runSmokeTest, smokeTestRequested } from './smoke-test';
import { installTestHooks } from './test-hooks';
import { createConsoleTray } from './tray';
import { runTrayAction, type TrayAction } from './tray-actions';
import { desktopHasTray } from './tray-host';
import { liveCallCount } from './tray-menu';
import { createElectronUpdateSource } from './updates/electron-updater-source';
import { setupUpdates } from './updates/setup-updates';
import { createMainWindow } from './window';
import { type Rect, restoreBounds } from './window-bounds';
import { watchRenderer } from './window-recovery';

const BOUNDS_RECORD = 'window-bounds';
const HINT_RECORD = 'tray-hint-shown';
const NO_TRAY_RECORD = 'no-tray-hint-shown';
const here = dirname(fileURLToPath(import.meta.url));

// Administrator policy and crash reports: read and started before the app is ready. An all-users
// start at login set up by the installer counts as start at login set by the administrator.
const machineAutostart = machineStartsAtLogin(process.platform);
const policy = setupPolicy({ app, platform: process.platform, appId: APP_ID, machineStartsAtLogin: machineAutostart });
setupCrashReports(crashReporter, policy.policy, PRODUCT_NAME);

function appPage(): AppPage {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) return { url: dev };
  return { url: APP_PAGE_URL };
}

async function main({ log, problem: logProblem }: OpenedFileLog): Promise<void> {
  await app.whenReady();
  const smokeTest = smokeTestRequested(process.argv);
  policy.flushLog(log);
  const settings = policy.govern(
    createSettingsStore({
      open: openElectronStore,
      cwd: app.getPath('userData'),
      projectVersion: app.getVersion(),
      log,
    }),
  );
  const resources = resourcesDir({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  const page = appPage();
  serveAppScheme(protocol, rendererRoot(here), log);
  const menu = appMenuTemplate(process.platform);
  Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
  /** Set once the window exists; the callbacks below run only after that. */
  const shown: { win?: BrowserWindow } = {};
  let pendingOpen: (() => void) | undefined;

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
      const open = () => {
        showWindow();
        send('notification:clicked', sessionId === undefined ? {} : { sessionId });
      };
      // A toast clicked while the app was closed starts it: open the call once the page is there.
      if (shown.win && !shown.win.webContents.isLoading()) open();
      else pendingOpen = open;
    },
    onCopy: (number) => clipboard.writeText(number),
    onDial: (number) => {
      // The same rule as "Call back" in the page: the dialer template in force, an E.164 number.
      const uri = dialerUri(core.getSettings().dialerUriTemplate, number);
      if (uri) void shell.openExternal(uri).catch((error: unknown) => log.warn('The dialer did not open', { error }));
      else log.warn('Call back: no dialer URI for this number and template');
    },
    onResume: (sessionId) => {
      core.hold({ sessionId, action: 'resume' }).catch((error: unknown) =>
        notifier.show({
          title: 'The call was not taken off hold',
          body: error instanceof Error ? error.message : String(error),
          sessionId,
        }),
      );
    },
    onFailed: (notification, error) => {
      log.warn('The desktop refused a notification: it is shown in the console instead', { error });
      send('notification:shown', notification);
    },
  });
  const core = createConsoleCore({
    fetch: createSessionFetch((options) => net.request({ ...options, session: session.defaultSession })),
    secrets: createKeychain(),
    settings,
    notifier,
    clock: systemClock,
    power,
    log,
  });
  // Updates: "Restart to update" in the status bar and the tray once one is downloaded.
  let updateReady: string | undefined;
  const updates = setupUpdates({
    core,
    policy: policy.policy,
    source: createElectronUpdateSource(log),
    clock: systemClock,
    log,
    notifier,
    onStatus: (status) => {
      updateReady = status.phase === 'ready' ? status.version : undefined;
      send('update:status', status);
      refreshTray();
    },
  });
  // The simulator is loaded only when the agent starts the demo.
  const demo = createDemo({
    core,
    startSimulator: async (options) => (await import('../simulator/index')).startSimulator(options),
    log,
    offered: policy.demoAllowed,
  });
  const versions = () => ({
    app: app.getVersion(),
    shell: 'electron',
    electron: process.versions.electron ?? '?',
    chrome: process.versions.chrome ?? '?',
    os: `${process.platform} ${process.getSystemVersion()}`,
  });
  // Hotkeys through the desktop portal (Wayland): whether they fire is the desktop's to say.
  const portalHotkeys = hotkeysThroughPortal(
    process.platform,
    process.env,
    app.commandLine.getSwitchValue('ozone-platform'),
  );
  const notices = () => [
    ...(settings.recovered ? [settings.recovered] : []),
    ...policy.notices(),
    ...(logProblem
      ? [
          {
            code: 'log-folder' as const,
            message: `The log folder could not be used (${logProblem}): the log is kept in ${log.file} for now. Send that file to your IT support if something goes wrong.`,
            detail: `${logProblem}; ${log.file}`,
          },
        ]
      : []),
  ];
  const signIn = composeSignIn(core, demo, policy.checkServer);
  const dispatch = createDispatcher(core, {
    log,
    signIn,
    versions,
    notices,
    lockedSettings: () => settings.lockedKeys,
    restartToUpdate: () => updates.restart(),
    hotkeysByDesktop: () => portalHotkeys,
    recommendedSettings: () => settings.recommendedSettings,
  });

  hardenSession(session.defaultSession, page, log);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      page,
      openExternal: (url) => shell.openExternal(url),
      log,
      dialerTemplate: () => settings.getSettings().dialerUriTemplate,
    }),
  );
  registerIpc(ipcMain, dispatch, page, log);

  let tray: ReturnType<typeof createConsoleTray> | undefined;
  const quit = createQuitControl({
    stop: async () => {
      await Promise.allSettled([core.stop(), demo.stop()]);
      await settings.flushed();
      power.dispose();
      tray?.destroy();
    },
    quit: () => app.quit(),
  });
  powerMonitor.on('shutdown', quit.sessionEnding);
  autoUpdater.on('before-quit-for-update', quit.sessionEnding);
  app.on('before-quit', quit.beforeQuit);

  const trayTarget = {
    core,
    signIn,
    showWindow,
    hideWindow: () => shown.win?.hide(),
    copyDiagnostics: () => {
      void dispatch('app:diagnostics', {}).then((r) => {
        if (r.ok) clipboard.writeText(String(r.value));
      });
    },
    quit: () => app.quit(),
    confirmSignOut: async (work: OpenWork) => {
      showWindow();
      const words = signOutQuestion(work, notificationLocale(core.getSettings().language));
      const options = { type: 'question' as const, ...words, buttons: [...words.buttons], defaultId: 0, cancelId: 0 };
      const answer = shown.win ? await dialog.showMessageBox(shown.win, options) : await dialog.showMessageBox(options);
      return answer.response === 1;
    },
    restartToUpdate: () => {
      void updates.restart().then((answer) => {
        if (!answer.restarting) notifier.show({ title: 'Update not installed yet', body: answer.reason });
      });
    },
  };
  const runAction = (action: TrayAction) => {
    runTrayAction(action, trayTarget).catch((error: unknown) =>
      log.warn('Tray action failed', { action, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const hasTray = await desktopHasTray();
  if (hasTray) {
    tray = createConsoleTray({ resourcesDir: resources, run: runAction, log, window: () => shown.win });
  } else {
    log.warn('This desktop shows no tray icons: closing the window quits the console instead of hiding it');
  }
  const refreshTray = () =>
    tray?.update(core.getState(), liveCallCount(core.getSnapshot().sessions), !!shown.win?.isVisible(), updateReady);

  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  shown.win = createMainWindow({
    preload: join(here, '../preload/index.cjs'),
    icon: join(resources, 'icons', 'icon.png'),
    page,
    bounds: restoreBounds(settings.getRecord<Rect>(BOUNDS_RECORD), workAreas),
    startHidden: hasTray && (core.getSettings().startHidden || process.argv.includes('--hidden')),
    devTools: !app.isPackaged,
    hidesToTray: hasTray,
    isQuitting: () => quit.quitting,
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
    onSessionEnd: quit.sessionEnding,
  });
  const pageLoaded = new Promise<void>((resolve) =>
    shown.win?.webContents.on('did-finish-load', () => {
      pendingOpen?.();
      pendingOpen = undefined;
      resolve();
    }),
  );
  watchRenderer(shown.win, {
    log,
    logFile: log.file,
    ask: async (message, detail, buttons) =>
      (await dialog.showMessageBox({ type: 'error', message, detail, buttons, defaultId: 0, cancelId: 1 })).response,
    quit: () => app.quit(),
  });

  let loginItem = core.getSettings().startAtLogin;
  await applyStartAtLogin(loginItem, machineAutostart, log);
  forwardCoreEvents(core, send);
  const hotkeys = createGlobalHotkeys({
    globalShortcut,
    portal: portalHotkeys,
    core,
    mac: process.platform === 'darwin',
    log,
    // Do not disturb silences the desktop, not what the agent just asked for: then it shows in the page.
    notify: (n) => (core.getSettings().doNotDisturb ? send('notification:shown', n) : notifier.show(n)),
    toggleWindow: () => (shown.win?.isVisible() && shown.win.isFocused() ? shown.win.hide() : showWindow()),
    editNotes: (sessionId) => {
      showWindow();
      send('notification:clicked', { sessionId, editNotes: true });
    },
  });
  hotkeys.apply(core.getSettings());
  app.on('will-quit', () => hotkeys.dispose());
  core.subscribe((event) => {
    if (event.type === 'settings') hotkeys.apply(event.settings);
    if (event.type === 'settings' && event.settings.startAtLogin !== loginItem) {
      loginItem = event.settings.startAtLogin;
      void applyStartAtLogin(loginItem, machineAutostart, log);
    }
    refreshTray();
  });
  installTestHooks(process.env, {
    runTrayAction: (action) => runTrayAction(action, trayTarget),
    notifications: () => notifier.live(),
    trayView: () => tray?.view(),
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // With a tray the app keeps running without a window; without one, the closed window was the app.
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });

  if (settings.recovered) {
    log.warn(settings.recovered.message);
    notifier.show({ title: 'Settings were reset', body: settings.recovered.message });
  }
  if (!hasTray && !settings.getRecord<boolean>(NO_TRAY_RECORD)) {
    settings.setRecord(NO_TRAY_RECORD, true);
    notifier.show({
      title: 'No tray icon on this desktop',
      body: 'Closing the window quits the console. Minimize it instead to keep it watching your calls.',
    });
  }
  await core.start();
  refreshTray();
  // The tooltip's hold timer: kept current while a call is on hold.
  const holdTimer = setInterval(() => {
    if (core.getState().heldSince) refreshTray();
  }, 5000);
  app.on('will-quit', () => clearInterval(holdTimer));

  if (smokeTest) {
    await runSmokeTest({
      pageLoaded,
      tray: !!tray,
      desktopHasTray: hasTray,
      hotkeys: () => Object.values(hotkeys.registered()),
      log,
      quit: () => app.quit(),
      exit: (code) => app.exit(code),
    });
    return;
  }
  // Updates: checked now and every few hours.
  updates.start();
  app.on('will-quit', () => updates.stop());
}

/** Start-up failed: the log gets the stack, the agent a dialog naming the log (stderr is unseen on Windows). */
function failedToStart(error: unknown, log: FileLog | undefined): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log?.error('Evo Voice Console could not start', { error: detail });
  process.stderr.write(`Evo Voice Console could not start: ${detail}\n`);
  let where: string;
  try {
    where = log?.file ?? app.getPath('logs');
  } catch {
    where = 'the app log folder';
  }
  dialog.showErrorBox(
    'Evo Voice Console could not start',
    `${error instanceof Error ? error.message : String(error)}\n\nRestart the console; if this happens again, send the log to your IT support: ${where}`,
  );
  app.exit(1);
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Windows only: toasts, the taskbar and the installer's shortcuts are matched on this id.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let log: FileLog | undefined;
  try {
    // The data of versions before productName, moved once into today's folder before any store
    // opens (the single-instance lock above keeps a second start out of it).
    const migration = migrateDataFolder({
      from: join(app.getPath('appData'), LEGACY_DATA_FOLDER),
      to: app.getPath('userData'),
    });
    // app.getPath('logs') creates the folder and throws when it cannot: then a private folder in
    // the temp folder holds the log, and the agent is told once the page is up.
    const opened = createFileLogWithFallback(
      () => app.getPath('logs'),
      () => mkdtempSync(join(app.getPath('temp'), 'evo-voice-console-logs-')),
      app.isPackaged ? {} : { echo: (line: string) => process.stderr.write(`${line}\n`) },
    );
    log = opened.log;
    logMigration(migration, log);
    main(opened).catch((error: unknown) => failedToStart(error, log));
  } catch (error) {
    failedToStart(error, log);
  }
}
