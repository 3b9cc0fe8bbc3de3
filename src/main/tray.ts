// The Electron tray: icon, tooltip, badge and context menu kept in step with the console state.
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { ConsoleState } from '../shared/live';
import type { TrayAction } from './tray-actions';
import { trayView, type TrayIcon, type TrayView } from './tray-menu';

export interface ConsoleTray {
  update(state: ConsoleState, liveCalls: number, windowVisible: boolean, updateReady?: string): void;
  /** The last view shown (the test hook and tests read it). */
  view(): TrayView | undefined;
  destroy(): void;
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

export function createConsoleTray(resourcesDir: string, run: (action: TrayAction) => void): ConsoleTray {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath(resourcesDir, 'signed-out', process.platform)));
  let current: TrayView | undefined;
  tray.on('click', () =>
    run(current?.menu.some((i) => i.type !== 'separator' && i.action === 'hide') ? 'hide' : 'show'),
  );
  return {
    update(state, liveCalls, windowVisible, updateReady) {
      const next = trayView(state, liveCalls, windowVisible, updateReady);
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      if (next.icon !== current?.icon) {
        tray.setImage(nativeImage.createFromPath(trayIconPath(resourcesDir, next.icon, process.platform)));
      }
      current = next;
      tray.setToolTip(next.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(next, run)));
      app.setBadgeCount(next.badge);
    },
    view: () => current,
    destroy: () => tray.destroy(),
  };
}
