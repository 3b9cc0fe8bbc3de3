// The keychain adapter against the real OS keychain (Secret Service over D-Bus), and its refusal
// to work without one.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { KeychainUnavailableError } from '../../src/main/core/ports';
import { createKeychain } from '../../src/main/keychain';

const hasDbus = !!process.env.DBUS_SESSION_BUS_ADDRESS;
if (!hasDbus) {
  console.warn(
    'keychain tests skipped: no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset). Run under dbus-run-session with an unlocked gnome-keyring (see ENVIRONMENT.md).',
  );
}

describe.skipIf(!hasDbus)('keychain (real Secret Service)', () => {
  it('stores, reads and deletes a secret', async () => {
    const keychain = createKeychain();
    const service = `evo-voice-console-test-${randomUUID()}`;
    expect(await keychain.get(service, 'agent')).toBeNull();
    await keychain.set(service, 'agent', 'hunter2 ünïcode');
    expect(await keychain.get(service, 'agent')).toBe('hunter2 ünïcode');
    expect(await keychain.delete(service, 'agent')).toBe(true);
    expect(await keychain.get(service, 'agent')).toBeNull();
    expect(await keychain.delete(service, 'agent')).toBe(false);
  });
});

describe('keychain without a keychain', () => {
  it('throws KeychainUnavailableError saying what to do when there is no D-Bus', () => {
    // A fresh process: libsecret keeps its first D-Bus connection for the life of a process.
    const script = `
      import { createKeychain } from './src/main/keychain.ts';
      createKeychain().set('evo-voice-console-test', 'agent', 'pw-123').then(
        () => console.log(JSON.stringify({ stored: true })),
        (e) => console.log(JSON.stringify({ name: e.name, message: e.message })));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/evo-test-bus' },
      encoding: 'utf8',
    });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { name?: string; message?: string };
    expect(result.name).toBe('KeychainUnavailableError');
    expect(result.message).toMatch(/keychain is not available.*Remember me/s);
    expect(result.message).not.toContain('pw-123');
  });

  it('reports a keychain module that cannot load as unavailable', async () => {
    const keychain = createKeychain(() => {
      throw new Error('libsecret-1.so.0: cannot open shared object file');
    });
    await expect(keychain.get('s', 'a')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });
});
