// The missed-call record's bounds, which only a long day reaches: the announced ids (5,000) and
// the unread list (500) keep the newest and forget the oldest, on disk as in memory, and a call
// still remembered is never announced twice.
import { describe, expect, it } from 'vitest';

import { ANNOUNCED_CAP, MISSED_RECORD, MissedCalls, UNREAD_CAP } from '../../src/main/core/missed-calls';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';
import { MemorySettings, RecordingNotifier } from './ports';

const AGENT = 'https://evo.example|agent';
const WHO = `${AGENT}|acct-north`;
const settings: Settings = { ...DEFAULT_SETTINGS, language: 'en' };

const missed = (from: number, count: number): SessionInfo[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `sess-${from + i}`,
    wasMissed: true,
    fromAddress: `+1555${String(from + i).padStart(7, '0')}`,
    dateCompleted: '2026-11-23T12:00:00.000Z',
  }));

interface Saved {
  agents: Record<string, { announced: string[]; unread: { sessionId: string }[] }>;
}
const savedOf = (store: MemorySettings) => (store.getRecord<Saved>(MISSED_RECORD) as Saved).agents[AGENT];

function start(): { calls: MissedCalls; store: MemorySettings; notifier: RecordingNotifier } {
  const store = new MemorySettings();
  const notifier = new RecordingNotifier();
  const calls = new MissedCalls(store, notifier, () => Date.parse('2026-11-23T12:05:00.000Z'));
  calls.setAgent(AGENT);
  calls.observe(WHO, [], settings);
  return { calls, store, notifier };
}

describe('missed-call record bounds', () => {
  it(`keeps the newest ${UNREAD_CAP} unread calls, in order, in memory and on disk`, async () => {
    const { calls, store } = start();
    expect(calls.observe(WHO, missed(0, UNREAD_CAP + 7), settings)).toBe(true);
    const saved = savedOf(store);
    expect(calls.unread).toHaveLength(UNREAD_CAP);
    expect(calls.unread[0]?.sessionId).toBe('sess-7');
    expect(calls.unread.at(-1)?.sessionId).toBe(`sess-${UNREAD_CAP + 6}`);
    expect(saved?.unread.map((m) => m.sessionId)).toEqual(calls.unread.map((m) => m.sessionId));
    await calls.settled();
  });

  it(`remembers the newest ${ANNOUNCED_CAP} announced calls: those are never announced again, the oldest are forgotten`, async () => {
    const { calls, store, notifier } = start();
    calls.observe(WHO, missed(0, ANNOUNCED_CAP + 10), settings);
    await calls.settled();
    expect(notifier.shown, 'a burst is one summary').toHaveLength(1);
    const saved = savedOf(store);
    expect(saved?.announced).toHaveLength(ANNOUNCED_CAP);
    expect(saved?.announced[0]).toBe('sess-10');
    expect(saved?.announced.at(-1)).toBe(`sess-${ANNOUNCED_CAP + 9}`);

    // A restart reads the bounded record: the newest are still known, the oldest are not.
    const again = new MissedCalls(store, notifier, () => Date.parse('2026-11-23T12:06:00.000Z'));
    expect(again.observe(WHO, missed(ANNOUNCED_CAP + 9, 1), settings)).toBe(false);
    expect(again.observe(WHO, missed(9, 1), settings), 'forgotten: news again').toBe(true);
    await again.settled();
    expect(notifier.shown.map((n) => n.sessionId)).toEqual([undefined, 'sess-9']);

    // In the same process the forgotten ids leave the set too, not only the record.
    calls.observe(WHO, missed(ANNOUNCED_CAP + 10, 1), settings);
    expect(calls.observe(WHO, missed(0, 1), settings), 'forgotten in memory as well').toBe(true);
    await calls.settled();
  });
});
