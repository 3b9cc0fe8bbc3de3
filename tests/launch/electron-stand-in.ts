// A recording stand-in for the 'electron' module, for the start-up test only: every Electron API
// the main process uses, with the documented platform differences that matter to it (a Linux tray
// emits no click; setBadgeCount does nothing on Windows; setOverlayIcon, setAppUserModelId and
// Notification.handleActivation exist on Windows only; app.isPackaged and process.resourcesPath as
// in a packaged app). It is NOT Electron: the same e2e specs run against real Electron where its
// binary exists. Set up with configure() before the main bundle is imported.
// Each modelled behaviour names the Electron source it copies (electron/electron, read at
// 96f3996d; paths under shell/ and lib/, with line numbers at that commit), so it can be checked.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fetchWithSession, netRequest, type StandInRequestOptions } from './stand-in-net';

export interface StandInConfig {
  platform: 'darwin' | 'win32' | 'linux';
  packaged: boolean;
  appPath: string;
  userData: string;
  /** The OS app-data folder userData sits in (default: userData itself). */
  appData?: string;
  logs: string;
  home: string;
  temp: string;
}

type Handler = (event: unknown, args: unknown) => unknown;
/** docs/api/structures/activation-arguments.md */
interface ActivationArguments {
  type: string;
  arguments: string;
  actionIndex?: number;
}

/** What the main process asked of Electron. */
export const recorded = {
  ready: false,
  /** Paths handed to Tray, nativeImage, the preload and the page loader, with whether each exists. */
  paths: [] as { use: string; path: string; exists: boolean }[],
  /** Every registerSchemesAsPrivileged call, with the privileges asked (a change to them shows). */
  privilegedSchemes: [] as { scheme: string; privileges: unknown; beforeReady: boolean }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as StandInWindow[],
  trays: [] as StandInTray[],
  notifications: [] as StandInNotification[],
  activationHandler: undefined as ((details: ActivationArguments) => void) | undefined,
  /** Windows: the toast click that launched the app (handed to handleActivation at once). */
  launchActivation: undefined as ActivationArguments | undefined,
  /** 'window-all-closed' emitted (never during a quit: shell/browser/browser.cc OnWindowAllClosed 314-322). */
  windowAllClosed: 0,
  applicationMenu: undefined as unknown,
  badge: [] as number[],
  clipboard: [] as string[],
  /** URLs handed to shell.openExternal. */
  externals: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
  appUserModelId: undefined as string | undefined,
  quitCompleted: false,
  hardwareAccelerationDisabled: false,
  crashReporter: undefined as { uploadToServer?: boolean; submitURL?: string } | undefined,
  exitCode: undefined as number | undefined,
  /** Global shortcuts registered now, by accelerator: call one to press it. */
  shortcuts: new Map<string, () => void>(),
  /** Accelerators another application holds: globalShortcut.register answers false for them. */
  takenShortcuts: new Set<string>(),
};

let config: StandInConfig | undefined;
const cfg = (): StandInConfig => {
  if (!config) throw new Error('electron stand-in: configure() was not called before the main bundle loaded');
  return config;
};

function usePath(use: string, path: string): void {
  recorded.paths.push({ use, path, exists: existsSync(path) });
}

/** The window's webContents: what the app reads and sends (docs/api/web-contents.md). */
class WebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  url = '';
  destroyed = false;
  loading = false;
  reloads = 0;
  isLoading() {
    return this.loading;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  reload() {
    this.reloads++;
  }
  setWindowOpenHandler() {}
}

