// The SettingsStore port on a conf-style JSON store (conf in Node, electron-store in Electron):
// one schema and defaults, migrations from the first version on, and a corrupt file backed up
// and replaced by defaults, and a folder that cannot hold it kept in memory, instead of crashing.
// conf only opens the files (defaults, migrations); every later write goes through WriteBehindFile,
// because conf's own writes retry synchronously and can hold the main process for seconds.
// The folder is made the agent's alone (0700) and every file in it 0600, older ones included.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

import type Conf from 'conf';
import type { Options } from 'conf';

import { DEFAULT_SETTINGS, type Settings, settingsSchema, type StartNotice } from '../shared/ipc';
import type { Logger, SettingsStore } from './core/ports';
import { FILE_MODE, FOLDER_MODE, WriteBehindFile, type WriteBudget } from './settings-file';

type Shape = Record<string, unknown>;
export type StoreOptions = Options<Shape>;
export type StoreFile = Pick<Conf<Shape>, 'get' | 'set' | 'has' | 'path' | 'store'>;
/** `new Conf(options)` or `new ElectronStore(options)`. */
export type OpenStore = (options: StoreOptions) => StoreFile;

/** Each key is the app version whose first run applies the step (conf's `migrations` option). */
export const SETTINGS_MIGRATIONS: NonNullable<StoreOptions['migrations']> = {
  '0.1.0': (store) => {
    const saved = store.get('settings');
    store.set('settings', { ...DEFAULT_SETTINGS, ...(saved && typeof saved === 'object' ? saved : {}) });
  },
};

export interface SettingsStoreOptions {
  open: OpenStore;
  /** Directory of settings.json and records.json. */
  cwd: string;
  /** The app's version (package.json): drives the migrations. */
  projectVersion: string;
  log: Logger;
  now?: () => Date;
  /** How long and how often a failing write is retried before the agent is told. */
  writeBudget?: WriteBudget;
}

export interface ShellSettingsStore extends SettingsStore {
  /** For the agent when a damaged file was set aside at start (the log and the page); undefined otherwise. */
  readonly recovered: StartNotice | undefined;
}

const field = settingsSchema.shape;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createSettingsStore(options: SettingsStoreOptions): ShellSettingsStore {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const problems: string[] = [];
  const memoryOnly = new WeakSet<StoreFile>();

  function openOrRecover(configName: string, extra: Partial<StoreOptions>): WriteBehindFile {
    const file = openWithConf(configName, extra);
    if (memoryOnly.has(file)) return new WriteBehindFile(undefined, {}, log);
    return new WriteBehindFile(file.path, savedContent(file), log, options.writeBudget);
  }

  /** What the file holds, conf's bookkeeping (`__internal__`) included, so a rewrite keeps it. */
  function savedContent(file: StoreFile): Shape {
    try {
      const saved: unknown = JSON.parse(readFileSync(file.path, 'utf8'));
      if (saved && typeof saved === 'object' && !Array.isArray(saved)) return saved as Shape;
    } catch {
      // No file yet, or one kept in memory: conf's view of it is all there is.
    }
    return file.store;
  }

  function openWithConf(configName: string, extra: Partial<StoreOptions>): StoreFile {
    const storeOptions: StoreOptions = {
      cwd: options.cwd,
      configName,
      projectVersion: options.projectVersion,
      configFileMode: FILE_MODE,
      ...extra,
    };
    try {
      return options.open(storeOptions);
    } catch (error) {
      const file = join(options.cwd, `${configName}.json`);
      if (!existsSync(file)) return inMemory(file, error);
      const backup = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, backup);
        log.error('A settings file could not be read; it was set aside and defaults are used', {
          file,
          backup,
          error: describe(error),
        });
        problems.push(`${configName}.json was damaged and has been reset (a copy is kept as ${backup}).`);
        return options.open(storeOptions);
      } catch (retryError) {
        return inMemory(file, retryError);
      }
    }
  }

  /** The folder cannot hold the file at all (unwritable, not a folder): keep it for this run only. */
  function inMemory(file: string, error: unknown): StoreFile {
    log.error('A settings file cannot be written; it is kept in memory until the console quits', {
      file,
      error: describe(error),
    });
    problems.push(`${file} cannot be written (${describe(error)}): changes last only until you quit.`);
    const kept: StoreFile = {
      path: file,
      get: (() => undefined) as StoreFile['get'],
      set: () => undefined,
      has: () => false,
      store: {},
    };
    memoryOnly.add(kept);
    return kept;
  }

  /**
   * The settings folder and what an older version left in it (0755 and 0644 files, backups of
   * damaged ones): readable by the agent's user only. Where modes do not apply (Windows) or the
   * folder is not ours to change, the files still work: the log says so.
   */
  function keepPrivate(): void {
    try {
      mkdirSync(options.cwd, { recursive: true, mode: FOLDER_MODE });
      chmodSync(options.cwd, FOLDER_MODE);
      for (const name of readdirSync(options.cwd)) {
        if (/^(settings|records)\.json/.test(name)) chmodSync(join(options.cwd, name), FILE_MODE);
      }
    } catch (error) {
      log.warn('The settings folder could not be made private to this user', { error: describe(error) });
    }
  }

  keepPrivate();
  const settingsFile = openOrRecover('settings', {
    defaults: { settings: DEFAULT_SETTINGS },
    migrations: SETTINGS_MIGRATIONS,
  });
  const recordsFile = openOrRecover('records', { accessPropertiesByDotNotation: false });

  function read(): Settings {
    const saved = settingsFile.get('settings');
    const out: Settings = { ...DEFAULT_SETTINGS };
    if (!saved || typeof saved !== 'object') return out;
    for (const [key, value] of Object.entries(saved)) {
      if (!Object.hasOwn(field, key)) continue;
      const parsed = field[key as keyof Settings].safeParse(value);
      if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
      else log.warn('Ignored an invalid saved setting; its default is used', { key });
    }
    return out;
  }

  const detail = problems.join(' ');
  return {
    recovered: problems.length
      ? {
          code: 'settings-reset',
          message: `Your settings could not be read or saved and were reset to the defaults. ${detail}`,
          detail,
        }
      : undefined,
    async flushed() {
      await Promise.all([settingsFile.flushed(), recordsFile.flushed()]);
    },
    getSettings: read,
    setSettings(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch });
      settingsFile.set('settings', next);
      return next;
    },
    getRecord<T>(key: string) {
      return recordsFile.get(key) as T | undefined;
    },
    setRecord<T>(key: string, value: T) {
      recordsFile.set(key, value);
    },
  };
}
