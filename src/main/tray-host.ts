// Whether the desktop shows tray icons at all. Electron's Linux tray is a StatusNotifierItem:
// with no org.kde.StatusNotifierWatcher on the session bus (GNOME without the AppIndicator
// extension) the icon never appears, and hiding the window would leave no way back.
import { execFile } from 'node:child_process';

export type RunCommand = (file: string, args: string[]) => Promise<string>;

const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 1500 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });

const ASK_WATCHER = [
  'call',
  '--session',
  '--dest',
  'org.freedesktop.DBus',
  '--object-path',
  '/org/freedesktop/DBus',
  '--method',
  'org.freedesktop.DBus.NameHasOwner',
  'org.kde.StatusNotifierWatcher',
];

/** True on Windows and macOS; on Linux, true when a StatusNotifierWatcher answers on D-Bus. */
export async function desktopHasTray(
  platform: NodeJS.Platform = process.platform,
  run: RunCommand = runCommand,
): Promise<boolean> {
  if (platform !== 'linux') return true;
  try {
    return (await run('gdbus', ASK_WATCHER)).includes('true');
  } catch {
    // No gdbus to ask: only GNOME is known to lack a tray, so trust any other desktop.
    return !(process.env.XDG_CURRENT_DESKTOP ?? '').toUpperCase().includes('GNOME');
  }
}
