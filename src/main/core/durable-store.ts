// The settings store as the core uses it: a write that fails (disk full, read-only folder) is
// kept in memory and reported to the agent instead of breaking the poll, the outbox or sign-in.
import type { Settings } from '../../shared/ipc';
import type { Logger, SettingsStore } from './ports';

export const STORAGE_PROBLEM =
  'The console cannot write its files on this computer (disk full or folder not writable): recent notes and settings are kept only until the console closes. Free some disk space.';

export class DurableStore implements SettingsStore {
  private unsavedSettings: Partial<Settings> = {};
  private readonly failing = new Set<string>();

  /** `onProblem` is told when the problem appears or clears. */
  constructor(
    private readonly store: SettingsStore,
    private readonly log: Logger,
    private readonly onProblem: () => void,
  ) {}

  /** Words for the agent while some write keeps failing. */
  get problem(): string | undefined {
    return this.failing.size ? STORAGE_PROBLEM : undefined;
  }

  getSettings(): Settings {
    return { ...this.store.getSettings(), ...structuredClone(this.unsavedSettings) };
  }

  setSettings(patch: Partial<Settings>): Settings {
    const merged = { ...this.unsavedSettings, ...patch };
    const written = this.attempt('settings', () => this.store.setSettings(merged));
    if (written) {
      this.unsavedSettings = {};
      return written;
    }
    this.unsavedSettings = merged;
    return this.getSettings();
  }

  getRecord<T>(key: string): T | undefined {
    return this.store.getRecord<T>(key);
  }

  setRecord<T>(key: string, value: T): void {
    this.attempt(`record:${key}`, () => {
      this.store.setRecord(key, value);
      return true;
    });
  }

  private attempt<T>(what: string, write: () => T): T | undefined {
    try {
      const result = write();
      if (this.failing.delete(what) && !this.failing.size) this.onProblem();
      return result;
    } catch (error) {
      const first = !this.failing.size;
      if (!this.failing.has(what)) {
        this.log.error('Could not write to disk; kept in memory', {
          what,
          error: error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : 'unknown',
        });
      }
      this.failing.add(what);
      if (first) this.onProblem();
      return undefined;
    }
  }
}
