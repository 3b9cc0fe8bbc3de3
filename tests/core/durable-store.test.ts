// The settings store as the core uses it, over the test store with a disk that can fail: a failed
// write is kept in memory, read back, retried with the next write and reported once (appear and
// clear); a failed read answers the last good one; every failure is logged once, by its code.
import { describe, expect, it } from 'vitest';

import { DurableStore, STORAGE_PROBLEM } from '../../src/main/core/durable-store';
import type { Settings } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { MemorySettings, RecordingLogger } from './ports';

/** The in-memory store with faults: each set while `failing` throws what `fault` makes. */
class FaultyDisk extends MemorySettings {
  failWrites = false;
  failReads = false;
  fault: () => unknown = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  override getSettings(): Settings {
    if (this.failReads) throw this.fault();
    return super.getSettings();
  }
  override setSettings(patch: Partial<Settings>): Settings {
    if (this.failWrites) throw this.fault();
    return super.setSettings(patch);
  }
  override getRecord<T>(key: string): T | undefined {
    if (this.failReads) throw this.fault();
    return super.getRecord<T>(key);
  }
  override setRecord<T>(key: string, value: T): void {
    if (this.failWrites) throw this.fault();
    super.setRecord(key, value);
  }
}

function setup(initial: Partial<Settings> = {}) {
  const disk = new FaultyDisk(initial);
  const log = new RecordingLogger();
  let told = 0;
  const store = new DurableStore(disk, log, () => told++);
  return { disk, log, store, told: () => told };
}