export class StandInWindow extends EventEmitter {
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  overlay: unknown[] = [];
  readonly webContents = new WebContents();
  /** The answer the app:// handler gave for the page (undefined until it and its assets loaded). */
  pageStatus: number | undefined;
  declare setOverlayIcon?: (image: unknown, description: string) => void;
  /** app 'web-contents-created' for each new webContents (docs/api/app.md 284); overlay icons on Windows only (browser-window.md 1366). */
  constructor(readonly options: { webPreferences?: { preload?: string } }) {
    super();
    recorded.windows.push(this);
    if (options.webPreferences?.preload) usePath('preload', options.webPreferences.preload);
    if (cfg().platform === 'win32') this.setOverlayIcon = (image) => this.overlay.push(image);
    app.emit('web-contents-created', {}, this.webContents);
  }
  /** The page through the scheme's protocol.handle handler (docs/api/protocol.md 127), then
   * 'did-finish-load' and 'ready-to-show' (docs/api/browser-window.md 267-273). */
  async loadURL(url: string) {
    this.webContents.url = url;
    this.webContents.loading = true;
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = recorded.protocolHandlers.get(scheme);
    if (!handler) {
      usePath('page', url);
      return;
    }
    const response = await handler(new Request(url));
    const html = await response.text();
    recorded.paths.push({ use: 'page', path: url, exists: response.ok });
    // Every script, style and icon the page names (relative or absolute), fetched through the handler.
    for (const [, asset] of html.matchAll(/(?:src|href)="([^":#]+)"/g)) {
      const assetUrl = new URL(asset as string, url).href;
      recorded.paths.push({ use: 'page asset', path: assetUrl, exists: (await handler(new Request(assetUrl))).ok });
    }
    this.pageStatus = response.status;
    this.webContents.loading = false;
    this.webContents.emit('did-finish-load');
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
    this.minimized = false;
    this.emit('show');
  }
  hide() {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus() {
    this.focused = true;
  }
  minimize() {
    this.minimized = true;
    this.emit('minimize');
  }
  restore() {
    this.minimized = false;
    this.emit('restore');
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  isFocused() {
    return this.focused;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getBounds() {
    return { x: 10, y: 10, width: 1100, height: 760 };
  }
  /** 'close' (preventable), then 'closed' (docs/api/browser-window.md, Events 'close'/'closed'). */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (recorded.windows.every((w) => w.destroyed)) app.allWindowsClosed();
  }
}

export class StandInTray extends EventEmitter {
  tooltip = '';
  menu: { template: { label?: string; click?: () => void; checked?: boolean }[] } | undefined;
  constructor(readonly image: { path: string }) {
    super();
    recorded.trays.push(this);
  }
  setImage() {}
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: StandInTray['menu']) {
    this.menu = menu;
  }
  destroy() {}
  /**
   * The agent clicks the icon. docs/api/tray.md 98-110: on Linux 'click' comes only from an
   * activation of the StatusNotifierItem, which many desktops never send on a click (GNOME's
   * AppIndicator extension opens the menu): modelled as never, so the app cannot rely on it.
   */
  click() {
    if (cfg().platform !== 'linux') this.emit('click');
  }
}

/** The attribute values of a toast's XML, decoded as an XML parser does. */
function xmlValue(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

type NotificationOptions = {
  title: string;
  body: string;
  id?: string;
  toastXml?: string;
  icon?: string;
  actions?: { type: string; text: string }[];
};

export class StandInNotification extends EventEmitter {
  shown = false;
  closed = false;
  /** The toast tag: `id`, or a random UUID (shell/browser/api/electron_api_notification.cc 94-99). */
  readonly id: string;
  static isSupported() {
    return true;
  }
  declare static handleActivation?: (callback: (details: ActivationArguments) => void) => void;
  constructor(readonly options: NotificationOptions) {
    super();
    this.id = options.id || randomUUID();
    if (options.icon) usePath('notification icon', options.icon);
  }
  show() {
    this.shown = true;
    recorded.notifications.push(this);
  }
  /**
   * Windows: the buttons and their activation arguments. A custom toastXml supersedes `actions`
   * (docs/api/notification.md, toastXml); otherwise Electron writes each button with the arguments
   * "type=action&action=<i>&tag=<id>" (windows_toast_notification.cc GetToastXml 676-682).
   */
  private windowsButtons(): { label: string; argument: string }[] {
    if (this.options.toastXml !== undefined)
      return [...this.options.toastXml.matchAll(/<action content="([^"]*)" arguments="([^"]*)"/g)].map((m) => ({
        label: xmlValue(m[1] ?? ''),
        argument: xmlValue(m[2] ?? ''),
      }));
    return (this.options.actions ?? []).map((a, i) => ({
      label: a.text,
      argument: `type=action&action=${i}&tag=${this.id}`,
    }));
  }
  /** The toast's launch argument: the custom XML's, none in the one Electron writes (GetToastXml 590-595). */
  private launchArgument(): string {
    return xmlValue(/<toast[^>]* launch="([^"]*)"/.exec(this.options.toastXml ?? '')?.[1] ?? '');
  }
  /** The agent clicks it while the app runs. */
  activate() {
    if (cfg().platform !== 'win32') {
      this.emit('click');
      return;
    }
    activateToast(this, this.launchArgument());
  }
  /** The action buttons the agent sees: macOS `actions`, Windows toast buttons, none on Linux. */
  actionLabels(): string[] {
    if (cfg().platform === 'darwin') return (this.options.actions ?? []).map((a) => a.text);
    if (cfg().platform === 'win32') return this.windowsButtons().map((b) => b.label);
    return [];
  }
  /** The agent presses an action button while the app runs: macOS emits 'action'; Windows routes its arguments. */
  pressAction(label: string) {
    if (cfg().platform === 'darwin') {
      this.emit('action', {}, this.actionLabels().indexOf(label));
      return;
    }
    const button = this.windowsButtons().find((b) => b.label === label);
    if (button) activateToast(this, button.argument);
  }
}

/**
 * Windows: what Electron does with the arguments of a toast activated while the app runs
 * (windows_toast_notification.cc ToastEventHandler::Invoke 881-903): arguments holding
 * "type=action" or "type=reply" go to HandleToastActivation; anything else is a plain 'click' on
 * the notification object, and handleActivation never hears of it.
 */
function activateToast(notification: StandInNotification, argument: string): void {
  if (!argument.includes('type=action') && !argument.includes('type=reply')) {
    notification.emit('click');
    return;
  }
  handleToastActivation(argument);
}

/**
 * windows_toast_activator.cc HandleToastActivation 427-560: parse "type=…&action=…&tag=…", call
 * the handleActivation callback (or keep the details until one is registered), then hand the
 * action to the live notification whose id is the tag ('action' with the index,
 * electron_api_notification.cc NotificationAction 209-223), or a click to it.
 */
function handleToastActivation(argument: string): void {
  const fields = new Map<string, string>();
  for (const token of argument.split('&')) {
    const kv = token.split('=').filter((part) => part !== '');
    if (kv.length === 2) fields.set(kv[0] as string, kv[1] as string);
  }
  const type = fields.get('type') ?? '';
  const index = Number.parseInt(fields.get('action') ?? '', 10);
  const details: ActivationArguments =
    type === 'action'
      ? { type: 'action', arguments: argument, actionIndex: Number.isNaN(index) ? -1 : index }
      : { type: type === 'reply' ? 'reply' : 'click', arguments: argument };
  if (recorded.activationHandler) recorded.activationHandler(details);
  else recorded.launchActivation = details;
  const target = recorded.notifications.find((n) => !n.closed && n.id === fields.get('tag'));
  if (!target) return;
  if (type === 'action' && !Number.isNaN(index) && index >= 0) target.emit('action', {}, index, -1);
  else if (type === 'click' || type === '') target.emit('click');
}

class App extends EventEmitter {
  private quitting = false;
  /** Like Electron's app.commandLine, for the switches the app reads. */
  readonly commandLine = {
    getSwitchValue: (name: string) =>
      /^--([^=]+)=(.*)$/.exec(process.argv.find((a) => a.startsWith(`--${name}=`)) ?? '')?.[2] ?? '',
    hasSwitch: (name: string) => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)),
  };
  get isPackaged() {
    return cfg().packaged;
  }
  declare setAppUserModelId?: (id: string) => void;
  /** docs/api/app.md 569-573. */
  whenReady() {
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        recorded.ready = true;
        resolve();
      }),
    );
  }
  isReady() {
    return recorded.ready;
  }
  /**
   * shell/browser/api/electron_api_app.cc GetPath 952-961 throws "Failed to get '<name>' path" when
   * the path service cannot answer; for 'logs' (and userData) it also creates the folder and fails
   * when it cannot (shell/common/electron_paths.cc 80-102).
   */
  getPath(name: string) {
    const c = cfg();
    const paths: Record<string, string> = {
      userData: c.userData,
      logs: c.logs,
      home: c.home,
      appData: c.appData ?? c.userData,
      temp: c.temp,
    };
    const path = paths[name];
    if (!path) throw new Error(`electron stand-in: app.getPath('${name}') is not modelled`);
    if (name === 'logs' || name === 'userData') {
      try {
        mkdirSync(path, { recursive: true });
      } catch {
        throw new Error(`Failed to get '${name}' path`);
      }
    }
    return path;
  }
  getAppPath() {
    return cfg().appPath;
  }
  /** The app's package.json (lib/browser/init.ts 94-138 loads it from the app path). */
  private packageJson(): { name?: string; productName?: string; version?: string } {
    return JSON.parse(readFileSync(join(cfg().appPath, 'package.json'), 'utf8')) as never;
  }
  /** init.ts 127-130: app.setVersion(packageJson.version). */
  getVersion() {
    return this.packageJson().version ?? '';
  }
  /** init.ts 133-138: productName when the package has one, else name. */
  getName() {
    const pkg = this.packageJson();
    return `${pkg.productName ?? pkg.name ?? 'Electron'}`.trim();
  }
  /** The only instance (docs/api/app.md 1070); 'second-instance' is emitted by the test. */
  requestSingleInstanceLock() {
    return true;
  }
  setBadgeCount(count: number) {
    // docs/api/app.md 1509: Linux and macOS only (Windows answers false, shows nothing).
    if (cfg().platform === 'win32') return false;
    recorded.badge.push(count);
    return true;
  }
  setLoginItemSettings() {}
  /** shell/browser/api/electron_api_app.cc 1158-1164: throws once ready. */
  disableHardwareAcceleration() {
    if (recorded.ready) throw new Error('app.disableHardwareAcceleration() can only be called before app is ready');
    recorded.hardwareAccelerationDisabled = true;
  }
  /**
   * shell/browser/browser.cc Quit 120-132: before-quit (preventable), then every window closed;
   * a close prevented during the quit cancels it (OnWindowCloseCancelled 306-312); once all are
   * closed, will-quit and quit, without 'window-all-closed' (OnWindowAllClosed 314-322).
   */
  quit() {
    if (this.quitting) return;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.quitting = true;
    const open = recorded.windows.filter((w) => !w.destroyed);
    if (open.length === 0) return this.shutDown();
    for (const win of open) win.close();
    if (recorded.windows.some((w) => !w.destroyed)) this.quitting = false;
  }
  /** The last window closed: a quit goes on, otherwise the app hears 'window-all-closed'. */
  allWindowsClosed() {
    if (this.quitting) this.shutDown();
    else {
      recorded.windowAllClosed++;
      this.emit('window-all-closed');
    }
  }
  private shutDown() {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      this.quitting = false;
      return;
    }
    recorded.quitCompleted = true;
    this.emit('quit');
  }
  /** docs/api/app.md 526-533: exits at once, no before-quit or will-quit. */
  exit(code = 0) {
    recorded.exitCode = code;
  }
}

