// Keychain faults: no keychain service, a locked keychain, a deleted entry. The agent gets a clear
// message and the sign-in form; the password is never kept anywhere else (no plaintext fallback).
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { KeychainUnavailableError, type SecretStore } from '../../src/main/core/ports';
import { secretService } from '../../src/main/core/server-url';
import { createKeychain } from '../../src/main/keychain';
import type { Connection, Identity } from '../../src/shared/live';
import { DEMO_USER } from '../../src/simulator/types';
import { confStore, dataDir, type Harness, startHarness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const HOST = join(import.meta.dirname, 'keychain-host.ts');
const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasDbus = !!process.env.DBUS_SESSION_BUS_ADDRESS;

/** Every file in a data folder, as text: where a plaintext fallback would show up. */
function everythingIn(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

function expectNoPassword(dir: string, lines: string[] = []): void {
  const text = everythingIn(dir) + lines.join('\n');
  expect(text).not.toContain(DEMO_USER.password);
  expect(text).not.toContain(Buffer.from(DEMO_USER.password).toString('base64'));
}

interface HostOutcome {
  afterStart: Connection;
  identity: Identity;
  afterSignIn: Connection;
  log: string[];
}

/** Runs the host without blocking this process: the simulator it signs in to lives here. */
async function runHost(
  dir: string,
  serverUrl: string,
  wrap: (argv: string[]) => [string, string[]],
  env = {},
): Promise<HostOutcome> {
  const argv = [process.execPath, '--import', 'tsx', HOST, dir, serverUrl, DEMO_USER.userName, DEMO_USER.password];
  const [command, args] = wrap(argv);
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as HostOutcome;
}

/** `readable`: the keychain answers reads (a locked keyring finds nothing) but refuses to store. */
function expectClearRefusal(outcome: HostOutcome, dir: string, readable = false): void {
  expect(outcome.afterStart.status, 'the sign-in form').toBe('signed-out');
  if (readable) expect(outcome.afterStart.message).toBeUndefined();
  else expect(outcome.afterStart.message).toMatch(/keychain .*sign in again/);
  expect(outcome.afterSignIn.status, 'signing in still works').toBe('online');
  expect(outcome.identity.keychainProblem).toMatch(/keychain is not available.*sign in again next time/);
  expectNoPassword(dir, outcome.log);
}

describe('keychain faults', () => {
  it('a keychain that throws KeychainUnavailableError: message, sign-in works, nothing stored in clear', async () => {
    const dir = dataDir('keychain-unavailable');
    const settings = confStore(dir);
    const broken: SecretStore = {
      get: () => Promise.reject(new KeychainUnavailableError('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      set: () => Promise.reject(new KeychainUnavailableError('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      delete: () => Promise.reject(new KeychainUnavailableError('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    };
    harness = await startHarness({ settings, secrets: broken });
    settings.setSettings({ serverUrl: harness.sim.url, userName: DEMO_USER.userName });
    await harness.core.start();
    const afterStart = harness.core.getState().connection;
    await harness.signIn({ remember: true });
    expectClearRefusal(
      {
        afterStart,
        identity: harness.core.getState().identity as Identity,
        afterSignIn: harness.core.getState().connection,
        log: harness.log.lines,
      },
      dir,
    );
  });

  it('no keychain service (D-Bus pointing nowhere), real keytar in a child process', async () => {
    const dir = dataDir('keychain-no-dbus');
    harness = await startHarness({ settings: confStore(dataDir('keychain-no-dbus-parent')) });
    const outcome = await runHost(dir, harness.sim.url, ([command, ...args]) => [command as string, args], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/evo-reliability-bus',
    });
    expectClearRefusal(outcome, dir);
  });

  // Needs the Debian packages dbus and gnome-keyring (npm run setup installs them); skipped without.
  it.skipIf(!has('dbus-run-session') || !has('gnome-keyring-daemon'))(
    'a locked keyring (gnome-keyring running, never unlocked), real keytar in a child process',
    async () => {
      const dir = dataDir('keychain-locked');
      harness = await startHarness({ settings: confStore(dataDir('keychain-locked-parent')) });
      const home = dataDir('keychain-locked-home');
      const outcome = await runHost(
        dir,
        harness.sim.url,
        (argv) => [
          'dbus-run-session',
          [
            '--',
            'sh',
            '-c',
            'mkdir -p "$HOME/.local/share"; gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec "$@"',
            'sh',
            ...argv,
          ],
        ],
        { HOME: home, XDG_DATA_HOME: join(home, '.local/share'), DISPLAY: '' },
      );
      expectClearRefusal(outcome, dir, true);
      expect(outcome.log.join('\n')).toContain('Keychain unavailable');
    },
  );

  // Needs a D-Bus session with an unlocked keyring, which npm test provides; plain vitest may not.
  it.skipIf(!hasDbus)(
    'an entry deleted from the real keychain: the sign-in form, no password from anywhere else',
    async () => {
      const dir = dataDir('keychain-deleted');
      const settings = confStore(dir);
      const keychain = createKeychain();
      harness = await startHarness({ settings, secrets: keychain });
      await harness.signIn({ remember: true });
      const service = secretService(harness.sim.url);
      expect(await keychain.get(service, DEMO_USER.userName)).toBe(DEMO_USER.password);
      await harness.core.stop();
      expect(await keychain.delete(service, DEMO_USER.userName)).toBe(true);

      const again = await startHarness({ settings, secrets: keychain });
      try {
        settings.setSettings({ serverUrl: harness.sim.url });
        await again.core.start();
        expect(again.core.getState().connection.status).toBe('signed-out');
        expect(again.core.getSettings().userName, 'the form is prefilled').toBe(DEMO_USER.userName);
        expect(again.sim.control.requests(), 'no sign-in attempt without a password').toEqual([]);
        expect(harness.sim.control.requests({ pathPrefix: '/auth/credentials' })).toHaveLength(1);
        expectNoPassword(dir, [...harness.log.lines, ...again.log.lines]);
      } finally {
        await again.close();
      }
    },
  );
});
