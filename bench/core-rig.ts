// The real console core on bench ports (in-memory settings and keychain, a stepped clock, a quiet
// logger) signed in to a simulator over loopback HTTP: what every core benchmark drives.
import {
  type CoreEvent,
  createConsoleCore,
  type LocalConsoleCore,
  type Logger,
  type Notification,
} from '../src/main/core/index';
import type { Settings } from '../src/shared/ipc';
import { DEMO_USER } from '../src/simulator/types';
import { MemorySecrets, MemorySettings, SteppedClock, TestPower } from '../tests/core/ports';

/** Noon UTC on a fixed day, so that "today" is the same day for the core and the simulator. */
export const START = Date.parse('2026-11-23T12:00:00.000Z');
export const ACCOUNT = 'acct-north';

/** Keeps nothing: a logger that remembered lines would grow the heap the benchmarks measure. */
export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface CoreRigOptions {
  simUrl: string;
  startTime: number;
  settings?: Partial<Settings>;
  fetch?: typeof globalThis.fetch;
  onNotify?: (notification: Notification) => void;
  onEvent?: (event: CoreEvent) => void;
}

export interface CoreRig {
  core: LocalConsoleCore;
  clock: SteppedClock;
  /** Steps the core's clock by `ms`, firing its poll timers and waiting for their HTTP. */
  step(ms: number, onMove?: (delta: number) => void): Promise<void>;
  close(): Promise<void>;
}

export async function startCoreRig(options: CoreRigOptions): Promise<CoreRig> {
  const clock = new SteppedClock(options.startTime);
  let seed = 1;
  const core = createConsoleCore({
    fetch: options.fetch ?? globalThis.fetch,
    secrets: new MemorySecrets(),
    settings: new MemorySettings({ serverUrl: options.simUrl, ...options.settings }),
    notifier: { show: (n) => options.onNotify?.(n) },
    clock,
    power: new TestPower(),
    log: quietLog,
    random: () => ((seed = (seed * 9301 + 49297) % 233280), seed / 233280),
  });
  if (options.onEvent) core.subscribe(options.onEvent);
  await core.signIn({
    serverUrl: options.simUrl,
    userName: DEMO_USER.userName,
    password: DEMO_USER.password,
    remember: false,
  });
  await core.selectAccount(ACCOUNT);
  await core.settled();
  return {
    core,
    clock,
    step: (ms, onMove) => clock.step(ms, () => core.settled(), onMove),
    close: () => core.stop(),
  };
}
