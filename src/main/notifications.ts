// The Notifier port on native notifications: nothing shows while do-not-disturb is on; a click
// shows the window on that call. A missed call offers "Open call", "Copy number" and "Call back", a hold
// reminder "Take off hold", where the platform has notification actions (macOS buttons, Windows
// toast actions); on Linux the click opens the call. A notification the OS refuses is shown in
// the page.
// Windows, as Electron routes a toast (electron/electron shell/browser/notifications/win/):
// - a click on the toast of the running app arrives as the instance's 'click' only: its arguments
//   (our launch="evo-call:…") hold neither "type=action" nor "type=reply"
//   (windows_toast_notification.cc ToastEventHandler::Invoke, 881-903);
// - a click that starts the app (Action Center, app closed) arrives at handleActivation as type
//   'click' with the launch argument (windows_toast_activator.cc Activate/HandleToastActivation);
// - a button carries Electron's own arguments "type=action&action=<i>&tag=<id>" (what GetToastXml
//   writes for `actions`, 676-682) with the notification's `id` as the tag, so Electron hands it to
//   handleActivation (with actionIndex) and then, for a live toast, emits 'action' on it too. It is
//   performed once, from handleActivation. The tag names the call and kind, so a button pressed
//   after a restart still acts (Copy number then opens the call: the number is not in the tag).
// A custom toastXml is kept (it supersedes `actions`, docs/api/notification.md) for its launch
// argument: without one a cold-start click could not say which call it was.
import { createHash } from 'node:crypto';

import { Notification as NativeNotification } from 'electron';

import type { Notification, Notifier } from './core/ports';

export interface DesktopNotifierOptions {
  doNotDisturb: () => boolean;
  /** Shows and focuses the window, then tells the renderer which call to open. */
  onClick: (sessionId: string | undefined) => void;
  /** "Copy number": puts the caller's number on the clipboard. */
  onCopy: (number: string) => void;
  /** "Call back": opens the workstation's dialer (the dialer template in force) on the number. */
  onDial: (number: string) => void;
  /** "Take off hold": resumes the held call. */
  onResume: (sessionId: string) => void;
  /** The OS refused to show it (unsigned macOS build, notifications denied): show it in the page. */
  onFailed: (notification: Notification, error: string) => void;
  icon?: string;
  platform?: NodeJS.Platform;
  /** The clock that tells one click seen twice from two clicks (tests). */
  now?: () => number;
}

export interface DesktopNotifier extends Notifier {
  /** Notifications shown and not yet closed (test hook + tests). */
  live(): Notification[];
}

const LAUNCH_PREFIX = 'evo-call:';
const COPY_PREFIX = 'evo-copy:';
const RESUME_PREFIX = 'evo-resume:';
const DIAL_PREFIX = 'evo-dial:';
/** ToastNotification.Tag's limit (Windows 10 1703 and later). */
const MAX_TAG = 64;
/** Windows: a click seen both as 'click' and through handleActivation within this time is one click. */
const SAME_CLICK_MS = 2000;

export type NotificationAction = { label: string; argument: string };