describe('DurableStore', () => {
  it('passes reads and writes through while the disk works, and says nothing', async () => {
    const { disk, log, store, told } = setup({ userName: 'ana' });
    expect(store.getSettings().userName).toBe('ana');
    expect(store.setSettings({ accountId: 'acct-north' })).toMatchObject({ userName: 'ana', accountId: 'acct-north' });
    expect(disk.getSettings().accountId).toBe('acct-north');
    store.setRecord('outbox', { a: 1 });
    expect(disk.records.get('outbox')).toEqual({ a: 1 });
    expect(store.getRecord('outbox')).toEqual({ a: 1 });
    expect(store.getRecord('missing')).toBeUndefined();
    await expect(store.flushed()).resolves.toBeUndefined();
    expect(store.problem).toBeUndefined();
    expect(told()).toBe(0);
    expect(log.lines).toEqual([]);
  });

  it('a failed settings write is read back from memory, retried with the next write, and reported once', () => {
    const { disk, log, store, told } = setup();
    disk.failWrites = true;
    expect(store.setSettings({ userName: 'ana' }).userName).toBe('ana');
    expect(store.setSettings({ accountId: 'acct-north' })).toMatchObject({ userName: 'ana', accountId: 'acct-north' });
    expect(disk.getSettings().userName).toBe(DEFAULT_SETTINGS.userName);
    expect(store.problem).toBe(STORAGE_PROBLEM);
    expect(told()).toBe(1);
    expect(log.lines).toEqual([
      'error Could not use the settings folder; working from memory {"what":"write settings","error":"ENOSPC"}',
    ]);

    disk.failWrites = false;
    store.setSettings({ theme: 'dark' });
    expect(disk.getSettings()).toMatchObject({ userName: 'ana', accountId: 'acct-north', theme: 'dark' });
    expect(store.problem).toBeUndefined();
    expect(told()).toBe(2);
    // Written: a later change on the disk shows, nothing unsaved covers it.
    disk.setSettings({ userName: 'bea' });
    expect(store.getSettings().userName).toBe('bea');
  });

  it('a failed record write waits in memory and goes with the next write of anything', () => {
    const { disk, store, told, log } = setup();
    disk.failWrites = true;
    store.setRecord('outbox', { n: 1 });
    store.setRecord('notified', ['x']);
    expect(disk.records.size).toBe(0);
    expect(told()).toBe(1);
    expect(log.lines.map((l) => JSON.parse(l.slice(l.indexOf('{'))).what)).toEqual(['write outbox', 'write notified']);
    disk.failWrites = false;
    store.setSettings({ userName: 'ana' });
    expect(disk.records.get('outbox')).toEqual({ n: 1 });
    expect(disk.records.get('notified')).toEqual(['x']);
    expect(store.problem).toBeUndefined();
    expect(told()).toBe(2);
    // Each waiting record was written once, and is not written again.
    const writes = disk.writes;
    store.setRecord('other', 1);
    expect(disk.writes).toBe(writes + 1);
  });

  it('a record whose write failed reads back as written, not as the disk still has it', () => {
    const { disk, store } = setup();
    store.setRecord('outbox', { text: 'first' });
    disk.failWrites = true;
    store.setRecord('outbox', { text: 'second, not on disk' });
    expect(disk.records.get('outbox')).toEqual({ text: 'first' });
    expect(store.getRecord('outbox')).toEqual({ text: 'second, not on disk' });
    // A read that then fails too still answers it; once written, the disk's value is read again.
    disk.failReads = true;
    expect(store.getRecord('outbox')).toEqual({ text: 'second, not on disk' });
    disk.failReads = false;
    disk.failWrites = false;
    store.setRecord('other', 1);
    expect(disk.records.get('outbox')).toEqual({ text: 'second, not on disk' });
    disk.failReads = true;
    expect(store.getRecord('outbox')).toEqual({ text: 'second, not on disk' });
    // What it answers is a copy: changing it changes nothing kept.
    (store.getRecord('outbox') as { text: string }).text = 'changed by the caller';
    expect(store.getRecord('outbox')).toEqual({ text: 'second, not on disk' });
  });

  it('a failed read answers the last good settings with what is unsaved, and nothing for a record never read', () => {
    const { disk, store, told } = setup({ userName: 'ana' });
    store.getSettings();
    disk.failReads = true;
    expect(store.getSettings().userName).toBe('ana');
    expect(store.getRecord('outbox')).toBeUndefined();
    expect(store.problem).toBe(STORAGE_PROBLEM);
    expect(told()).toBe(1);
    disk.failReads = false;
    expect(store.getSettings().userName).toBe('ana');
    // One of two failing uses cleared: still a problem until the other works again.
    expect(store.problem).toBe(STORAGE_PROBLEM);
    expect(store.getRecord('outbox')).toBeUndefined();
    expect(store.problem).toBeUndefined();
    expect(told()).toBe(2);
  });

  it('before any good read, a failed read answers the defaults', () => {
    const { disk, store } = setup({ userName: 'ana' });
    disk.failReads = true;
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('logs a failing use once while it keeps failing, by error code, name, or "unknown"', () => {
    const { disk, log, store, told } = setup();
    disk.failWrites = true;
    store.setSettings({ userName: 'a' });
    store.setSettings({ userName: 'b' });
    expect(log.lines).toHaveLength(1);
    disk.fault = () => new RangeError('odd');
    store.setRecord('r1', 1);
    disk.fault = () => 'a string';
    store.setRecord('r2', 1);
    expect(log.lines.map((l) => l.slice(l.indexOf('{')))).toEqual([
      '{"what":"write settings","error":"ENOSPC"}',
      '{"what":"write r1","error":"RangeError"}',
      '{"what":"write r2","error":"unknown"}',
    ]);
    expect(told()).toBe(1);
  });

  it('does not change the settings it answered when the caller changes them', () => {
    const { store } = setup({ endpointIds: ['e1'] });
    const read = store.getSettings();
    read.endpointIds.push('e2');
    expect(store.getSettings().endpointIds).toEqual(['e1']);
  });

  it('names the failing read in the log: the settings, or the record by its key', () => {
    const { disk, log, store } = setup();
    disk.failReads = true;
    store.getSettings();
    store.getRecord('outbox');
    expect(log.lines.map((l) => JSON.parse(l.slice(l.indexOf('{'))).what)).toEqual(['read settings', 'read outbox']);
  });
});
