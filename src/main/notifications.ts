// The Notifier port on native notifications: nothing shows while do-not-disturb is on; a click
// shows the window on that call. On Windows the click goes through Notification.handleActivation
// with the call id in the toast's launch argument, so a toast clicked later in the Action Center
// (its object long gone) still opens the call. A notification the OS refuses is shown in the page.
import { Notification as NativeNotification } from 'electron';
import type { Notification, Notifier } from './core/ports';

export interface DesktopNotifierOptions {
  doNotDisturb: () => boolean;
  /** Shows and focuses the window, then tells the renderer which call to open. */
  onClick: (sessionId: string | undefined) => void;
  /** The OS refused to show it (unsigned macOS build, notifications denied): show it in the page. */
  onFailed: (notification: Notification, error: string) => void;
  icon?: string;
  platform?: NodeJS.Platform;
}

export interface DesktopNotifier extends Notifier {
  /** Notifications shown and not yet closed (test hook + tests). */
  live(): Notification[];
}

const LAUNCH_PREFIX = 'evo-call:';

function xmlText(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Windows toast whose launch argument names the call (read back by handleActivation). */
export function toastXml(notification: Notification): string {
  const launch = `${LAUNCH_PREFIX}${notification.sessionId ?? ''}`;
  return (
    `<toast launch="${xmlText(launch)}" activationType="foreground"><visual><binding template="ToastGeneric">` +
    `<text>${xmlText(notification.title)}</text><text>${xmlText(notification.body)}</text>` +
    `</binding></visual></toast>`
  );
}

/** The call id of a toast's launch argument; undefined for any other activation. */
export function sessionIdFromActivation(argument: string): string | undefined {
  if (!argument.startsWith(LAUNCH_PREFIX)) return undefined;
  return argument.slice(LAUNCH_PREFIX.length) || undefined;
}

export function createDesktopNotifier(options: DesktopNotifierOptions): DesktopNotifier {
  const live = new Map<NativeNotification, Notification>();
  const windows = (options.platform ?? process.platform) === 'win32';
  if (windows) {
    NativeNotification.handleActivation((details) => {
      if (details.arguments.startsWith(LAUNCH_PREFIX)) options.onClick(sessionIdFromActivation(details.arguments));
    });
  }
  return {
    show(notification) {
      if (options.doNotDisturb()) return;
      if (!NativeNotification.isSupported()) {
        options.onFailed(notification, 'notifications are not supported on this desktop');
        return;
      }
      const native = new NativeNotification({
        title: notification.title,
        body: notification.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
        ...(windows ? { toastXml: toastXml(notification) } : {}),
      });
      live.set(native, { ...notification });
      const forget = () => live.delete(native);
      native.on('click', () => {
        forget();
        // Windows: handleActivation already opened the call (it fires for live toasts too).
        if (!windows) options.onClick(notification.sessionId);
      });
      native.on('close', forget);
      native.on('failed', (_event, error: string) => {
        forget();
        options.onFailed(notification, error);
      });
      native.show();
    },
    live: () => [...live.values()].map((n) => ({ ...n })),
  };
}
