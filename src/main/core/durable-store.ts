// The settings store as the core uses it: a write that fails (disk full, folder not writable) is
// kept in memory, retried with the next write and reported to the agent instead of breaking the
// poll, the outbox or sign-in; a read answers what waits unsaved, and a read that fails answers the
// last one read or written.
import { DEFAULT_SETTINGS, type Settings } from '../../shared/ipc';
import type { Logger, SettingsStore } from './ports';

export const STORAGE_PROBLEM =
  'The console cannot save its files on this computer (disk full or folder not writable): recent notes and settings are kept only while it runs. Free some disk space or check the folder.';

export class DurableStore implements SettingsStore {
  private unsavedSettings: Partial<Settings> = {};
  private readonly unsavedRecords = new Map<string, unknown>();
  /** Each record as last read or written, for a read that fails. */
  private readonly lastRecords = new Map<string, unknown>();
  private lastRead: Settings = DEFAULT_SETTINGS;
  private readonly failing = new Set<string>();

  /** `onProblem` is told when the problem appears or clears. */
  constructor(
    private readonly store: SettingsStore,
    private readonly log: Logger,
    private readonly onProblem: () => void,
  ) {}

  /** Words for the agent while some read or write keeps failing. */
  get problem(): string | undefined {
    return this.failing.size ? STORAGE_PROBLEM : undefined;
  }

  getSettings(): Settings {
    const read = this.attempt('read settings', () => this.store.getSettings());
    if (read) this.lastRead = read;
    return { ...structuredClone(this.lastRead), ...structuredClone(this.unsavedSettings) };
  }

  setSettings(patch: Partial<Settings>): Settings {
    this.unsavedSettings = { ...this.unsavedSettings, ...patch };
    this.flush();
    return this.getSettings();
  }

  getRecord<T>(key: string): T | undefined {
    // A write that failed holds the newest value: the disk still has the one before.
    if (this.unsavedRecords.has(key)) return structuredClone(this.unsavedRecords.get(key)) as T;
    const read = this.attempt(`read ${key}`, () => ({ value: this.store.getRecord<T>(key) }));
    if (read) this.lastRecords.set(key, read.value);
    return structuredClone(read ? read.value : this.lastRecords.get(key)) as T | undefined;
  }

  setRecord<T>(key: string, value: T): void {
    this.unsavedRecords.set(key, value);
    this.flush();
  }

  flushed(): Promise<void> {
    return this.store.flushed();
  }

  /** Writes everything waiting; what fails waits for the next write. */
  private flush(): void {
    if (Object.keys(this.unsavedSettings).length) {
      const written = this.attempt('write settings', () => this.store.setSettings(this.unsavedSettings));
      if (written) {
        this.unsavedSettings = {};
        this.lastRead = written;
      }
    }
    for (const [key, value] of this.unsavedRecords) {
      const written = this.attempt(`write ${key}`, () => {
        this.store.setRecord(key, value);
        return true;
      });
      if (written) {
        this.unsavedRecords.delete(key);
        this.lastRecords.set(key, value);
      }
    }
  }

  private attempt<T>(what: string, use: () => T): T | undefined {
    try {
      const result = use();
      if (this.failing.delete(what) && !this.failing.size) this.onProblem();
      return result;
    } catch (error) {
      const first = !this.failing.size;
      if (!this.failing.has(what)) {
        this.log.error('Could not use the settings folder; working from memory', {
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
