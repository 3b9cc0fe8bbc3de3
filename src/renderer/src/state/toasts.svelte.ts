// Short messages shown in the page: notifications raised by main and the outcome of actions.
export interface Toast {
  id: number;
  title: string;
  body?: string;
  kind: 'info' | 'error' | 'notification';
  sessionId?: string;
}

const LIFETIME_MS = 8000;
const MAX_SHOWN = 5;

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(toast: Omit<Toast, 'id'>): void {
    const id = this.#next++;
    // A notification (a missed call, a hold reminder) stays until acted on or dismissed; a newer one for the same call replaces it.
    const others = toast.sessionId ? this.items.filter((t) => t.sessionId !== toast.sessionId) : this.items;
    this.items = [...others, { ...toast, id }].slice(-MAX_SHOWN);
    if (toast.kind === 'notification') return;
    setTimeout(() => this.dismiss(id), toast.kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
