// The Electron tray: icon, tooltip, unread badge and context menu kept in step with the console
// state. The badge is the dock count on macOS, a taskbar overlay icon on Windows (where
// setBadgeCount does nothing) and the launcher count on Linux (through package.json desktopName).
import { join } from 'node:path';

import { app, type BrowserWindow, Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';

import type { ConsoleState } from '../shared/live';
import type { Logger } from './core/ports';
import type { TrayAction } from './tray-actions';
import { type TrayIcon, type TrayView, trayView } from './tray-menu';

export interface ConsoleTray {
  update(state: ConsoleState, liveCalls: number, windowVisible: boolean, updateReady?: string): void;
  /** The last view shown (the test hook and tests read it). */
  view(): TrayView | undefined;
  destroy(): void;
}

export interface ConsoleTrayOptions {
  /** The resources folder (see resources.ts): tray/<platform>/… lives under it. */
  resourcesDir: string;
  run: (action: TrayAction) => void;
  log: Logger;
  /** Where Windows shows the unread overlay. */
  window: () => BrowserWindow | undefined;
  platform?: NodeJS.Platform;
}

/** resources/tray/<platform>: .ico on Windows, template images on macOS, PNGs on Linux. */
export function trayIconPath(resourcesDir: string, icon: TrayIcon, platform: NodeJS.Platform): string {
  if (platform === 'win32') return join(resourcesDir, 'tray', 'win', `${icon}.ico`);
  if (platform === 'darwin') return join(resourcesDir, 'tray', 'mac', `${icon}Template.png`);
  return join(resourcesDir, 'tray', 'linux', `${icon}.png`);
}

export function menuTemplate(view: TrayView, run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return view.menu.map((item) =>
    item.type === 'separator'
      ? { type: 'separator' }
      : {
          label: item.label,
          type: item.type,
          checked: item.checked,
          enabled: item.enabled,
          click: () => run(item.action),
        },
  );
}

export function createConsoleTray(options: ConsoleTrayOptions): ConsoleTray {
  const platform = options.platform ?? process.platform;
  const image = (icon: TrayIcon) => {
    const path = trayIconPath(options.resourcesDir, icon, platform);
    const loaded = nativeImage.createFromPath(path);
    if (loaded.isEmpty()) options.log.warn('Tray icon could not be loaded: the tray shows a blank icon', { path });
    return loaded;
  };
  const tray = new Tray(image('signed-out'));
  let current: TrayView | undefined;
  tray.on('click', () =>
    options.run(current?.menu.some((i) => i.type !== 'separator' && i.action === 'hide') ? 'hide' : 'show'),
  );
  const showBadge = (count: number) => {
    if (platform !== 'win32') {
      app.setBadgeCount(count);
      return;
    }
    const win = options.window();
    if (!win || win.isDestroyed()) return;
    win.setOverlayIcon(count > 0 ? image('missed') : null, count > 0 ? `${count} missed calls` : '');
  };
  return {
    update(state, liveCalls, windowVisible, updateReady) {
      const next = trayView(state, liveCalls, windowVisible, updateReady);
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      if (next.icon !== current?.icon) tray.setImage(image(next.icon));
      if (next.badge !== current?.badge) showBadge(next.badge);
      current = next;
      tray.setToolTip(next.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(next, options.run)));
    },
    view: () => current,
    destroy: () => tray.destroy(),
  };
}
