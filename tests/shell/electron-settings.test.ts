// electron-store (with a recording 'electron' module) under the shared settings store: the same
// files, schema and migrations as conf in the web shell.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { recordingLog } from './recording-core';

const userData = mkdtempSync(join(tmpdir(), 'evo-userdata-'));
vi.mock('electron', () => {
  const app = { getPath: () => userData, getVersion: () => '0.1.0' };
  const ipcMain = { on: () => undefined };
  return { default: { app, ipcMain, shell: {} }, app, ipcMain, shell: {} };
});

const { openElectronStore } = await import('../../src/main/electron-settings');
const { createSettingsStore } = await import('../../src/main/settings-store');

describe('electron-store settings', () => {
  it('keeps settings and records in their own files, migrated, under userData', async () => {
    const { log } = recordingLog();
    const store = createSettingsStore({ open: openElectronStore, cwd: userData, projectVersion: '0.1.0', log });
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    store.setSettings({ startHidden: true });
    store.setRecord('window-bounds', { x: 1, y: 2, width: 800, height: 600 });
    await store.flushed();
    expect(existsSync(join(userData, 'settings.json'))).toBe(true);
    expect(existsSync(join(userData, 'records.json'))).toBe(true);
    expect(existsSync(join(userData, 'config.json'))).toBe(false);
    const saved = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved.settings).toEqual({ ...DEFAULT_SETTINGS, startHidden: true });
    expect(JSON.stringify(saved.__internal__)).toContain('0.1.0');
    const again = createSettingsStore({ open: openElectronStore, cwd: userData, projectVersion: '0.1.0', log });
    expect(again.getRecord('window-bounds')).toEqual({ x: 1, y: 2, width: 800, height: 600 });
  });
});
