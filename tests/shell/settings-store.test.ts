// Settings on a real conf file: defaults, validation, migrations, records, and a corrupt file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { describe, expect, it } from 'vitest';

import { createSettingsStore } from '../../src/main/settings-store';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { recordingLog } from './recording-core';

function open(cwd: string, projectVersion = '0.1.0') {
  const { log, lines } = recordingLog();
  const store = createSettingsStore({ open: (o) => new Conf(o), cwd, projectVersion, log });
  return { store, lines };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'evo-settings-'));

describe('settings store', () => {
  it('starts from the defaults and keeps what is set across a reopen', async () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovered).toBeUndefined();
    store.setSettings({ theme: 'dark', pollLiveMs: 3000 });
    store.setRecord('outbox', [{ sessionId: 's1', text: 'a.b' }]);
    store.setRecord('notified.ids', ['x']);
    await store.flushed();
    const again = open(dir).store;
    expect(again.getSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', pollLiveMs: 3000 });
    expect(again.getRecord('outbox')).toEqual([{ sessionId: 's1', text: 'a.b' }]);
    expect(again.getRecord('notified.ids')).toEqual(['x']);
    expect(again.getRecord('missing')).toBeUndefined();
  });

  it('refuses an invalid patch without changing anything', () => {
    const { store } = open(tempDir());
    expect(() => store.setSettings({ pollLiveMs: 5 })).toThrow();
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores saved values that do not fit the schema, and unknown keys', () => {
    const dir = tempDir();
    open(dir);
    const file = join(dir, 'settings.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
    saved.settings.theme = 'purple';
    saved.settings.userName = 'agent7';
    saved.settings.password = 'never-here';
    writeFileSync(file, JSON.stringify(saved));
    const { store, lines } = open(dir);
    expect(store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, userName: 'agent7' });
    expect(lines.some((l) => l.message.includes('invalid saved setting') && l.data?.key === 'theme')).toBe(true);
  });

  it('runs the first-version migration on a file written before versions were recorded', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: { userName: 'old-agent' } }));
    const { store } = open(dir, '0.2.0');
    expect(store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, userName: 'old-agent' });
    const raw = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, userName: 'old-agent' });
    expect(JSON.stringify(raw.__internal__)).toContain('0.2.0');
  });

  it('backs up a corrupt file, starts from defaults and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"settings": {"theme": "dark",');
    const { store, lines } = open(dir);
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovered?.message).toMatch(/reset to the defaults/);
    const backups = readdirSync(dir).filter((f) => f.startsWith('settings.json.damaged-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0] ?? ''), 'utf8')).toBe('{"settings": {"theme": "dark",');
    expect(lines.some((l) => l.level === 'error')).toBe(true);
    store.setSettings({ theme: 'light' });
    await store.flushed();
    expect(open(dir).store.getSettings().theme).toBe('light');
  });

  it('starts with the defaults in memory when the folder cannot hold a file, and says so', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'not-a-folder'), 'a file where the settings folder should be');
    const { store, lines } = open(join(parent, 'not-a-folder', 'settings'));
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovered?.message).toMatch(/cannot be written .*until you quit/);
    expect(lines.map((l) => l.message).join('\n')).toMatch(/kept in memory/);
    store.setSettings({ theme: 'dark' });
    store.setRecord('outbox', [{ sessionId: 's1', text: 'kept' }]);
    expect(store.getSettings().theme).toBe('dark');
    expect(store.getRecord('outbox')).toEqual([{ sessionId: 's1', text: 'kept' }]);
  });
});