/** The actions a notification offers, each with the activation argument that performs it. */
export function notificationActions(notification: Notification): NotificationAction[] {
  const { sessionId, missedCall } = notification;
  if (!sessionId) return [];
  if (missedCall) {
    return [
      { label: 'Open call', argument: `${LAUNCH_PREFIX}${sessionId}` },
      { label: 'Copy number', argument: `${COPY_PREFIX}${missedCall.from}` },
      { label: 'Call back', argument: `${DIAL_PREFIX}${missedCall.from}` },
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

/**
 * The Windows toast tag (Notification `id`): the kind and the call, so a button pressed on a toast
 * whose object is gone can still be read ("missed:s1", "hold:s1"); undefined when it has no actions.
 */
export function toastTag(notification: Notification): string | undefined {
  if (!notificationActions(notification).length) return undefined;
  const kind = notification.missedCall ? 'missed' : 'hold';
  const tag = `${kind}:${notification.sessionId ?? ''}`;
  // Windows refuses a tag over 64 characters: then a digest (read back only while the toast is live).
  // Electron splits the button arguments on "&" and "=": a session id holding them cannot be read back.
  if (tag.length <= MAX_TAG && !/[&=]/.test(tag)) return tag;
  return `${kind}#${createHash('sha256')
    .update(notification.sessionId ?? '')
    .digest('hex')
    .slice(0, 40)}`;
}

/** The action an Electron-style button argument ("type=action&action=1&tag=missed:s1") names. */
export function actionFromArguments(
  argument: string,
  live: (tag: string) => Notification | undefined,
): NotificationAction | undefined {
  // Read as Electron reads them (windows_toast_activator.cc HandleToastActivation): no decoding.
  const fields = new Map<string, string>();
  for (const pair of argument.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    fields.set(name, value);
  }
  const tag = fields.get('tag') ?? '';
  const index = Number(fields.get('action'));
  if (fields.get('type') !== 'action' || !Number.isInteger(index)) return undefined;
  const shown = live(tag);
  if (shown) return notificationActions(shown)[index];
  // Pressed after a restart: only the tag is left.
  const [kind, sessionId = ''] = tag.split(/:(.*)/s);
  if (!sessionId || (kind !== 'missed' && kind !== 'hold')) return undefined;
  const open = { label: 'Open call', argument: `${LAUNCH_PREFIX}${sessionId}` };
  const resume = { label: 'Take off hold', argument: `${RESUME_PREFIX}${sessionId}` };
  return (kind === 'missed' ? [open, open, open] : [resume, open])[index];
}

/** A Windows toast whose launch argument names the call, with Electron-style action buttons. */
export function toastXml(notification: Notification): string {
  const launch = `${LAUNCH_PREFIX}${notification.sessionId ?? ''}`;
  const actions = notificationActions(notification);
  const tag = toastTag(notification) ?? '';
  return (
    `<toast launch="${xmlText(launch)}" activationType="foreground"><visual><binding template="ToastGeneric">` +
    `<text>${xmlText(notification.title)}</text><text>${xmlText(notification.body)}</text>` +
    `</binding></visual>` +
    (actions.length
      ? `<actions>${actions
          .map(
            (a, i) =>
              `<action content="${xmlText(a.label)}" arguments="${xmlText(`type=action&action=${i}&tag=${tag}`)}" activationType="foreground"/>`,
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
  const now = options.now ?? Date.now;
  let lastClick: { argument: string; from: 'instance' | 'activation'; at: number } | undefined;
  /** Performs an action's (or a toast's launch) argument. */
  const perform = (argument: string): void => {
    if (argument.startsWith(LAUNCH_PREFIX)) options.onClick(sessionIdFromActivation(argument));
    else if (argument.startsWith(COPY_PREFIX)) options.onCopy(argument.slice(COPY_PREFIX.length));
    else if (argument.startsWith(RESUME_PREFIX)) options.onResume(argument.slice(RESUME_PREFIX.length));
    else if (argument.startsWith(DIAL_PREFIX)) options.onDial(argument.slice(DIAL_PREFIX.length));
  };
  /** Windows: one click on a toast seen both as 'click' and through handleActivation opens the call once. */
  const clicked = (argument: string, from: 'instance' | 'activation'): void => {
    const repeat =
      windows && lastClick?.argument === argument && lastClick.from !== from && now() - lastClick.at < SAME_CLICK_MS;
    lastClick = { argument, from, at: now() };
    if (!repeat) perform(argument);
  };
  const liveByTag = (tag: string) => [...live.values()].find((n) => toastTag(n) === tag);
  if (windows) {
    NativeNotification.handleActivation((details) => {
      if (details.type === 'action') {
        const action = actionFromArguments(details.arguments, liveByTag);
        if (action) perform(action.argument);
      } else if (details.type === 'click' && details.arguments.startsWith(LAUNCH_PREFIX)) {
        clicked(details.arguments, 'activation');
      }
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
      const tag = windows ? toastTag(notification) : undefined;
      const native = new NativeNotification({
        title: notification.title,
        body: notification.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
        ...(tag ? { id: tag } : {}),
        ...(windows ? { toastXml: toastXml(notification) } : {}),
        ...(actions.length ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) } : {}),
      });
      live.set(native, { ...notification });
      const forget = () => live.delete(native);
      native.on('click', () => {
        forget();
        clicked(`${LAUNCH_PREFIX}${notification.sessionId ?? ''}`, 'instance');
      });
      native.on('action', (_event, index: number) => {
        forget();
        // Windows: handleActivation performed it already (Electron calls it before this event).
        const action = windows ? undefined : actions[index];
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
