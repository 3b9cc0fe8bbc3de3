// A recording stand-in for the 'electron' module, for the start-up test only: every Electron API
// the main process uses, with the documented platform differences that matter to it (a Linux tray
// emits no click; setBadgeCount does nothing on Windows; setOverlayIcon, setAppUserModelId and
// Notification.handleActivation exist on Windows only; app.isPackaged and process.resourcesPath as
// in a packaged app). It is NOT Electron: the same e2e specs run against real Electron where its
// binary exists. Set up with configure() before the main bundle is imported.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

export interface StandInConfig {
  platform: 'darwin' | 'win32' | 'linux';
  packaged: boolean;
  appPath: string;
  userData: string;
  logs: string;
  home: string;
}

type Handler = (event: unknown, args: unknown) => unknown;

/** What the main process asked of Electron. */
export const recorded = {
  ready: false,
  /** Paths handed to Tray, nativeImage, the preload and the page loader, with whether each exists. */
  paths: [] as { use: string; path: string; exists: boolean }[],
  privilegedSchemes: [] as { scheme: string; beforeReady: boolean }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as StandInWindow[],
  trays: [] as StandInTray[],
  notifications: [] as StandInNotification[],
  activationHandler: undefined as ((details: { type: string; arguments: string }) => void) | undefined,
  /** Windows: the toast click that launched the app (handed to handleActivation at once). */
  launchActivation: undefined as { type: string; arguments: string } | undefined,
  applicationMenu: undefined as unknown,
  badge: [] as number[],
  clipboard: [] as string[],
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
  constructor(readonly options: { webPreferences?: { preload?: string } }) {
    super();
    recorded.windows.push(this);
    if (options.webPreferences?.preload) usePath('preload', options.webPreferences.preload);
    if (cfg().platform === 'win32') this.setOverlayIcon = (image) => this.overlay.push(image);
    app.emit('web-contents-created', {}, this.webContents);
  }
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
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (recorded.windows.every((w) => w.destroyed)) app.emit('window-all-closed');
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
  /** The agent clicks the icon: Linux trays never deliver this (StatusNotifierItem). */
  click() {
    if (cfg().platform !== 'linux') this.emit('click');
  }
}

export class StandInNotification extends EventEmitter {
  shown = false;
  static isSupported() {
    return true;
  }
  declare static handleActivation?: (callback: (details: { type: string; arguments: string }) => void) => void;
  constructor(
    readonly options: {
      title: string;
      body: string;
      toastXml?: string;
      icon?: string;
      actions?: { type: string; text: string }[];
    },
  ) {
    super();
    if (options.icon) usePath('notification icon', options.icon);
  }
  show() {
    this.shown = true;
    recorded.notifications.push(this);
  }
  /** What the OS does when the agent clicks it (later, from the Action Center, on Windows). */
  activate() {
    if (cfg().platform !== 'win32') {
      this.emit('click');
      return;
    }
    const launch = /launch="([^"]*)"/.exec(this.options.toastXml ?? '')?.[1] ?? '';
    recorded.activationHandler?.({ type: 'click', arguments: launch });
  }
  /** The action buttons the agent sees: macOS `actions`, Windows toast <action>s, none on Linux. */
  actionLabels(): string[] {
    if (cfg().platform === 'darwin') return (this.options.actions ?? []).map((a) => a.text);
    if (cfg().platform === 'win32')
      return [...(this.options.toastXml ?? '').matchAll(/<action content="([^"]*)"/g)].map((m) => m[1] ?? '');
    return [];
  }
  /** The agent presses an action button: macOS emits 'action', Windows activates its arguments. */
  pressAction(label: string) {
    if (cfg().platform === 'darwin') {
      this.emit('action', {}, this.actionLabels().indexOf(label));
      return;
    }
    const action = [...(this.options.toastXml ?? '').matchAll(/<action content="([^"]*)" arguments="([^"]*)"/g)].find(
      (m) => m[1] === label,
    );
    if (action) recorded.activationHandler?.({ type: 'click', arguments: action[2] ?? '' });
  }
}

