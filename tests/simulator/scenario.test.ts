// The live scenario: seeded and deterministic, and it looks like a working call centre.
import { afterEach, describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { START, start } from './support';

const MINUTE = 60_000;
const opened: Simulator[] = [];
async function open(options: Parameters<typeof start>[0]): Promise<Simulator> {
  const sim = await start(options);
  opened.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('determinism', () => {
  it('the same seed gives the same sessions, however the clock is stepped', async () => {
    const [one, two, other] = [
      await open({ scenario: true, seed: 42 }),
      await open({ scenario: true, seed: 42 }),
      await open({ scenario: true, seed: 43 }),
    ];
    one.control.advance(10 * MINUTE);
    for (let i = 0; i < 60; i++) two.control.advance(10_000);
    other.control.advance(10 * MINUTE);
    expect(two.control.listSessions()).toEqual(one.control.listSessions());
    expect(other.control.listSessions()).not.toEqual(one.control.listSessions());
  });

  it('with scenario:false nothing happens by itself', async () => {
    const sim = await open({ scenario: false });
    sim.control.advance(60 * MINUTE);
    expect(sim.control.listSessions()).toEqual([]);
    expect(sim.control.now()).toBe(START + 60 * MINUTE);
  });
});

describe('what the scenario looks like', () => {
  it('calls arrive on several lines of both accounts, are answered, held, missed and ended', async () => {
    const sim = await open({ scenario: true, seed: 9 });
    let mostLive = 0;
    for (let i = 0; i < 60; i++) {
      sim.control.advance(30_000);
      mostLive = Math.max(mostLive, sim.control.listSessions().filter((s) => s.ended !== true).length);
    }
    const all = sim.control.listSessions();
    const recent = all.filter((s) => Date.parse(s.dateCreated as string) >= START);
    expect(mostLive).toBeGreaterThanOrEqual(3);
    expect(mostLive).toBeLessThanOrEqual(8);
    expect(new Set(recent.map((s) => s.endpointName)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(recent.map((s) => s.accountId))).toEqual(new Set(['acct-north', 'acct-south']));

    const missed = recent.filter((s) => s.wasMissed === true);
    expect(missed.length).toBeGreaterThan(0);
    for (const s of missed) expect(s).toMatchObject({ ended: true, callState: 'Disconnected', outcome: 'Missed' });

    const answered = recent.filter((s) => s.direction === 'Incoming' && s.answeredByName !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    for (const s of answered) expect(s.members?.map((m) => m.role)).toEqual(['Caller', 'Agent']);
    expect(recent.some((s) => s.log?.some((l) => l.message?.includes('on hold')))).toBe(true);
    expect(recent.some((s) => s.log?.some((l) => l.message?.includes('off hold')))).toBe(true);
    expect(recent.some((s) => s.direction === 'Outgoing')).toBe(true);

    for (const s of all) expect(s.fromAddress).toMatch(/^\+\d{11,12}$/);
    const notes = all.map((s) => s.consoleData).filter((n): n is string => n !== undefined);
    expect(notes.some((n) => n.startsWith('{') && typeof JSON.parse(n) === 'object')).toBe(true);
    expect(notes.some((n) => !n.startsWith('{'))).toBe(true);
    for (const s of all) expect(s.id).toMatch(/^sess-\d{6}$/);
    for (const s of all) expect(s.dateLastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('something happens every few seconds', async () => {
    const sim = await open({ scenario: true, seed: 2 });
    sim.control.advance(10 * MINUTE);
    const moments = new Set(
      sim.control
        .listSessions()
        .flatMap((s: SessionInfo) => s.log ?? [])
        .map((l) => Date.parse(l.date as string))
        .filter((t) => t > START),
    );
    const gap = (10 * MINUTE) / moments.size;
    expect(gap).toBeGreaterThan(1000);
    expect(gap).toBeLessThan(10_000);
  });

  it('starts with history and calls already on the board', async () => {
    const sim = await open({ scenario: true, seed: 4 });
    const all = sim.control.listSessions();
    const live = all.filter((s) => s.ended !== true);
    expect(live.filter((s) => s.channel === 'Voice')).toHaveLength(3);
    // A chat in progress and a fax arriving, which are not calls.
    expect(live.map((s) => s.channel).filter((c) => c !== 'Voice')).toEqual(['Chat', 'Fax']);
    expect(all.filter((s) => s.ended === true).length).toBeGreaterThanOrEqual(20);
  });
});

describe('the realtime clock', () => {
  it('follows the wall clock from startTime, and advance() still skips ahead', async () => {
    const t0 = Date.now();
    const sim = await open({ clock: 'realtime', scenario: true, startTime: undefined });
    const first = sim.control.now();
    expect(first).toBeGreaterThanOrEqual(t0);
    await expect.poll(() => sim.control.now(), { timeout: 2000, interval: 50 }).toBeGreaterThan(first);
    sim.control.advance(5 * MINUTE);
    expect(sim.control.now()).toBeGreaterThanOrEqual(first + 5 * MINUTE);
  });
});

describe('the demo board', () => {
  it('every account has a call in progress the moment the scenario starts, whatever the seed', async () => {
    // About one seed in twelve once started the demo with nothing live on one account (seed 17 here).
    for (let seed = 1; seed <= 60; seed++) {
      const sim = await open({ scenario: true, seed });
      const liveAccounts = new Set(
        sim.control
          .listSessions()
          .filter((s) => s.ended !== true)
          .map((s) => s.accountId),
      );
      expect([...liveAccounts].sort(), `seed ${seed}`).toEqual(['acct-north', 'acct-south']);
      await sim.close();
      opened.pop();
    }
  });
});
