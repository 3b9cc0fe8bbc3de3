// A core on the real keytar SecretStore and a conf store, run in a child process so that the
// test chooses its D-Bus (none, or one with a locked keyring): starts with a saved user, then
// signs in with "remember me", and prints what the agent would see as one JSON line.
// Run: node --import tsx tests/reliability/keychain-host.ts <data-dir> <server-url> <user> <password>
import Conf from 'conf';

import { createConsoleCore } from '../../src/main/core/index';
import { createKeychain } from '../../src/main/keychain';
import { createSettingsStore } from '../../src/main/settings-store';
import { RecordingLogger, RecordingNotifier, SteppedClock, TestPower } from '../core/ports';

const [dataDir, serverUrl, userName, password] = process.argv.slice(2);
if (!dataDir || !serverUrl || !userName || !password)
  throw new Error('usage: <data-dir> <server-url> <user> <password>');
const log = new RecordingLogger();
const settings = createSettingsStore({ open: (o) => new Conf(o), cwd: dataDir, projectVersion: '0.1.0', log });
settings.setSettings({ serverUrl, userName });
const core = createConsoleCore({
  fetch: globalThis.fetch,
  secrets: createKeychain(),
  settings,
  notifier: new RecordingNotifier(),
  clock: new SteppedClock(Date.now()),
  power: new TestPower(),
  log,
  requestTimeoutMs: 5000,
});
await core.start();
const afterStart = core.getState().connection;
const identity = await core.signIn({ serverUrl, userName, password, remember: true });
const afterSignIn = core.getState().connection;
await core.stop();
console.log(JSON.stringify({ afterStart, identity, afterSignIn, log: log.lines }));
