// Start at login on Linux: an XDG autostart entry (~/.config/autostart/*.desktop) written or removed,
// or written hidden to turn off, for this user, the all-users entry of the same name (/etc/xdg/autostart).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DESKTOP_NAME, LEGACY_DESKTOP_NAME } from './app-identity';
import type { UserEntry } from './machine-autostart';

/** The entry's name is the desktop file's, as GNOME matches autostarted windows to their app by it. */
export const AUTOSTART_FILE = DESKTOP_NAME;

export interface AutostartTarget {
  /** $XDG_CONFIG_HOME, or ~/.config. */
  configHome: string;
  /** The program to start (startAtLoginProgram) and its arguments. */
  command: string[];
}

/** `$XDG_CONFIG_HOME` when it is an absolute path, else `~/.config` (the XDG Base Directory rule). */
export function configHomeFrom(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.config');
}

/**
 * What start at login runs: the AppImage file only while this process runs from inside that
 * AppImage (its mount, $APPDIR, holds the executable); otherwise the installed executable (deb,
 * rpm: /opt/<product>/evo-voice-console). A stale or inherited $APPIMAGE (a deb launched from a
 * terminal an AppImage started, or an AppImage replaced by the deb) is not trusted.
 */
export function startAtLoginProgram(env: NodeJS.ProcessEnv, execPath: string): string {
  const { APPIMAGE: appImage, APPDIR: appDir } = env;
  if (appImage?.startsWith('/') && appDir?.startsWith('/') && execPath.startsWith(`${appDir.replace(/\/+$/, '')}/`)) {
    return appImage;
  }
  return execPath;
}

export function autostartPath(configHome: string): string {
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

/** Quotes one Exec argument as the Desktop Entry spec asks (reserved characters inside "..."). */
export function quoteExecArg(arg: string): string {
  if (arg !== '' && !/[\s"'\\><~|&;$*?#()`%]/.test(arg)) return arg;
  return `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`;
}

export function desktopEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Evo Voice Console',
    'Comment=Live calls for call-centre agents',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** An entry that turns off, for this user, a system-wide entry of the same name (XDG autostart spec: Hidden=true). */
export function hiddenEntry(): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Evo Voice Console', 'Hidden=true', ''].join('\n');
}

/** 'on': an entry that starts the console; 'off': none; 'hide': a hidden one (machine-autostart.ts). */
export async function setLinuxAutostart(entry: UserEntry, target: AutostartTarget): Promise<void> {
  const file = autostartPath(target.configHome);
  // An entry under the name older versions used would start the console a second time.
  await rm(join(target.configHome, 'autostart', LEGACY_DESKTOP_NAME), { force: true });
  if (entry === 'off') {
    await rm(file, { force: true });
    return;
  }
  await mkdir(join(target.configHome, 'autostart'), { recursive: true });
  await writeFile(file, entry === 'hide' ? hiddenEntry() : desktopEntry(target.command), { mode: 0o644 });
}
