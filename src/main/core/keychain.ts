// The password in the OS keychain (SecretStore port): kept only when the agent asks, never in
// clear anywhere else; an unavailable keychain costs the convenience, never the sign-in.
import { CoreError } from './errors';
import { KeychainUnavailableError, type Logger, type SecretStore } from './ports';
import { secretService } from './server-url';

export class PasswordKeeper {
  constructor(
    private readonly secrets: SecretStore,
    private readonly log: Logger,
  ) {}

  /** Stores (remember) or removes the password; answers what the agent should know if it failed. */
  async keep(serverUrl: string, userName: string, password: string, remember: boolean): Promise<string | undefined> {
    try {
      if (remember) await this.secrets.set(secretService(serverUrl), userName, password);
      else await this.secrets.delete(secretService(serverUrl), userName);
      return undefined;
    } catch (error) {
      this.log.warn('Keychain unavailable', { error: error instanceof Error ? error.name : 'unknown' });
      return remember
        ? 'The system keychain is not available: the password is not remembered, so you will sign in again next time.'
        : undefined;
    }
  }

  /** The stored password, null when none; throws words for the agent when the keychain fails. */
  async restore(serverUrl: string, userName: string): Promise<string | null> {
    try {
      return await this.secrets.get(secretService(serverUrl), userName);
    } catch (error) {
      this.log.warn('Keychain unavailable', { error: error instanceof Error ? error.name : 'unknown' });
      const message =
        error instanceof KeychainUnavailableError
          ? 'The system keychain is not available: sign in again.'
          : 'The system keychain did not answer: sign in again.';
      throw new CoreError('keychain-unavailable', message, { cause: error });
    }
  }

  async forget(serverUrl: string, userName: string): Promise<void> {
    try {
      await this.secrets.delete(secretService(serverUrl), userName);
    } catch (error) {
      this.log.warn('Could not delete the stored password', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
