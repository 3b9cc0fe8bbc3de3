// Settings writes never block the main process: a settings folder whose writes fail slowly (conf
// retried them synchronously for about a second each) leaves every poll and every answer to the
// agent within 50 ms; the agent is told once the retries are spent and the files catch up after.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { STORAGE_PROBLEM } from '../../src/main/core/durable-store';
import type { SettingsStore } from '../../src/main/core/ports';
import type { ShellSettingsStore } from '../../src/main/settings-store';
import { liveCall } from '../core/rig';
import { confStore, dataDir, type Harness, startHarness } from './harness';

const LIMIT_MS = 50;

let harness: Harness | undefined;
const undo: (() => void)[] = [];
afterEach(async () => {
  for (const step of undo.splice(0)) step();
  await harness?.close();
  harness = undefined;
});

/** The store with every write timed: how long each one held the event loop. */
function timedWrites(store: ShellSettingsStore): { store: SettingsStore; longest: () => number; reset: () => void } {
  let longest = 0;
  const time = <T>(write: () => T): T => {
    const start = performance.now();
    try {
      return write();
    } finally {
      longest = Math.max(longest, performance.now() - start);
    }
  };
  return {
    store: {
      getSettings: () => store.getSettings(),
      getRecord: (key) => store.getRecord(key),
      setSettings: (patch) => time(() => store.setSettings(patch)),
      setRecord: (key, value) => time(() => store.setRecord(key, value)),
      flushed: () => store.flushed(),
    },
    longest: () => longest,
    reset: () => (longest = 0),
  };
}

/** How long an answer to the agent (a settings change or a note save) holds the event loop. */
function timed(answer: () => unknown): number {
  const start = performance.now();
  answer();
  return performance.now() - start;
}

/** A folder reached through a link, so a test can point the link somewhere hostile mid-run. */
function linkedFolder(name: string): { link: string; target: string } {
  const base = dataDir(name);
  const target = join(base, 'real');
  mkdirSync(target);
  const link = join(base, 'settings');
  symlinkSync(target, link);
  return { link, target };
}

/** Signs in, then turns the folder hostile and does a minute of agent work, measuring the stalls. */
async function minuteOnHostileFolder(store: ShellSettingsStore, turnHostile: () => void) {
  const writes = timedWrites(store);
  harness = await startHarness({ settings: writes.store });
  await harness.signIn();
  const id = liveCall(harness.sim);
  await harness.step(10_000);
  turnHostile();
  writes.reset();
  const h = harness;
  const answers: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    answers.push(timed(() => h.core.updateSettings({ theme: i % 2 ? 'dark' : 'light' })));
    answers.push(timed(() => h.core.saveConsoleData({ sessionId: id, text: `Note ${i}`, base: {} })));
    await h.step(10_000);
  }
  await store.flushed();
  answers.push(timed(() => h.core.updateSettings({ theme: 'dark' })));
  await h.step(10_000);
  // The median: a loaded test machine may pause any one answer for garbage collection.
  const typicalAnswer = answers.sort((a, b) => a - b)[Math.floor(answers.length / 2)] as number;
  return { id, longestWrite: writes.longest(), typicalAnswer };
}

describe('settings writes never block the main process', () => {
  it('a settings folder that turns into /sys (EACCES on every write): polls and answers within 50 ms, agent told, recovers', async () => {
    const { link, target } = linkedFolder('writes-sysfs');
    const store = confStore(link);
    const repoint = (to: string) => {
      rmSync(link);
      symlinkSync(to, link);
    };
    const { id, longestWrite, typicalAnswer } = await minuteOnHostileFolder(store, () => repoint('/sys/kernel'));
    expect(longestWrite, 'longest the event loop waited on a write (polls and answers included)').toBeLessThan(
      LIMIT_MS,
    );
    expect(typicalAnswer, 'median answer to the agent').toBeLessThan(LIMIT_MS);
    const h = harness as Harness;
    expect(h.core.getState().storage).toBe(STORAGE_PROBLEM);
    expect(h.core.getState().connection.status).toBe('online');
    expect(h.sim.control.getSession(id)?.consoleData).toBe('Note 4');
    expect(h.core.getSettings().theme).toBe('dark');

    repoint(target);
    h.core.updateSettings({ theme: 'light' });
    await store.flushed();
    h.core.updateSettings({ theme: 'light' });
    await store.flushed();
    expect(h.core.getState().storage, 'the message clears once writes work again').toBeUndefined();
    const saved = JSON.parse(readFileSync(join(target, 'settings.json'), 'utf8')) as { settings: { theme: string } };
    expect(saved.settings.theme).toBe('light');
  });

  it('an immutable settings folder (EPERM, which conf retried for a second per write): within 50 ms', async (context) => {
    const dir = dataDir('writes-immutable');
    const store = confStore(dir);
    const chattr = (flag: string) => execFileSync('chattr', [flag, dir], { stdio: 'ignore' });
    try {
      chattr('+i');
      chattr('-i');
    } catch {
      // chattr needs root and a file system with attributes (ext4, xfs); elsewhere the /sys case covers it.
      context.skip();
    }
    const { longestWrite, typicalAnswer } = await minuteOnHostileFolder(store, () => {
      chattr('+i');
      undo.push(() => chattr('-i'));
    });
    expect(longestWrite, 'longest the event loop waited on a write (polls and answers included)').toBeLessThan(
      LIMIT_MS,
    );
    expect(typicalAnswer, 'median answer to the agent').toBeLessThan(LIMIT_MS);
    expect(harness?.core.getState().storage).toBe(STORAGE_PROBLEM);
  });
});
