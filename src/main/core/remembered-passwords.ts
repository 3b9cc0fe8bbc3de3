// The keychain as the core uses it, plus a note (in the settings records) of which passwords the
// agent asked to remember, so that one missing at the next start (deleted outside the console, a
// keychain reset) is explained to the agent instead of silently bringing back the sign-in form.
import type { SecretStore, SettingsStore } from './ports';
import { secretService } from './server-url';

const RECORD = 'keychain.remembered';

export const PASSWORD_GONE =
  'Your saved password is no longer in the system keychain (it was deleted outside the console, or the keychain was reset), so the console cannot sign you in by itself. Type your password to sign in again.';

const entry = (service: string, account: string) => `${service}\n${account}`;

export class RememberedPasswords implements SecretStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly store: SettingsStore,
  ) {}

  get(service: string, account: string): Promise<string | null> {
    return this.secrets.get(service, account);
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await this.secrets.set(service, account, secret);
    this.note(entry(service, account), true);
  }

  async delete(service: string, account: string): Promise<boolean> {
    this.note(entry(service, account), false);
    return this.secrets.delete(service, account);
  }

  /** Words for the agent when the password kept for this sign-in is not in the keychain any more. */
  missing(serverUrl: string, userName: string): string | undefined {
    const key = entry(secretService(serverUrl), userName);
    if (!this.remembered().includes(key)) return undefined;
    this.note(key, false);
    return PASSWORD_GONE;
  }

  private remembered(): string[] {
    const saved = this.store.getRecord<unknown>(RECORD);
    return Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : [];
  }

  private note(key: string, kept: boolean): void {
    const others = this.remembered().filter((k) => k !== key);
    this.store.setRecord(RECORD, kept ? [...others, key] : others);
  }
}
