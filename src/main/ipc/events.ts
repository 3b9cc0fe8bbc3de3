// Fans the core's events out to one transport (a window's webContents, a WebSocket) as IPC events.
import type { EventChannel, EventPayloads } from '../../shared/ipc';
import type { ConsoleCore, CoreEvent } from '../core/console';

export type SendEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export function sendCoreEvent(event: CoreEvent, send: SendEvent): void {
  switch (event.type) {
    case 'snapshot':
      return send('live:snapshot', event.rows);
    case 'patch':
      return send('live:patch', event.rows);
    case 'state':
      return send('state:changed', event.state);
    case 'settings':
      return send('settings:changed', event.settings);
  }
}

/**
 * Subscribes `send` to the core and returns the unsubscribe. The snapshot the core hands every
 * new subscriber is not forwarded: the page reads its first snapshot with 'state:get' (it may not
 * be listening yet when the shell subscribes), and sending it here as well doubled the largest
 * message of a page load (15 MB at 10,000 sessions). Later snapshots (sign-in, another account)
 * and every patch go out in order.
 */
export function forwardCoreEvents(core: ConsoleCore, send: SendEvent): () => void {
  let subscribing = true;
  const unsubscribe = core.subscribe((event) => {
    if (subscribing && event.type === 'snapshot') return;
    sendCoreEvent(event, send);
  });
  subscribing = false;
  return unsubscribe;
}
