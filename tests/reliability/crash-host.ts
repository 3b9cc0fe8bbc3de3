// A core host process for the crash run: the real core on the conf-backed settings store in a
// data folder, a notifier that appends to a file, a stepped clock; it takes one JSON command per
// stdin line and answers one JSON line on stdout. The parent kills it with SIGKILL at random.
// Run: node --import tsx tests/reliability/crash-host.ts <data-dir> <start-ms>
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import Conf from 'conf';

import { createConsoleCore } from '../../src/main/core/index';
import type { Logger, SecretStore } from '../../src/main/core/ports';
import { DEFAULT_WRITE_BUDGET } from '../../src/main/settings-file';
import { createSettingsStore } from '../../src/main/settings-store';
import { SteppedClock, TestPower } from '../core/ports';

export type HostCommand =
  | { op: 'sign-in'; serverUrl: string; userName: string; password: string }
  | { op: 'save'; sessionId: string; text: string }
  | { op: 'step'; ms: number }
  | { op: 'state' };

const [dataDir, startMs] = process.argv.slice(2);
if (!dataDir || !startMs) throw new Error('usage: crash-host.ts <data-dir> <start-ms>');

const line = (file: string, entry: unknown) => appendFileSync(join(dataDir, file), JSON.stringify(entry) + '\n');
const log: Logger = {
  info: (message, data) => line('core.log', { level: 'info', message, data }),
  warn: (message, data) => line('core.log', { level: 'warn', message, data }),
  error: (message, data) => line('core.log', { level: 'error', message, data }),
};
/** No keychain in this host: the parent signs in after every start, the password stays in memory. */
const noKeychain: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

const clock = new SteppedClock(Number(startMs));
/** EVO_CRASH_SLOW_DISK=1: every write counts as slow, so all of them go to the background (a loaded disk). */
const writeBudget = process.env.EVO_CRASH_SLOW_DISK === '1' ? { ...DEFAULT_WRITE_BUDGET, slowWriteMs: -1 } : undefined;
const settings = createSettingsStore({
  open: (o) => new Conf(o),
  cwd: dataDir,
  projectVersion: '0.1.0',
  log,
  ...(writeBudget ? { writeBudget } : {}),
});
const core = createConsoleCore({
  fetch: globalThis.fetch,
  secrets: noKeychain,
  settings,
  notifier: { show: (n) => line('notifications.log', n) },
  clock,
  power: new TestPower(),
  log,
  random: Math.random,
  requestTimeoutMs: 3000,
});

async function run(command: HostCommand): Promise<unknown> {
  switch (command.op) {
    case 'sign-in':
      await core.signIn({ ...command, remember: false });
      await core.selectAccount('acct-north');
      await core.settled();
      return null;
    case 'save':
      return core.saveConsoleData({ sessionId: command.sessionId, text: command.text, base: {} });
    case 'step':
      await clock.step(command.ms, () => core.settled());
      return null;
    case 'state':
      await core.settled();
      return core.getState();
  }
}

let queue: Promise<unknown> = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (text) => {
  const { seq, command } = JSON.parse(text) as { seq: number; command: HostCommand };
  queue = queue.then(() =>
    run(command).then(
      (value) => process.stdout.write(JSON.stringify({ seq, ok: true, value }) + '\n'),
      (error: unknown) => process.stdout.write(JSON.stringify({ seq, ok: false, error: String(error) }) + '\n'),
    ),
  );
});
await core.start();
process.stdout.write(JSON.stringify({ seq: 0, ok: true, value: 'ready' }) + '\n');