export const app = new App();
/** docs/api/power-monitor.md: events ('shutdown', 'suspend', …) and getSystemIdleState. */
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: () => 'active' as const,
});
export const autoUpdater = new EventEmitter();
/** docs/api/crash-reporter.md: start() options recorded. */
export const crashReporter = {
  start: (options: { uploadToServer?: boolean; submitURL?: string }) => {
    recorded.crashReporter = options;
  },
};
/** lib/browser/api/net.ts 12-20 (request only after ready), 26-33 (isOnline). */
export const net = {
  isOnline: () => true,
  request: (options: StandInRequestOptions | string) => netRequest(options, () => recorded.ready),
};
export const BrowserWindow = StandInWindow;
export const Tray = StandInTray;
export const Notification = StandInNotification;

export const nativeImage = {
  /** docs/api/native-image.md createFromPath: an empty image (isEmpty) when the file is missing. */
  createFromPath(path: string) {
    usePath('nativeImage', path);
    const exists = existsSync(path);
    return { path, isEmpty: () => !exists };
  },
};

/** docs/api/menu.md: buildFromTemplate, setApplicationMenu(null) removes the default menu. */
export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: unknown) => (recorded.applicationMenu = menu),
};

export const protocol = {
  /** shell/browser/api/electron_api_protocol.cc 362-372: throws once the app is ready. */
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: unknown }[]) {
    if (recorded.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const s of schemes)
      recorded.privilegedSchemes.push({ scheme: s.scheme, privileges: s.privileges ?? {}, beforeReady: true });
  },
  /** docs/api/protocol.md 127: the handler answers every request of the scheme. */
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    /** lib/browser/api/session.ts 44-46: fetchWithSession on net.request. */
    fetch: (input: string | URL | Request, init?: RequestInit) => fetchWithSession(input, init, net.request),
    webRequest: { onHeadersReceived: () => undefined },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  },
};

