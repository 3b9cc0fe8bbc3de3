// The SecretStore port on the OS keychain (keytar). No keychain, no secret: it never falls back
// to storing a password anywhere else.
import { createRequire } from 'node:module';

import type * as KeytarModule from 'keytar';

import { KeychainUnavailableError, type SecretStore } from './core/ports';

type Keytar = typeof KeytarModule;

const HOW_TO_FIX =
  'Unlock or set up the system keychain (on Linux: a Secret Service such as GNOME Keyring or KWallet), or sign in without "Remember me".';

function unavailable(cause: unknown): KeychainUnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KeychainUnavailableError(`The system keychain is not available (${reason}). ${HOW_TO_FIX}`, { cause });
}

/** `load` is for tests that need a keychain module that fails to load. */
export function createKeychain(
  load: () => Keytar = () => createRequire(import.meta.url)('keytar') as Keytar,
): SecretStore {
  let keytar: Keytar | undefined;
  async function call<T>(use: (k: Keytar) => Promise<T>): Promise<T> {
    try {
      keytar ??= load();
      return await use(keytar);
    } catch (error) {
      throw unavailable(error);
    }
  }
  return {
    get: (service, account) => call((k) => k.getPassword(service, account)),
    set: (service, account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (service, account) => call((k) => k.deletePassword(service, account)),
  };
}
