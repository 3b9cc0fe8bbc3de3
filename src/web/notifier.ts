// The Notifier port of the web shell: each notification goes to the connected pages as a
// 'notification:shown' event (and is kept for the test hook), never while do-not-disturb is on.
import type { Notification, Notifier } from '../main/core/ports';
import type { SendEvent } from '../main/ipc/events';

export interface WebNotifier extends Notifier {
  /** What was raised this run, oldest first (read by the test hook). */
  raised(): Notification[];
  /** Adds a page's sender; returns its removal. */
  attach(send: SendEvent): () => void;
}

export function createWebNotifier(doNotDisturb: () => boolean, keep = 500): WebNotifier {
  const pages = new Set<SendEvent>();
  const raised: Notification[] = [];
  return {
    show(notification) {
      if (doNotDisturb()) return;
      raised.push({ ...notification });
      if (raised.length > keep) raised.shift();
      // The page gets the words the core built (missed-call-text.ts) and the call to open; the
      // missed call's details stay here, for the test hook.
      const { title, body, sessionId } = notification;
      for (const send of pages) send('notification:shown', { title, body, ...(sessionId ? { sessionId } : {}) });
    },
    raised: () => raised.map((n) => ({ ...n })),
    attach(send) {
      pages.add(send);
      return () => {
        pages.delete(send);
      };
    },
  };
}
