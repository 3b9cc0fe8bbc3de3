// The console window: locked-down webPreferences (devtools only in development), restored onto a
// visible display, hidden to the tray on close until the app really quits (closed for real where
// the desktop has no tray), its visibility reported to the core and the end of the OS session passed on.
import { BrowserWindow } from 'electron';

import type { AppPage } from './app-origin';
import { MIN_SIZE, type Rect } from './window-bounds';

export interface MainWindowOptions {
  preload: string;
  page: AppPage;
  bounds: Rect;
  startHidden: boolean;
  icon?: string;
  /** False in a packaged build: no devtools for agents. */
  devTools: boolean;
  /** False where the desktop shows no tray: then close closes (and the app quits). */
  hidesToTray: boolean;
  /** True once the agent chose Quit: then close really closes. */
  isQuitting: () => boolean;
  onVisibility: (visible: boolean) => void;
  /** The first close that hid the window (the shell shows a one-time hint). */
  onHiddenToTray: () => void;
  onBounds: (bounds: Rect) => void;
  /** Windows log-off or shutdown ('query-session-end' / 'session-end'): quit without holding it back. */
  onSessionEnd: () => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Evo Voice Console',
    backgroundColor: '#1b1d21',
    ...(options.icon ? { icon: options.icon } : {}),
    // Written out in full, not left to defaults, so a review (and a scanner) sees every choice.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => {
    if (!options.startHidden) win.show();
  });
  win.on('close', (event) => {
    if (options.isQuitting() || !options.hidesToTray) return;
    event.preventDefault();
    win.hide();
    options.onHiddenToTray();
  });
  win.on('query-session-end', options.onSessionEnd);
  win.on('session-end', options.onSessionEnd);
  win.on('show', () => options.onVisibility(true));
  win.on('restore', () => options.onVisibility(true));
  win.on('hide', () => options.onVisibility(false));
  win.on('minimize', () => options.onVisibility(false));
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win.isDestroyed() && !win.isMinimized() && !win.isMaximized()) options.onBounds(win.getBounds());
    }, 500);
  };
  win.on('resize', saveBounds);
  win.on('move', saveBounds);
  void win.loadURL(options.page.url);
  return win;
}
