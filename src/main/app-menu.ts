// The application menu: none on Windows and Linux (Electron's default offers Reload and Toggle
// Developer Tools to agents), and on macOS only the app and Edit menus (copy/paste shortcuts live
// there).
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : null;
}
