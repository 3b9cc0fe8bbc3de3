// A core on ports the reliability tests choose (a real conf store in .tmp/, a failing disk, a
// broken keychain, a hostile server), stepped on one clock with the simulator like tests/core/rig.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import Conf from 'conf';

import { createConsoleCore, type LocalConsoleCore } from '../../src/main/core/index';
import type { SecretStore, SettingsStore } from '../../src/main/core/ports';
import { createSettingsStore, type ShellSettingsStore } from '../../src/main/settings-store';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { MemorySecrets, RecordingLogger, RecordingNotifier, SteppedClock, TestPower } from '../core/ports';
import { START } from '../core/rig';

/** A fresh data folder under .tmp/reliability, where scripts/scan-secrets.mjs looks afterwards. */
export function dataDir(name: string): string {
  const dir = resolve('.tmp', 'reliability', `${name}-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function confStore(dir: string, log = new RecordingLogger()): ShellSettingsStore {
  return createSettingsStore({ open: (o) => new Conf(o), cwd: dir, projectVersion: '0.1.0', log });
}

export interface Harness {
  sim: Simulator;
  core: LocalConsoleCore;
  clock: SteppedClock;
  notifier: RecordingNotifier;
  log: RecordingLogger;
  power: TestPower;
  step(ms: number): Promise<void>;
  /** Signs in to `serverUrl` (default: the simulator) as the demo user and picks the first account. */
  signIn(options?: { serverUrl?: string; remember?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(ports: {
  settings: SettingsStore;
  secrets?: SecretStore;
  fetch?: typeof globalThis.fetch;
  requestTimeoutMs?: number;
}): Promise<Harness> {
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 5, startTime: START });
  const clock = new SteppedClock(sim.control.now());
  const notifier = new RecordingNotifier();
  const log = new RecordingLogger();
  const power = new TestPower();
  const core = createConsoleCore({
    fetch: ports.fetch ?? globalThis.fetch,
    secrets: ports.secrets ?? new MemorySecrets(),
    settings: ports.settings,
    notifier,
    clock,
    power,
    log,
    random: () => 0.5,
    requestTimeoutMs: ports.requestTimeoutMs ?? 2000,
  });
  return {
    sim,
    core,
    clock,
    notifier,
    log,
    power,
    step: (ms) =>
      clock.step(
        ms,
        () => core.settled(),
        (delta) => sim.control.advance(delta),
      ),
    async signIn(options = {}) {
      await core.signIn({
        serverUrl: options.serverUrl ?? sim.url,
        userName: DEMO_USER.userName,
        password: DEMO_USER.password,
        remember: options.remember ?? false,
      });
      await core.selectAccount('acct-north');
      await core.settled();
    },
    async close() {
      await core.stop();
      await sim.close();
    },
  };
}
