// What the core does on the OS's power, lock-screen and network events: pause polling in sleep,
// poll and send waiting notes on wake-up and reconnect, slow down while the screen is locked.
import type { ConsoleDataOutbox } from './outbox';
import type { Poller } from './poller';
import type { PowerEvents } from './ports';

export interface PowerParts {
  poller: Poller;
  outbox: ConsoleDataOutbox;
  /** The lock-screen flag the poll cycle paces itself by. */
  screen: { locked: boolean };
  /** The network went away: say so while signed in. */
  offline(): void;
}

/** Starts following `power`; answers the function that stops it. */
export function followPowerEvents(power: PowerEvents, parts: PowerParts): () => void {
  const { poller, outbox, screen } = parts;
  return power.on((event) => {
    switch (event) {
      case 'suspend':
        return poller.pause();
      case 'resume':
        poller.resume();
        return outbox.kick();
      case 'lock-screen':
        screen.locked = true;
        return;
      case 'unlock-screen':
        screen.locked = false;
        return poller.now();
      case 'online':
        poller.now();
        return outbox.kick();
      case 'offline':
        return parts.offline();
    }
  });
}
