// Start at login: the OS login item on Windows and macOS, an XDG autostart entry on Linux; with the
// all-users start an installer set up (machine-autostart.ts), the agent's own entry gives way to it.
import { app } from 'electron';

import { configHomeFrom, setLinuxAutostart, startAtLoginProgram } from './autostart';
import type { Logger } from './core/ports';
import { userEntryFor } from './machine-autostart';

export async function applyStartAtLogin(enabled: boolean, machineWide: boolean, log: Logger): Promise<void> {
  const entry = userEntryFor(enabled, machineWide);
  try {
    if (process.platform === 'linux') {
      const program = startAtLoginProgram(process.env, process.execPath);
      await setLinuxAutostart(entry, {
        configHome: configHomeFrom(process.env, app.getPath('home')),
        command: [program],
      });
    } else {
      app.setLoginItemSettings({ openAtLogin: entry === 'on' });
      if (entry === 'hide') {
        log.warn('Start at login is off by policy, but this computer starts the console for every user at login', {
          remove: 'the all-users start at login (docs/ADMIN.md)',
        });
      }
    }
  } catch (error) {
    log.warn('Could not change start at login', {
      enabled,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
