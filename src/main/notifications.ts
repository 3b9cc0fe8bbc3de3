// The Notifier port on native notifications: nothing shows while do-not-disturb is on; a click
// shows the window on that call. A missed call offers "Open call" and "Copy number", a hold
// reminder "Take off hold", where the platform has notification actions (macOS buttons, Windows
// toast actions); on Linux the click opens the call. On Windows clicks and actions go through
// Notification.handleActivation with the call in the toast's arguments, so a toast clicked later
// in the Action Center (its object long gone) still acts. A notification the OS refuses is shown
// in the page.
import { Notification as NativeNotification } from 'electron';

import type { Notification, Notifier } from './core/ports';

export interface DesktopNotifierOptions {
  doNotDisturb: () => boolean;
  /** Shows and focuses the window, then tells the renderer which call to open. */
  onClick: (sessionId: string | undefined) => void;
  /** "Copy number": puts the caller's number on the clipboard. */
  onCopy: (number: string) => void;
  /** "Take off hold": resumes the held call. */
  onResume: (sessionId: string) => void;
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
const COPY_PREFIX = 'evo-copy:';
const RESUME_PREFIX = 'evo-resume:';

export type NotificationAction = { label: string; argument: string };

/** The actions a notification offers, each with the activation argument that performs it. */
export function notificationActions(notification: Notification): NotificationAction[] {
  const { sessionId, missedCall } = notification;
  if (!sessionId) return [];
  if (missedCall) {
    return [
      { label: 'Open call', argument: `${LAUNCH_PREFIX}${sessionId}` },
      { label: 'Copy number', argument: `${COPY_PREFIX}${missedCall.from}` },
    ];
  }
  if (notification.onHold) {
    return [
      { label: 'Take off hold', argument: `${RESUME_PREFIX}${sessionId}` },
      { label: 'Open call', argument: `${LAUNCH_PREFIX}${sessionId}` },
    ];
  }
  return [];
}

function xmlText(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Windows toast whose launch argument names the call (read back by handleActivation), with its actions. */
export function toastXml(notification: Notification): string {
  const launch = `${LAUNCH_PREFIX}${notification.sessionId ?? ''}`;
  const actions = notificationActions(notification);
  return (
    `<toast launch="${xmlText(launch)}" activationType="foreground"><visual><binding template="ToastGeneric">` +
    `<text>${xmlText(notification.title)}</text><text>${xmlText(notification.body)}</text>` +
    `</binding></visual>` +
    (actions.length
      ? `<actions>${actions
          .map(
            (a) =>
              `<action content="${xmlText(a.label)}" arguments="${xmlText(a.argument)}" activationType="foreground"/>`,
          )
          .join('')}</actions>`
      : '') +
    `</toast>`
  );
}

/** The call id of a toast's launch argument; undefined for any other activation. */
export function sessionIdFromActivation(argument: string): string | undefined {
  if (!argument.startsWith(LAUNCH_PREFIX)) return undefined;
  return argument.slice(LAUNCH_PREFIX.length) || undefined;
}

export function createDesktopNotifier(options: DesktopNotifierOptions): DesktopNotifier {
  const live = new Map<NativeNotification, Notification>();
  const platform = options.platform ?? process.platform;
  const windows = platform === 'win32';
  /** Performs an action's (or a toast's launch) argument; false for one that is not ours. */
  const perform = (argument: string): boolean => {
    if (argument.startsWith(LAUNCH_PREFIX)) options.onClick(sessionIdFromActivation(argument));
    else if (argument.startsWith(COPY_PREFIX)) options.onCopy(argument.slice(COPY_PREFIX.length));
    else if (argument.startsWith(RESUME_PREFIX)) options.onResume(argument.slice(RESUME_PREFIX.length));
    else return false;
    return true;
  };
  if (windows) {
    NativeNotification.handleActivation((details) => {
      perform(details.arguments);
    });
  }
  return {
    show(notification) {
      if (options.doNotDisturb()) return;
      if (!NativeNotification.isSupported()) {
        options.onFailed(notification, 'notifications are not supported on this desktop');
        return;
      }
      const actions = platform === 'darwin' ? notificationActions(notification) : [];
      const native = new NativeNotification({
        title: notification.title,
        body: notification.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
        ...(windows ? { toastXml: toastXml(notification) } : {}),
        ...(actions.length ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) } : {}),
      });
      live.set(native, { ...notification });
      const forget = () => live.delete(native);
      native.on('click', () => {
        forget();
        // Windows: handleActivation already opened the call (it fires for live toasts too).
        if (!windows) options.onClick(notification.sessionId);
      });
      native.on('action', (_event, index: number) => {
        forget();
        const action = actions[index];
        if (action) perform(action.argument);
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
