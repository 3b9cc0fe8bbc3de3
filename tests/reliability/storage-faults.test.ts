// Storage faults: a damaged settings or records file, a full disk, a settings folder that stops
// being usable while the console runs. The console starts from defaults or keeps working from
// memory, tells the agent, backs the bad file up, and never crashes.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { STORAGE_PROBLEM } from '../../src/main/core/durable-store';
import type { SettingsStore } from '../../src/main/core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';
import { liveCall } from '../core/rig';
import { confStore, dataDir, type Harness, startHarness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A real conf store whose writes fail with ENOSPC while `full` is set. */
class FullDisk implements SettingsStore {
  full = false;
  constructor(private readonly store: SettingsStore) {}
  private check(): void {
    if (this.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }
  getSettings(): Settings {
    return this.store.getSettings();
  }
  setSettings(patch: Partial<Settings>): Settings {
    this.check();
    return this.store.setSettings(patch);
  }
  getRecord<T>(key: string): T | undefined {
    return this.store.getRecord<T>(key);
  }
  setRecord<T>(key: string, value: T): void {
    this.check();
    this.store.setRecord(key, value);
  }
  flushed(): Promise<void> {
    return this.store.flushed();
  }
}

/** Signs in, saves a note on a live call and misses a call: what an agent does in a minute. */
async function agentMinute(h: Harness): Promise<{ noteOn: string; missed: string }> {
  await h.signIn();
  const noteOn = liveCall(h.sim);
  const ringing = h.sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing', fromName: 'Disk Test' });
  await h.step(20_000);
  h.core.saveConsoleData({ sessionId: noteOn, text: 'Refund approved, call back Friday', base: {} });
  h.sim.control.missCall(ringing.id as string);
  await h.step(60_000);
  return { noteOn, missed: ringing.id as string };
}

/** Damaged files (`unreadable`: JSON.parse fails, so the file is set aside) and odd but readable ones. */
const GARBAGE: Record<string, { content: () => string | Buffer; unreadable: boolean }> = {
  truncated: { content: () => '{"settings": {"serverUrl": "https://evovoice.io", "theme": "da', unreadable: true },
  'random bytes': { content: () => randomBytes(4096), unreadable: true },
  'JSON of the wrong shape': { content: () => '[1, 2, 3]', unreadable: false },
  'zero bytes': { content: () => '', unreadable: false },
};

describe('storage faults', () => {
  for (const [what, { content, unreadable }] of Object.entries(GARBAGE)) {
    const outcome = unreadable ? 'defaults, a backup, a message' : 'defaults';
    it(`a ${what} settings file and records file: ${outcome}, a working console`, async () => {
      const dir = dataDir('storage-garbage');
      const original = content();
      writeFileSync(join(dir, 'settings.json'), original);
      writeFileSync(join(dir, 'records.json'), original);
      const store = confStore(dir);
      const backups = readdirSync(dir).filter((f) => f.includes('.damaged-'));
      if (unreadable) {
        expect(store.recovered?.message).toMatch(/reset to the defaults/);
        expect(backups.sort().map((f) => f.split('.damaged-')[0])).toEqual(['records.json', 'settings.json']);
        expect(readFileSync(join(dir, backups[0] as string))).toEqual(Buffer.from(original));
      }
      expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
      harness = await startHarness({ settings: store });
      const { noteOn, missed } = await agentMinute(harness);
      expect(harness.sim.control.getSession(noteOn)?.consoleData).toBe('Refund approved, call back Friday');
      expect(harness.notifier.shown.map((n) => n.sessionId)).toEqual([missed]);
      expect(harness.core.getState().storage).toBeUndefined();
      expect(confStore(dir).getSettings().userName).toBe('demo@evovoice.example');
    });
  }

  it('a full disk: notes still go out from memory, missed calls still announced, the agent is told; recovers', async () => {
    const disk = new FullDisk(confStore(dataDir('storage-full')));
    harness = await startHarness({ settings: disk });
    disk.full = true;
    const { noteOn, missed } = await agentMinute(harness);
    const state = harness.core.getState();
    expect(state.storage).toBe(STORAGE_PROBLEM);
    expect(state.identity?.accountId).toBe('acct-north');
    expect(harness.sim.control.getSession(noteOn)?.consoleData).toBe('Refund approved, call back Friday');
    expect(harness.core.getState().consoleData[noteOn]?.state).toBe('saved');
    expect(harness.notifier.shown.map((n) => n.sessionId)).toEqual([missed]);
    expect(
      harness.log.lines.filter((l) => l.startsWith('error Could not use the settings folder')).length,
    ).toBeGreaterThan(0);
    expect(harness.core.getSettings().userName, 'sign-in remembered in memory').toBe('demo@evovoice.example');

    harness.sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
    harness.core.saveConsoleData({ sessionId: noteOn, text: 'Kept while the disk is full', base: {} });
    await harness.step(5_000);
    expect(harness.core.getState().consoleData[noteOn]?.state).toBe('waiting-for-network');
    disk.full = false;
    harness.sim.control.clearFaults();
    await harness.step(120_000);
    expect(harness.core.getState().storage, 'the message clears once writes work again').toBeUndefined();
    expect(harness.sim.control.getSession(noteOn)?.consoleData).toBe('Kept while the disk is full');
    expect(disk.getSettings().userName, 'what was kept in memory is written once the disk has room').toBe(
      'demo@evovoice.example',
    );
  });

  it('a settings folder that disappears under the running console: working from memory, told, no crash', async () => {
    const dir = dataDir('storage-gone');
    harness = await startHarness({ settings: confStore(dir) });
    await harness.signIn();
    const id = liveCall(harness.sim);
    await harness.step(10_000);
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'a file where the settings folder was');
    try {
      harness.core.saveConsoleData({ sessionId: id, text: 'Written with no settings folder', base: {} });
      harness.core.updateSettings({ theme: 'dark' });
      await harness.step(30_000);
      const state = harness.core.getState();
      expect(state.storage).toBe(STORAGE_PROBLEM);
      expect(state.connection.status).toBe('online');
      expect(harness.core.getSettings().theme).toBe('dark');
      expect(harness.sim.control.getSession(id)?.consoleData).toBe('Written with no settings folder');
    } finally {
      rmSync(dir);
    }
  });
});
