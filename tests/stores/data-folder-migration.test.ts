// The one-time move of the agent's data from the folder named after the package (versions before
// productName) into today's: on temp folders, with the real settings store reading the result.
// Copied only when the new folder has no data, never overwriting, private modes, a crash half-way
// finished or redone at the next start, a failure logged and retried, and one log line in all.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { describe, expect, it } from 'vitest';

import { LEGACY_DATA_FOLDER, PRODUCT_NAME } from '../../src/main/app-identity';
import { logMigration, migrateDataFolder } from '../../src/main/data-folder-migration';
import { createSettingsStore } from '../../src/main/settings-store';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const SETTINGS = JSON.stringify({ settings: { theme: 'dark', userName: 'ann' } });
const RECORDS = JSON.stringify({ 'outbox-test': [{ sessionId: 's1', notes: 'call back Tuesday' }] });

/** An app-data folder with the previous data folder filled as an older version left it (0644 files). */
function seat() {
  const appData = mkdtempSync(join(tmpdir(), 'evo-migrate-'));
  const from = join(appData, LEGACY_DATA_FOLDER);
  const to = join(appData, PRODUCT_NAME);
  mkdirSync(from, { recursive: true });
  writeFileSync(join(from, 'settings.json'), SETTINGS, { mode: 0o644 });
  writeFileSync(join(from, 'records.json'), RECORDS, { mode: 0o644 });
  return { from, to };
}
const mode = (path: string) => statSync(path).mode & 0o777;

describe('data folder migration', () => {
  it('copies settings and records into the new folder, privately, and leaves the old folder as it was', () => {
    const { from, to } = seat();
    mkdirSync(join(to, 'logs'), { recursive: true }); // the log folder and Chromium's files come first
    expect(migrateDataFolder({ from, to })).toEqual({
      kind: 'migrated',
      from,
      to,
      files: ['settings.json', 'records.json'],
    });
    expect(readFileSync(join(to, 'settings.json'), 'utf8')).toBe(SETTINGS);
    expect(readFileSync(join(to, 'records.json'), 'utf8')).toBe(RECORDS);
    if (process.platform !== 'win32') {
      expect(mode(join(to, 'settings.json'))).toBe(0o600);
      expect(mode(join(to, 'records.json'))).toBe(0o600);
      expect(mode(to)).toBe(0o700);
    }
    expect(existsSync(join(from, 'settings.json'))).toBe(true);
    expect(existsSync(join(to, '.migrating-data'))).toBe(false);
    // Once only: the next start finds data in the new folder.
    expect(migrateDataFolder({ from, to })).toEqual({ kind: 'present' });
  });

  it('the settings store then reads the agent’s settings and unsent notes', () => {
    const { from, to } = seat();
    migrateDataFolder({ from, to });
    const store = createSettingsStore({ open: (o) => new Conf(o), cwd: to, projectVersion: '0.1.0', log: quiet });
    expect(store.getSettings()).toMatchObject({ theme: 'dark', userName: 'ann' });
    expect(store.getRecord('outbox-test')).toEqual([{ sessionId: 's1', notes: 'call back Tuesday' }]);
  });

  it('never overwrites: a new folder with data of its own is left alone', () => {
    const { from, to } = seat();
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, 'records.json'), '{"mine":1}');
    expect(migrateDataFolder({ from, to })).toEqual({ kind: 'present' });
    expect(readFileSync(join(to, 'records.json'), 'utf8')).toBe('{"mine":1}');
    expect(existsSync(join(to, 'settings.json'))).toBe(false);
  });

  it('does nothing on a seat that never had the previous folder', () => {
    const appData = mkdtempSync(join(tmpdir(), 'evo-migrate-'));
    expect(migrateDataFolder({ from: join(appData, 'nope'), to: join(appData, 'new') })).toEqual({ kind: 'none' });
    expect(existsSync(join(appData, 'new'))).toBe(false);
  });

  it('finishes a migration a crash stopped after staging (one file already in place)', () => {
    const { from, to } = seat();
    const staging = join(to, '.migrating-data');
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, 'records.json'), RECORDS);
    writeFileSync(join(staging, '.complete'), '');
    writeFileSync(join(to, 'settings.json'), SETTINGS); // renamed before the crash
    expect(migrateDataFolder({ from, to })).toMatchObject({
      kind: 'migrated',
      files: ['settings.json', 'records.json'],
    });
    expect(readFileSync(join(to, 'records.json'), 'utf8')).toBe(RECORDS);
    expect(existsSync(staging)).toBe(false);
  });

  it('starts over when a crash stopped it while copying (staging not complete)', () => {
    const { from, to } = seat();
    mkdirSync(join(to, '.migrating-data'), { recursive: true });
    writeFileSync(join(to, '.migrating-data', 'settings.json'), '{"half');
    expect(migrateDataFolder({ from, to })).toMatchObject({ kind: 'migrated' });
    expect(readFileSync(join(to, 'settings.json'), 'utf8')).toBe(SETTINGS);
  });

  it('reports a failure without touching either folder, and tries again next time', () => {
    const { from, to } = seat();
    writeFileSync(to, 'a file where the folder should be');
    const result = migrateDataFolder({ from, to });
    expect(result).toMatchObject({ kind: 'failed', problem: expect.stringMatching(/EEXIST|ENOTDIR/) });
    expect(readFileSync(join(from, 'settings.json'), 'utf8')).toBe(SETTINGS);
  });

  it('is one log line when something happened, none otherwise', () => {
    const lines: [string, string][] = [];
    const log = { info: (m: string) => lines.push(['info', m]), warn: (m: string) => lines.push(['warn', m]) };
    logMigration({ kind: 'none' }, log);
    logMigration({ kind: 'present' }, log);
    logMigration({ kind: 'migrated', from: 'a', to: 'b', files: ['settings.json'] }, log);
    logMigration({ kind: 'failed', from: 'a', to: 'b', problem: 'EACCES' }, log);
    expect(lines).toEqual([
      ['info', 'Settings and records (unsent notes) copied from the previous data folder'],
      ['warn', 'The previous data folder could not be copied; this start uses new settings'],
    ]);
  });
});
