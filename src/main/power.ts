// The PowerEvents port from Electron: powerMonitor's suspend/resume/lock/unlock, and online/offline
// from net.isOnline() checked on an interval (Electron's main process has no network event).
import { net, powerMonitor } from 'electron';
import type { PowerEvent, PowerEvents } from './core/ports';

const FORWARDED = ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const;

export function createPowerEvents(checkEveryMs = 5000): PowerEvents & { dispose(): void } {
  const listeners = new Set<(event: PowerEvent) => void>();
  const emit = (event: PowerEvent) => {
    for (const listener of listeners) listener(event);
  };
  const handlers = FORWARDED.map((name) => {
    const handler = () => emit(name);
    powerMonitor.on(name as 'suspend', handler);
    return [name, handler] as const;
  });
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now !== online) {
      online = now;
      emit(now ? 'online' : 'offline');
    }
  }, checkEveryMs);
  timer.unref();
  return {
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      clearInterval(timer);
      for (const [name, handler] of handlers) powerMonitor.removeListener(name as 'suspend', handler);
      listeners.clear();
    },
  };
}
