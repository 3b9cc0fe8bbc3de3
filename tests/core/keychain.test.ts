// The password in the keychain, case by case (test keychain, no D-Bus): kept only when the agent
// asks, removed when not, per server; a keychain that is missing or failing costs the convenience
// with words for the agent, never the sign-in; and which passwords the agent asked to keep, so one
// gone from the keychain is explained at the next start.
import { describe, expect, it } from 'vitest';

import { PasswordKeeper } from '../../src/main/core/keychain';
import type { SecretStore } from '../../src/main/core/ports';
import { PASSWORD_GONE, RememberedPasswords } from '../../src/main/core/remembered-passwords';
import { MemorySecrets, MemorySettings, RecordingLogger } from './ports';

const SERVER = 'https://evo.example';
const SERVICE = 'evo-voice-console:https://evo.example';

/** A keychain that answers with an error of its own (not "unavailable"): a locked or broken one. */
class FailingSecrets implements SecretStore {
  async get(): Promise<string | null> {
    throw new TypeError('locked');
  }
  async set(): Promise<void> {
    throw new TypeError('locked');
  }
  async delete(): Promise<boolean> {
    throw 'not an error';
  }
}

describe('PasswordKeeper', () => {
  it('keeps the password under the server and user when asked, removes it when not', async () => {
    const secrets = new MemorySecrets();
    const keeper = new PasswordKeeper(secrets, new RecordingLogger());
    expect(await keeper.keep(`${SERVER}/base`, 'ann', 's3cret', true)).toBeUndefined();
    expect([...secrets.entries]).toEqual([[`${SERVICE}|ann`, 's3cret']]);
    expect(await keeper.restore(SERVER, 'ann')).toBe('s3cret');
    expect(await keeper.restore(SERVER, 'bob')).toBeNull();
    expect(await keeper.keep(SERVER, 'ann', 's3cret', false)).toBeUndefined();
    expect(secrets.entries.size).toBe(0);
    await keeper.keep(SERVER, 'ann', 's3cret', true);
    await keeper.forget(SERVER, 'ann');
    expect(secrets.entries.size).toBe(0);
  });

  it('no keychain: remembering says so, forgetting says nothing, restoring asks to sign in; never the password in the log', async () => {
    const secrets = new MemorySecrets();
    secrets.unavailable = true;
    const log = new RecordingLogger();
    const keeper = new PasswordKeeper(secrets, log);
    expect(await keeper.keep(SERVER, 'ann', 's3cret', true)).toBe(
      'The system keychain is not available: the password is not remembered, so you will sign in again next time.',
    );
    expect(await keeper.keep(SERVER, 'ann', 's3cret', false)).toBeUndefined();
    await expect(keeper.restore(SERVER, 'ann')).rejects.toMatchObject({
      code: 'keychain-unavailable',
      message: 'The system keychain is not available: sign in again.',
    });
    await keeper.forget(SERVER, 'ann');
    expect(log.lines).toEqual([
      'warn Keychain unavailable {"error":"KeychainUnavailableError"}',
      'warn Keychain unavailable {"error":"KeychainUnavailableError"}',
      'warn Keychain unavailable {"error":"KeychainUnavailableError"}',
      'warn Could not delete the stored password {"error":"KeychainUnavailableError"}',
    ]);
  });

  it('a keychain that fails otherwise "did not answer"; what it threw is named by kind only', async () => {
    const log = new RecordingLogger();
    const keeper = new PasswordKeeper(new FailingSecrets(), log);
    const failure = await keeper.restore(SERVER, 'ann').catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'keychain-unavailable',
      message: 'The system keychain did not answer: sign in again.',
    });
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
    expect(await keeper.keep(SERVER, 'ann', 's3cret', false)).toBeUndefined();
    await keeper.forget(SERVER, 'ann');
    expect(log.lines).toEqual([
      'warn Keychain unavailable {"error":"TypeError"}',
      'warn Keychain unavailable {"error":"unknown"}',
      'warn Could not delete the stored password {"error":"unknown"}',
    ]);
  });
});

describe('RememberedPasswords', () => {
  it('notes the passwords kept, forgets the note when removed, and explains one gone from the keychain once', async () => {
    const secrets = new MemorySecrets();
    const store = new MemorySettings();
    const remembered = new RememberedPasswords(secrets, store);
    await remembered.set(SERVICE, 'ann', 's3cret');
    await remembered.set(SERVICE, 'bob', 'other');
    await remembered.set(SERVICE, 'ann', 's3cret');
    expect(store.getRecord('keychain.remembered')).toEqual([`${SERVICE}\nbob`, `${SERVICE}\nann`]);
    expect(await remembered.get(SERVICE, 'ann')).toBe('s3cret');
    expect(remembered.missing(SERVER, 'carol')).toBeUndefined();
    // Deleted outside the console: explained once, then the note is gone.
    secrets.entries.clear();
    expect(remembered.missing(`${SERVER}/`, 'ann')).toBe(PASSWORD_GONE);
    expect(remembered.missing(SERVER, 'ann')).toBeUndefined();
    expect(store.getRecord('keychain.remembered')).toEqual([`${SERVICE}\nbob`]);
    expect(await remembered.delete(SERVICE, 'bob')).toBe(false);
    expect(store.getRecord('keychain.remembered')).toEqual([]);
  });

  it('a password the keychain refused to keep is not noted; a damaged note is read as what it holds', async () => {
    const secrets = new MemorySecrets();
    secrets.unavailable = true;
    const store = new MemorySettings();
    const remembered = new RememberedPasswords(secrets, store);
    await expect(remembered.set(SERVICE, 'ann', 's3cret')).rejects.toThrow('D-Bus');
    expect(store.getRecord('keychain.remembered')).toBeUndefined();
    store.setRecord('keychain.remembered', [`${SERVICE}\nann`, 42, null]);
    expect(remembered.missing(SERVER, 'ann')).toBe(PASSWORD_GONE);
    expect(store.getRecord('keychain.remembered')).toEqual([]);
    store.setRecord('keychain.remembered', { not: 'a list' });
    expect(remembered.missing(SERVER, 'ann')).toBeUndefined();
  });
});
