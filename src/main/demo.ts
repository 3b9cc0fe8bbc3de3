// The embedded demo: starts the simulator in-process on loopback with a live scenario and signs
// the core in to it; signing out (or in to a real server) stops it. Used by both shells.
import type { Identity } from '../shared/live';
import type { Simulator, SimulatorOptions } from '../simulator/types';
import { DEMO_USER } from '../simulator/types';
import type { ConsoleCore } from './core/console';
import type { Logger } from './core/ports';

export interface Demo {
  /** False when the shell was started without the demo (web shell --no-demo-offer). */
  readonly offered: boolean;
  signIn(): Promise<Identity>;
  /** Stops the simulator if it runs; quiet otherwise. */
  stop(): Promise<void>;
  /** The simulator's URL while the demo runs. */
  url(): string | undefined;
}

export interface DemoDeps {
  core: Pick<ConsoleCore, 'signIn' | 'selectAccount'>;
  startSimulator: (options: SimulatorOptions) => Promise<Simulator>;
  log: Logger;
  seed?: number;
  /** Default true. */
  offered?: boolean;
}

/** Carries the 'forbidden' code the dispatcher passes to the renderer. */
export class DemoNotOfferedError extends Error {
  readonly code = 'forbidden';
  constructor() {
    super('The demo is turned off in this console. Sign in to your Evo Voice server instead.');
  }
}

export function createDemo(deps: DemoDeps): Demo {
  let simulator: Simulator | undefined;
  let starting: Promise<Simulator> | undefined;

  async function running(): Promise<Simulator> {
    if (simulator) return simulator;
    starting ??= deps
      // The demo shows the console at its best: a friendly server (no strictness switches), unlike
      // the tests, which meet a strict one by default.
      .startSimulator({
        host: '127.0.0.1',
        clock: 'realtime',
        scenario: true,
        seed: deps.seed ?? Date.now(),
        strictness: {},
      })
      .finally(() => {
        starting = undefined;
      });
    simulator = await starting;
    deps.log.info('Demo simulator started', { url: simulator.url });
    return simulator;
  }

  async function stop(): Promise<void> {
    const sim = simulator ?? (await starting?.catch(() => undefined));
    simulator = undefined;
    if (!sim) return;
    await sim.close();
    deps.log.info('Demo simulator stopped');
  }

  const offered = deps.offered ?? true;
  return {
    offered,
    async signIn() {
      if (!offered) throw new DemoNotOfferedError();
      const sim = await running();
      try {
        const identity = await deps.core.signIn(
          { serverUrl: sim.url, userName: DEMO_USER.userName, password: DEMO_USER.password, remember: false },
          { demo: true },
        );
        // The demo opens on live calls: its first account, rather than an account picker.
        const first = identity.accounts[0];
        return identity.accountId || !first ? identity : await deps.core.selectAccount(first.id);
      } catch (error) {
        await stop();
        throw error;
      }
    },
    stop,
    url: () => simulator?.url,
  };
}
