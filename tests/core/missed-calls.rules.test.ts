// Missed calls case by case, on the settings store alone: what the unread list keeps of a call
// (caller, number, time and line, each with its fallbacks), the baseline of each account, marking
// seen, forgetting an agent, the older record not carried over, and notifications turned off.
import { describe, expect, it } from 'vitest';

import { MISSED_RECORD, MissedCalls } from '../../src/main/core/missed-calls';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';
import { MemorySettings, RecordingNotifier } from './ports';

const AGENT = 'https://evo.example|ann';
const NORTH = `${AGENT}|acct-north`;
const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const missed = (id: string, fields: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  wasMissed: true,
  ended: true,
  ...fields,
});

function setUp(store = new MemorySettings()) {
  const notifier = new RecordingNotifier();
  const calls = new MissedCalls(store, notifier, () => NOW);
  calls.setAgent(AGENT);
  // The first look at an account is its baseline.
  calls.observe(NORTH, [], settings());
  return { calls, notifier, store };
}

describe('what the unread list keeps of a missed call', () => {
  it('the number, else the callback number, else "Unknown caller"; the name when known', () => {
    const { calls } = setUp();
    calls.observe(
      NORTH,
      [
        missed('a', { fromAddress: '+15550101', callbackNumber: '+15550199', fromName: 'Ada' }),
        missed('b', { callbackNumber: '+15550199' }),
        missed('c'),
      ],
      settings({ notifyMissedCalls: false }),
    );
    expect(calls.unread.map(({ sessionId, from, fromName }) => ({ sessionId, from, fromName }))).toEqual([
      { sessionId: 'a', from: '+15550101', fromName: 'Ada' },
      { sessionId: 'b', from: '+15550199', fromName: undefined },
      { sessionId: 'c', from: 'Unknown caller', fromName: undefined },
    ]);
  });

  it('the time it ended, else last changed, else began; the line by name, else the number called', () => {
    const { calls } = setUp();
    calls.observe(
      NORTH,
      [
        missed('a', {
          dateCompleted: '2026-11-23T11:58:00Z',
          dateLastModified: '2026-11-23T11:59:00Z',
          endpointName: 'Sales',
          toAddress: '+15550000',
        }),
        missed('b', {
          dateLastModified: '2026-11-23T11:59:00Z',
          dateCreated: '2026-11-23T11:50:00Z',
          toAddress: '+15550000',
        }),
        missed('c', { dateCreated: '2026-11-23T11:50:00Z' }),
        missed('d'),
      ],
      settings({ notifyMissedCalls: false }),
    );
    expect(calls.unread.map(({ at, line }) => ({ at, line }))).toEqual([
      { at: '2026-11-23T11:58:00Z', line: 'Sales' },
      { at: '2026-11-23T11:59:00Z', line: '+15550000' },
      { at: '2026-11-23T11:50:00Z', line: undefined },
      { at: '', line: undefined },
    ]);
    expect(calls.unread[3]).not.toHaveProperty('line');
    expect(calls.unread[3]).not.toHaveProperty('fromName');
  });

  it('only missed calls with an id, once each', () => {
    const { calls } = setUp();
    const changed = calls.observe(
      NORTH,
      [
        missed('a'),
        { id: 'answered', ended: true },
        { wasMissed: true },
        missed('a'),
        missed('b', { wasMissed: false }),
      ],
      settings({ notifyMissedCalls: false }),
    );
    expect(changed).toBe(true);
    expect(calls.unread.map((m) => m.sessionId)).toEqual(['a']);
    expect(calls.observe(NORTH, [missed('a')], settings())).toBe(false);
  });
});

