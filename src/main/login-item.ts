// Start at login: the OS login item on Windows and macOS, an XDG autostart entry on Linux.
import { app } from 'electron';

import { configHomeFrom, setLinuxAutostart, startAtLoginProgram } from './autostart';
import type { Logger } from './core/ports';

export async function applyStartAtLogin(enabled: boolean, log: Logger): Promise<void> {
  try {
    if (process.platform === 'linux') {
      const program = startAtLoginProgram(process.env, process.execPath);
      await setLinuxAutostart(enabled, {
        configHome: configHomeFrom(process.env, app.getPath('home')),
        command: [program],
      });
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled });
    }
  } catch (error) {
    log.warn('Could not change start at login', {
      enabled,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
