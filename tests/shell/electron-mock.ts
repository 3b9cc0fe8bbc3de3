// A stand-in for the 'electron' module (the Electron binary cannot run here): records what the
// shell asks of each API, so tests can check the glue's calls. Used with vi.mock('electron').
import { EventEmitter } from 'node:events';

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  notifications: [] as FakeNotification[],
  trays: [] as FakeTray[],
  menus: [] as unknown[][],
  exposed: new Map<string, unknown>(),
  badge: [] as number[],
  overlays: [] as { image: unknown; description: string }[],
  activation: undefined as ((details: { type: string; arguments: string; actionIndex?: number }) => void) | undefined,
  ipcInvokes: [] as { channel: string; args: unknown }[],
  ipcListeners: new Map<string, Set<(...args: unknown[]) => void>>(),
};

export class FakeBrowserWindow extends EventEmitter {
  visible = false;
  destroyed = false;
  loaded: string | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
    this.emit('show');
  }
  hide() {
    this.visible = false;
    this.emit('hide');
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getBounds() {
    return { x: 1, y: 2, width: 800, height: 600 };
  }
  setOverlayIcon(image: unknown, description: string) {
    recorded.overlays.push({ image, description });
  }
}

export class FakeNotification extends EventEmitter {
  shown = false;
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  static handleActivation(callback: (details: { type: string; arguments: string; actionIndex?: number }) => void) {
    recorded.activation = callback;
  }
  constructor(
    readonly options: Record<string, unknown> & { toastXml?: string; actions?: { type: string; text: string }[] },
  ) {
    super();
    recorded.notifications.push(this);
  }
  show() {
    this.shown = true;
  }
}

export class FakeTray extends EventEmitter {
  tooltip = '';
  image: unknown;
  menu: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
    recorded.trays.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  destroy() {}
}

export const network = { online: true };
export const idle = { state: 'active' as 'active' | 'idle' | 'locked' | 'unknown' };

export const electronMock = {
  powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleState: () => idle.state }),
  net: { isOnline: () => network.online },
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  Tray: FakeTray,
  Menu: {
    buildFromTemplate: (template: unknown[]) => {
      recorded.menus.push(template);
      return { template };
    },
  },
  nativeImage: {
    createFromPath: (path: string) =>
      Object.defineProperty({ path }, 'isEmpty', { value: () => path.includes('missing') }),
  },
  app: { setBadgeCount: (n: number) => recorded.badge.push(n) },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => {
      recorded.ipcInvokes.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = recorded.ipcListeners.get(channel) ?? new Set();
      set.add(listener);
      recorded.ipcListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      recorded.ipcListeners.get(channel)?.delete(listener);
    },
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    sendSync: () => {
      throw new Error('the preload must not use ipcRenderer.sendSync');
    },
  },
};
