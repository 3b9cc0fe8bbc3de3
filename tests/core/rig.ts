// A core wired to test ports and a real simulator on loopback, stepped on one shared clock.
import type { CoreEvent } from '../../src/main/core/console';
import { createConsoleCore, type LocalConsoleCore } from '../../src/main/core/index';
import type { Settings } from '../../src/shared/ipc';
import { startSimulator } from '../../src/simulator/index';
import type { Strictness } from '../../src/simulator/strictness';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { MemorySecrets, MemorySettings, RecordingLogger, RecordingNotifier, SteppedClock, TestPower } from './ports';

/** Noon UTC on a fixed day: "today" is the same day in the core and the simulator. */
export const START = Date.parse('2026-11-23T12:00:00.000Z');

export interface Rig {
  sim: Simulator;
  core: LocalConsoleCore;
  clock: SteppedClock;
  settings: MemorySettings;
  secrets: MemorySecrets;
  notifier: RecordingNotifier;
  log: RecordingLogger;
  power: TestPower;
  events: CoreEvent[];
  /** Moves both clocks forward, firing the core's timers and waiting for its HTTP. */
  step(ms: number): Promise<void>;
  /** A new core on the same stores (a restart after a crash or quit). */
  restart(): Promise<void>;
  signIn(remember?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(
  options: {
    settings?: Partial<Settings>;
    sim?: Simulator;
    fetch?: typeof globalThis.fetch;
    /** The core's request timeout (default 500 ms); longer where a slow answer must not fail a poll. */
    requestTimeoutMs?: number;
  } = {},
): Promise<Rig> {
  const sim = options.sim ?? (await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START }));
  const clock = new SteppedClock(sim.control.now());
  const settings = new MemorySettings({ serverUrl: sim.url, ...options.settings });
  const secrets = new MemorySecrets();
  const notifier = new RecordingNotifier();
  const log = new RecordingLogger();
  const power = new TestPower();
  const events: CoreEvent[] = [];
  let random = 0;
  const make = () => {
    const core = createConsoleCore({
      fetch: options.fetch ?? globalThis.fetch,
      secrets,
      settings,
      notifier,
      clock,
      power,
      log,
      random: () => ((random = (random * 9301 + 49297) % 233280), random / 233280),
      requestTimeoutMs: options.requestTimeoutMs ?? 500,
    });
    core.subscribe((event) => events.push(event));
    return core;
  };
  const rig: Rig = {
    sim,
    core: make(),
    clock,
    settings,
    secrets,
    notifier,
    log,
    power,
    events,
    step: (ms) =>
      clock.step(
        ms,
        () => rig.core.settled(),
        (delta) => sim.control.advance(delta),
      ),
    async restart() {
      await rig.core.stop();
      rig.core = make();
      await rig.core.start();
      await rig.core.settled();
    },
    async signIn(remember = true) {
      await rig.core.signIn({
        serverUrl: sim.url,
        userName: DEMO_USER.userName,
        password: DEMO_USER.password,
        remember,
      });
      await rig.core.selectAccount('acct-north');
      await rig.core.settled();
    },
    async close() {
      await rig.core.stop();
      if (!options.sim) await sim.close();
    },
  };
  return rig;
}

/**
 * A signed-in rig with a live call on its board. `fetch`: the core's, to watch or hold answers;
 * `strictness`: the simulator's, from before the sign-in.
 */
export async function rigWithCall(
  fields: Record<string, unknown> = {},
  options: { fetch?: typeof globalThis.fetch | undefined; strictness?: Partial<Strictness> } = {},
): Promise<{ rig: Rig; id: string }> {
  const rig = await startRig(options.fetch ? { fetch: options.fetch } : {});
  if (options.strictness) rig.sim.control.setStrictness(options.strictness);
  await rig.signIn();
  const id = liveCall(rig.sim, fields);
  rig.core.pollNow();
  await rig.core.settled();
  return { rig, id };
}

/** A connected call on the first account, owned by the demo agent. */
export function liveCall(sim: Simulator, fields: Record<string, unknown> = {}): string {
  const s = sim.control.addSession({ accountId: 'acct-north', callState: 'Connected', ended: false, ...fields });
  return s.id as string;
}
