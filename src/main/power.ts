// The PowerEvents port from Electron: powerMonitor's suspend/resume/lock/unlock, and online/offline
// from net.isOnline() checked on an interval (Electron's main process has no network event). On
// Linux, where lock-screen/unlock-screen never fire, the system idle state read on the same
// interval stands in for them ('locked' or 'idle' as locked), so the idle poll cadence still applies.
import { net, powerMonitor } from 'electron';

import type { PowerEvent, PowerEvents } from './core/ports';

const FORWARDED = ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const;
/** Seconds without input after which a Linux desktop counts as away (the screen saver's usual default). */
export const LINUX_IDLE_AFTER_S = 300;

export function createPowerEvents(
  checkEveryMs = 5000,
  platform: NodeJS.Platform = process.platform,
): PowerEvents & { dispose(): void } {
  const listeners = new Set<(event: PowerEvent) => void>();
  const emit = (event: PowerEvent) => {
    for (const listener of listeners) listener(event);
  };
  const handlers = FORWARDED.map((name) => {
    const handler = () => emit(name);
    powerMonitor.on(name as 'suspend', handler);
    return [name, handler] as const;
  });
  const away = () => powerMonitor.getSystemIdleState(LINUX_IDLE_AFTER_S) !== 'active';
  const watchIdle = platform === 'linux';
  let locked = watchIdle && away();
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now !== online) {
      online = now;
      emit(now ? 'online' : 'offline');
    }
    if (watchIdle && away() !== locked) {
      locked = !locked;
      emit(locked ? 'lock-screen' : 'unlock-screen');
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
