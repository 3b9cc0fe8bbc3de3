// Start at login for every user of the computer, set up by the installers on request (NSIS
// /ALLUSERSAUTOSTART, the deb/rpm and pkg marker file; docs/ADMIN.md): whether this computer has it,
// and what that leaves the agent's own start-at-login entry to do so the console never starts twice.
import { existsSync } from 'node:fs';

import { APP_ID } from './app-identity';
import { AUTOSTART_FILE } from './autostart';
import { type RunReg, runReg } from './policy/read-windows';

/** NSIS writes the value `APP_ID` here (build/installer.nsh); the agent's own entry is the same name under HKCU. */
export const WINDOWS_MACHINE_RUN_KEY = 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
/** The pkg's postinstall writes this LaunchAgent (build/pkg-scripts/postinstall). */
export const MAC_LAUNCH_AGENT = `/Library/LaunchAgents/${APP_ID}.plist`;
/** The deb/rpm after-install script writes this entry; the agent's ~/.config/autostart entry of the same name overrides it (XDG autostart spec). */
export const LINUX_MACHINE_AUTOSTART = `/etc/xdg/autostart/${AUTOSTART_FILE}`;

export interface MachineAutostartDeps {
  exists?: (path: string) => boolean;
  reg?: RunReg;
}

/** True when an installer set the console to start at login for every user of this computer. */
export function machineStartsAtLogin(platform: NodeJS.Platform, deps: MachineAutostartDeps = {}): boolean {
  const exists = deps.exists ?? existsSync;
  if (platform === 'win32') {
    // The installer is a 32-bit program: unless it switched views, its HKLM write landed in the
    // 32-bit view (WOW6432Node), which Windows also runs at login. Either view counts.
    const reg = deps.reg ?? runReg;
    return ['/reg:64', '/reg:32'].some((view) => {
      const result = reg(['query', WINDOWS_MACHINE_RUN_KEY, '/v', APP_ID, view]);
      return result.status === 0 && !result.error;
    });
  }
  return exists(platform === 'darwin' ? MAC_LAUNCH_AGENT : LINUX_MACHINE_AUTOSTART);
}

/**
 * The agent's own entry: 'on' or 'off' as the setting says; with the all-users start, 'off' while
 * the setting is on (the machine's entry starts the console: a second entry would start it twice),
 * and 'hide' when policy forces it off (Linux: a Hidden=true entry of the same name disables the
 * machine's for this user; Windows and macOS have no per-user way to, so it stays 'off' there).
 */
export type UserEntry = 'on' | 'off' | 'hide';
export function userEntryFor(enabled: boolean, machineWide: boolean): UserEntry {
  if (!machineWide) return enabled ? 'on' : 'off';
  return enabled ? 'off' : 'hide';
}