class App extends EventEmitter {
  get isPackaged() {
    return cfg().packaged;
  }
  declare setAppUserModelId?: (id: string) => void;
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
  getPath(name: string) {
    const c = cfg();
    const paths: Record<string, string> = { userData: c.userData, logs: c.logs, home: c.home, appData: c.userData };
    const path = paths[name];
    if (!path) throw new Error(`electron stand-in: app.getPath('${name}') is not modelled`);
    return path;
  }
  getAppPath() {
    return cfg().appPath;
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'Evo Voice Console';
  }
  requestSingleInstanceLock() {
    return true;
  }
  setBadgeCount(count: number) {
    // Documented: a no-op on Windows (answers false).
    if (cfg().platform === 'win32') return false;
    recorded.badge.push(count);
    return true;
  }
  setLoginItemSettings() {}
  disableHardwareAcceleration() {
    if (recorded.ready) throw new Error('electron stand-in: disableHardwareAcceleration() after ready has no effect');
    recorded.hardwareAccelerationDisabled = true;
  }
  /** Like Electron: before-quit (preventable), then will-quit and quit. */
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const win of recorded.windows) if (!win.destroyed) win.close();
    this.emit('will-quit', { preventDefault: () => undefined });
    recorded.quitCompleted = true;
    this.emit('quit');
  }
  exit(code = 0) {
    recorded.exitCode = code;
  }
}

export const app = new App();
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: () => 'active' as const,
});
export const autoUpdater = new EventEmitter();
export const crashReporter = {
  start: (options: { uploadToServer?: boolean; submitURL?: string }) => {
    recorded.crashReporter = options;
  },
};
export const net = { isOnline: () => true };
export const BrowserWindow = StandInWindow;
export const Tray = StandInTray;
export const Notification = StandInNotification;

export const nativeImage = {
  createFromPath(path: string) {
    usePath('nativeImage', path);
    const exists = existsSync(path);
    return { path, isEmpty: () => !exists };
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: unknown) => (recorded.applicationMenu = menu),
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string }[]) {
    for (const s of schemes) recorded.privilegedSchemes.push({ scheme: s.scheme, beforeReady: !recorded.ready });
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

/** Electron's net.fetch: Chromium's stack, here Node's fetch, with repeated headers joined as Electron joins them. */
async function sessionFetch(input: string | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers.set(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers.set('set-cookie', cookies.join(', '));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const session = {
  defaultSession: {
    fetch: sessionFetch,
    webRequest: { onHeadersReceived: () => undefined },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  },
};

export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel: string, handler: Handler) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  },
});

export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};

/** Like Electron: false when the accelerator is held elsewhere (or already here), a throw when it does not parse. */
export const globalShortcut = {
  register(accelerator: string, callback: () => void) {
    if (!/^(\w+\+)*\w+$/.test(accelerator)) throw new Error(`Failed to parse accelerator ${accelerator}`);
    if (recorded.takenShortcuts.has(accelerator) || recorded.shortcuts.has(accelerator)) return false;
    recorded.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    recorded.shortcuts.delete(accelerator);
  },
  unregisterAll() {
    recorded.shortcuts.clear();
  },
};

export const clipboard = { writeText: (text: string) => recorded.clipboard.push(text) };
export const shell = { openExternal: async () => undefined, openPath: async () => '' };
export const dialog = {
  showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
  showMessageBox: async () => ({ response: 1 }),
};

export function configure(next: StandInConfig): void {
  config = next;
  // Electron adds these to the main process's `process`.
  const versions = { darwin: '15.3.0', win32: '10.0.22631', linux: '6.8.0' };
  Object.assign(process, { getSystemVersion: () => versions[next.platform], type: 'browser' });
  if (next.platform === 'win32') {
    app.setAppUserModelId = (id) => (recorded.appUserModelId = id);
    StandInNotification.handleActivation = (callback) => {
      recorded.activationHandler = callback;
      if (recorded.launchActivation) callback(recorded.launchActivation);
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
