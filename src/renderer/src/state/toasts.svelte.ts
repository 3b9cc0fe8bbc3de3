// Short messages shown in the page: notifications raised by main and the outcome of actions.
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

  show(toast: Omit<Toast, 'id'>): void {
    const id = this.#next++;
    this.items = [...this.items, { ...toast, id }].slice(-MAX_SHOWN);
    setTimeout(() => this.dismiss(id), toast.lifetimeMs ?? (toast.kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS));
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
