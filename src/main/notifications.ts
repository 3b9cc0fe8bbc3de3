// The Notifier port on native notifications: each kept referenced until closed (or the OS drops
// it), a click shows the window on that call, and nothing shows while do-not-disturb is on.
import { Notification as NativeNotification } from 'electron';
import type { Notification, Notifier } from './core/ports';

export interface DesktopNotifierOptions {
  doNotDisturb: () => boolean;
  /** Shows and focuses the window, then tells the renderer which call to open. */
  onClick: (sessionId: string | undefined) => void;
  icon?: string;
}

export interface DesktopNotifier extends Notifier {
  /** Notifications shown and not yet closed (test hook + tests). */
  live(): Notification[];
}

export function createDesktopNotifier(options: DesktopNotifierOptions): DesktopNotifier {
  const live = new Map<NativeNotification, Notification>();
  return {
    show(notification) {
      if (options.doNotDisturb() || !NativeNotification.isSupported()) return;
      const native = new NativeNotification({
        title: notification.title,
        body: notification.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      live.set(native, { ...notification });
      const forget = () => live.delete(native);
      native.on('click', () => {
        forget();
        options.onClick(notification.sessionId);
      });
      native.on('close', forget);
      native.on('failed', forget);
      native.show();
    },
    live: () => [...live.values()].map((n) => ({ ...n })),
  };
}