/** lib/browser/ipc-main-impl.ts 14-19: a second handle() for a channel throws. */
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel: string, handler: Handler) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  },
});

/** docs/api/screen.md: one 1920×1080 display. */
export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};

/**
 * Chromium on Wayland (Electron 38+ runs natively there: docs/breaking-changes.md 654-660, unless
 * --ozone-platform=x11): global shortcuts go through the desktop portal
 * (docs/api/global-shortcut.md "Usage on Linux").
 */
function portalShortcuts(): boolean {
  if (cfg().platform !== 'linux') return false;
  const ozone = app.commandLine.getSwitchValue('ozone-platform');
  if (ozone === 'x11') return false;
  return ozone === 'wayland' || (process.env.XDG_SESSION_TYPE === 'wayland' && !!process.env.WAYLAND_DISPLAY);
}

/**
 * shell/browser/api/electron_api_global_shortcut.cc: a throw before ready (Register 131-135); a
 * throw when the accelerator does not parse (its converter); where the OS grabs keys, false when
 * it is held elsewhere or already here (Register 196-201). Through the portal
 * (IsRegistrationHandledExternally, 150-195) register answers true without asking anyone and a
 * second register of the same key replaces its callback; unregister returns early for such a key
 * (Unregister 205-213: it is not in accelerator_callback_map_) so it keeps firing; only
 * unregisterAll drops it (UnregisterAllInternal 256-262).
 */
