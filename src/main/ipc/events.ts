// Fans the core's events out to one transport (a window's webContents, a WebSocket) as IPC events.
import type { EventChannel, EventPayloads } from '../../shared/ipc';
import type { ConsoleCore, CoreEvent } from '../core/console';

export type SendEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export function sendCoreEvent(event: CoreEvent, send: SendEvent): void {
  switch (event.type) {
    case 'snapshot':
      return send('live:snapshot', event.snapshot);
    case 'patch':
      return send('live:patch', event.patch);
    case 'state':
      return send('state:changed', event.state);
    case 'settings':
      return send('settings:changed', event.settings);
  }
}

/** Subscribes `send` to the core; the core sends a snapshot first. Returns the unsubscribe. */
export function forwardCoreEvents(core: ConsoleCore, send: SendEvent): () => void {
  return core.subscribe((event) => sendCoreEvent(event, send));
}
