// Short messages shown in the page: notifications raised by main (one per call at a time) and the outcome of actions.
export interface Toast {
  id: number;
  title: string;
  body?: string;
  kind: 'info' | 'error' | 'notification';
  sessionId?: string;
  /** How long it stays (ms); errors stay twice the default. */
  lifetimeMs?: number;
  /** One more thing the agent can do from it ("Undo"): `name` is the button's accessible name. */
  action?: { label: string; name: string; run: () => void };
}

const LIFETIME_MS = 8000;
const MAX_SHOWN = 5;

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  /** Shows a toast; a notification about a call replaces the one already shown for it (one reminder at a time). */
  show(toast: Omit<Toast, 'id'>): void {
    const id = this.#next++;
    const same = (t: Toast) =>
      toast.kind === 'notification' && t.kind === 'notification' && t.sessionId === toast.sessionId;
    const kept = toast.sessionId === undefined ? this.items : this.items.filter((t) => !same(t));
    this.items = [...kept, { ...toast, id }].slice(-MAX_SHOWN);
    // A notification (a missed call, a hold reminder) stays until acted on or dismissed.
    if (toast.kind === 'notification' && toast.lifetimeMs === undefined) return;
    setTimeout(() => this.dismiss(id), toast.lifetimeMs ?? (toast.kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS));
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