export const globalShortcut = {
  register(accelerator: string, callback: () => void) {
    if (!recorded.ready) throw new Error('globalShortcut cannot be used before the app is ready');
    // gin's converter (shell/common/gin_helper/function_template.cc ThrowConversionError 63-84).
    if (!/^(\w+\+)*\w+$/.test(accelerator))
      throw new Error(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (portalShortcuts()) {
      recorded.shortcuts.set(accelerator, callback);
      return true;
    }
    if (recorded.takenShortcuts.has(accelerator) || recorded.shortcuts.has(accelerator)) return false;
    recorded.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    if (!recorded.ready) throw new Error('globalShortcut cannot be used before the app is ready');
    if (portalShortcuts()) return;
    recorded.shortcuts.delete(accelerator);
  },
  unregisterAll() {
    if (!recorded.ready) throw new Error('globalShortcut cannot be used before the app is ready');
    recorded.shortcuts.clear();
  },
};

/** docs/api/clipboard.md, shell.md, dialog.md (showErrorBox 400-405): recorded, nothing shown. */
export const clipboard = { writeText: (text: string) => recorded.clipboard.push(text) };
export const shell = {
  openExternal: async (url: string) => void recorded.externals.push(url),
  openPath: async () => '',
};
export const dialog = {
  showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
  showMessageBox: async () => ({ response: 1 }),
};

export function configure(next: StandInConfig): void {
  config = next;
  // Electron adds these to the main process's `process` (docs/api/process.md 22, 230).
  const versions = { darwin: '15.3.0', win32: '10.0.22631', linux: '6.8.0' };
  Object.assign(process, { getSystemVersion: () => versions[next.platform], type: 'browser' });
  if (next.platform === 'win32') {
    app.setAppUserModelId = (id) => (recorded.appUserModelId = id);
    // electron_api_notification.cc HandleActivation 385+: details of an activation that came
    // before the callback (a toast that started the app) are handed over at once.
    StandInNotification.handleActivation = (callback) => {
      recorded.activationHandler = callback;
      const pending = recorded.launchActivation;
      recorded.launchActivation = undefined;
      if (pending) callback(pending);
    };
  }
}

const standIn = {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
};
/** `require('electron')` from CommonJS dependencies gets this same object (register.mjs). */
(globalThis as { __evoElectronStandIn?: typeof standIn }).__evoElectronStandIn = standIn;
export default standIn;
