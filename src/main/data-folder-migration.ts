// One-time move of the agent's data from the folder versions before productName used (the package
// name, `evo-voice-console`) into today's (`Evo Voice Console`): the settings and the records (the
// outbox of unsent notes, missed calls, window place). Plain Node, run before anything opens the
// stores. Copies, never overwrites, keeps the files private, and survives a crash half-way: the
// files are staged in a folder inside the new one, marked complete, then renamed into place.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import type { Logger } from './core/ports';
import { FILE_MODE, FOLDER_MODE } from './settings-file';

/** The files that hold the agent's data (conf's settings and records). */
export const DATA_FILES = ['settings.json', 'records.json'] as const;
const STAGING = '.migrating-data';
const COMPLETE = '.complete';

export type MigrationResult =
  | { kind: 'none' }
  | { kind: 'present' }
  | { kind: 'migrated'; from: string; to: string; files: string[] }
  | { kind: 'failed'; from: string; to: string; problem: string };

export interface MigrateOptions {
  /** The previous data folder (app data / package name). */
  from: string;
  /** The data folder in use now (app.getPath('userData')). */
  to: string;
  files?: readonly string[];
}

/**
 * 'none': no previous folder with data; 'present': the new folder already has data (nothing is
 * touched); 'migrated': the previous folder's files were copied; 'failed': they could not be (the
 * new folder is left without them, the previous one as it was; the next start tries again).
 */
export function migrateDataFolder({ from, to, files = DATA_FILES }: MigrateOptions): MigrationResult {
  const staging = join(to, STAGING);
  try {
    if (existsSync(join(staging, COMPLETE))) return { kind: 'migrated', from, to, files: finish(staging, to, files) };
    rmSync(staging, { recursive: true, force: true });
    if (files.some((name) => existsSync(join(to, name)))) return { kind: 'present' };
    const found = files.filter((name) => existsSync(join(from, name)));
    if (!found.length) return { kind: 'none' };
    mkdirSync(staging, { recursive: true, mode: FOLDER_MODE });
    chmodSync(to, FOLDER_MODE);
    for (const name of found) {
      copyFileSync(join(from, name), join(staging, name));
      chmodSync(join(staging, name), FILE_MODE);
    }
    writeFileSync(join(staging, COMPLETE), '', { mode: FILE_MODE });
    return { kind: 'migrated', from, to, files: finish(staging, to, files) };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { kind: 'failed', from, to, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The one log line a migration is worth (none when there was nothing to do). */
export function logMigration(result: MigrationResult, log: Pick<Logger, 'info' | 'warn'>): void {
  if (result.kind === 'migrated') {
    log.info('Settings and records (unsent notes) copied from the previous data folder', {
      from: result.from,
      to: result.to,
      files: result.files,
    });
  } else if (result.kind === 'failed') {
    log.warn('The previous data folder could not be copied; this start uses new settings', {
      from: result.from,
      to: result.to,
      problem: result.problem,
    });
  }
}

/** Renames the staged files into place (one renamed before a crash is not staged any more) and drops the staging folder. */
function finish(staging: string, to: string, files: readonly string[]): string[] {
  const staged = readdirSync(staging).filter((name) => files.includes(name));
  for (const name of staged) {
    if (!existsSync(join(to, name))) renameSync(join(staging, name), join(to, name));
  }
  rmSync(staging, { recursive: true, force: true });
  return files.filter((name) => existsSync(join(to, name)));
}
