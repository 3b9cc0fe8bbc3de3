// The core's subscribers (the shells' IPC bridges): each event reaches every one; one that throws
// is logged and never keeps the event from the others.
import type { CoreEvent } from './console';
import type { Logger } from './ports';

export type Listener = (event: CoreEvent) => void;

export class Subscribers {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly log: Logger) {}

  /** False while the core is being built or nobody listens: nothing needs to be computed then. */
  get any(): boolean {
    return this.listeners.size > 0;
  }

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error('A subscriber failed', { error: String(error) });
      }
    }
  }
}