describe('baselines, seen and forgotten', () => {
  it('the first look at each account is its baseline: nothing announced, nothing unread', () => {
    const { calls, notifier } = setUp();
    expect(calls.hasBaseline(NORTH)).toBe(true);
    const south = `${AGENT}|acct-south`;
    expect(calls.hasBaseline(south)).toBe(false);
    expect(calls.observe(south, [missed('old')], settings())).toBe(false);
    expect(calls.hasBaseline(south)).toBe(true);
    expect(calls.unread).toEqual([]);
    expect(notifier.shown).toEqual([]);
  });

  it('seen: some or all; nothing to mark changes nothing; nobody signed in has none', () => {
    const { calls, store } = setUp();
    calls.observe(NORTH, [missed('a'), missed('b'), missed('c')], settings({ notifyMissedCalls: false }));
    const writes = store.writes;
    expect(calls.markSeen(['zzz'])).toBe(false);
    expect(store.writes).toBe(writes);
    expect(calls.markSeen(['b'])).toBe(true);
    expect(calls.unread.map((m) => m.sessionId)).toEqual(['a', 'c']);
    expect(calls.markSeen()).toBe(true);
    expect(calls.unread).toEqual([]);
    expect(calls.markSeen()).toBe(false);
    calls.setAgent(undefined);
    expect(calls.unread).toEqual([]);
    expect(calls.markSeen()).toBe(false);
  });

  it("forgetting an agent removes their part, on disk too; an unknown agent's writes nothing", () => {
    const { calls, store } = setUp();
    calls.observe(NORTH, [missed('a')], settings({ notifyMissedCalls: false }));
    const writes = store.writes;
    calls.forget('https://evo.example|bob');
    expect(store.writes).toBe(writes);
    calls.forget(AGENT);
    expect(store.getRecord(MISSED_RECORD)).toEqual({ agents: {} });
    expect(calls.unread).toEqual([]);
    // Their calls are a baseline again at the next look, not news.
    expect(calls.observe(NORTH, [missed('a')], settings())).toBe(false);
  });

  it('what a restart finds on disk is kept; an older record (one list for everyone) is not', () => {
    const { calls, store } = setUp();
    calls.observe(NORTH, [missed('a')], settings({ notifyMissedCalls: false }));
    const again = new MissedCalls(store, new RecordingNotifier(), () => NOW);
    again.setAgent(AGENT);
    expect(again.unread.map((m) => m.sessionId)).toEqual(['a']);
    expect(again.hasBaseline(NORTH)).toBe(true);
    for (const old of [{ unread: [{ sessionId: 'x' }] }, { agents: 'everyone' }, undefined]) {
      const disk = new MemorySettings();
      if (old) disk.setRecord(MISSED_RECORD, old);
      const fresh = new MissedCalls(disk, new RecordingNotifier(), () => NOW);
      fresh.setAgent(AGENT);
      expect(fresh.unread).toEqual([]);
      expect(fresh.hasBaseline(NORTH)).toBe(false);
    }
  });
});

describe('notifications', () => {
  it('off: counted as unread, nothing shown', async () => {
    const { calls, notifier } = setUp();
    expect(calls.observe(NORTH, [missed('a')], settings({ notifyMissedCalls: false }))).toBe(true);
    await calls.settled();
    expect(notifier.shown).toEqual([]);
    expect(calls.unread).toHaveLength(1);
  });

  it('on: one each with the call, or for a burst of more than three one summary', async () => {
    const { calls, notifier } = setUp();
    calls.observe(NORTH, [missed('a', { fromAddress: '+15550101', endpointName: 'Sales' })], settings());
    await calls.settled();
    expect(notifier.shown).toEqual([
      expect.objectContaining({
        sessionId: 'a',
        missedCall: expect.objectContaining({ sessionId: 'a', from: '+15550101', line: 'Sales' }),
      }),
    ]);
    calls.observe(
      NORTH,
      ['b', 'c', 'd'].map((id) => missed(id)),
      settings(),
    );
    await calls.settled();
    expect(notifier.shown).toHaveLength(4);
    calls.observe(
      NORTH,
      ['e', 'f', 'g', 'h'].map((id) => missed(id)),
      settings(),
    );
    await calls.settled();
    expect(notifier.shown).toHaveLength(5);
    expect(notifier.shown[4]).not.toHaveProperty('sessionId');
  });
});

describe('what polls write', () => {
  it('a poll that sees nothing new writes nothing; an account is baselined once however often it is looked at', () => {
    const { calls, store } = setUp();
    calls.observe(NORTH, [missed('a')], settings({ notifyMissedCalls: false }));
    const writes = store.writes;
    for (let i = 0; i < 3; i++) calls.observe(NORTH, [missed('a')], settings({ notifyMissedCalls: false }));
    expect(store.writes).toBe(writes);
    const record = store.getRecord<{ agents: Record<string, { baselined: string[]; announced: string[] }> }>(
      MISSED_RECORD,
    );
    expect(record?.agents[AGENT]?.baselined).toEqual([NORTH]);
    expect(record?.agents[AGENT]?.announced).toEqual(['a']);
  });
});
