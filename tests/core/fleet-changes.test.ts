// Polling for what changed (issue 25), counted in the simulator's request log over real HTTP: an
// unchanged poll of 10,000 calls, 1% changed, a call that left the server, the 60 s safety net,
// a server that ignores the sort, conditional GETs (304) and the one-page activity feed.
import { afterEach, describe, expect, it } from 'vitest';

import { FULL_READ_EVERY_MS, FULL_READ_MS_PER_PAGE } from '../../src/main/core/session-feed';
import { startSimulator } from '../../src/simulator/index';
import { STRICT, type Strictness } from '../../src/simulator/strictness';
import type { RequestRecord, Simulator } from '../../src/simulator/types';
import { type Rig, START, startRig } from './rig';

let rig: Rig | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  await rig?.close();
  await sim?.close();
  rig = undefined;
  sim = undefined;
});

const NORTH = 'acct-north';

async function strictRig(changes: Partial<Strictness>, sessions: number): Promise<Rig> {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START, strictness: STRICT });
  sim.control.setStrictness(changes);
  rig = await startRig({ sim, requestTimeoutMs: 5_000 });
  await rig.signIn();
  sim.control.loadSessions(sessions, { accountId: NORTH });
  for (let tries = 0; tries < 5 && boardIds(rig).size < sessions; tries++) await poll(rig);
  return rig;
}

/** The GET /sessions requests of one poll started now. */
async function poll(r: Rig): Promise<RequestRecord[]> {
  r.sim.control.clearRequests();
  r.core.pollNow();
  await r.core.settled();
  return r.sim.control.requests({ method: 'GET', pathPrefix: '/sessions' });
}

const sorted = (q: RequestRecord) => q.query.SortField === 'dateLastModified' && q.query.SortOrder === 'Descend';
const bytes = (qs: RequestRecord[]) => qs.reduce((sum, q) => sum + (q.bytes ?? 0), 0);
function boardIds(r: Rig): Set<string | undefined> {
  return new Set(r.core.getSnapshot().sessions.map((s) => s.id));
}

describe('the sessions feed reads what changed (strict server, page cap 100)', () => {
  // 2,000 calls (20 pages) here; bench/fleet.ts measures the same at 10,000.
  it('2,000 calls: an unchanged poll is ≤ 2 requests and ≤ 50 KB, 1% changed ≤ 3, a removal is gone after one poll', async () => {
    const r = await strictRig({}, 2_000);
    expect(boardIds(r).size).toBe(2_000);
    await poll(r);

    const unchanged = await poll(r);
    expect(unchanged.length).toBeLessThanOrEqual(2);
    expect(bytes(unchanged)).toBeLessThanOrEqual(50_000);
    expect(unchanged.every(sorted)).toBe(true);

    await r.step(2_000);
    const changed = r.sim.control
      .listSessions()
      .filter((s) => !s.ended)
      .slice(0, 20)
      .map((s) => s.id as string);
    for (const id of changed) r.sim.control.updateSession(id, { consoleData: `changed ${id}` });
    const onePercent = await poll(r);
    expect(onePercent.length).toBeLessThanOrEqual(3);
    const board = new Map(r.core.getSnapshot().sessions.map((s) => [s.id, s]));
    for (const id of changed) expect(board.get(id)?.consoleData).toBe(`changed ${id}`);

    const gone = r.sim.control.listSessions().find((s) => s.ended === true)?.id as string;
    r.sim.control.archiveSession(gone);
    await poll(r);
    expect(boardIds(r).has(gone)).toBe(false);
    expect(boardIds(r).size).toBe(1_999);
  }, 60_000);

  it('10,000 calls (100 pages): calls archived while others arrive and change are gone after one poll, every time', async () => {
    const r = await strictRig({}, 10_000);
    expect(boardIds(r).size).toBe(10_000);
    const ended = r.sim.control.listSessions().filter((s) => s.ended === true);
    const live = r.sim.control.listSessions().filter((s) => !s.ended);
    for (let round = 0; round < 2; round++) {
      await r.step(2_000);
      // One call leaves (archived) in the same poll as one arrives and one changes: the count alone
      // would add up if the arrival were not read; the changes read reads it, so the count tells.
      const gone = ended[round * 1_000]?.id as string;
      r.sim.control.archiveSession(gone);
      const arrived = r.sim.control.addSession({ accountId: NORTH, callState: 'Ringing' }).id as string;
      r.sim.control.updateSession(live[round]?.id as string, { consoleData: `round ${round}` });
      await poll(r);
      const board = boardIds(r);
      expect(board.has(gone), `round ${round}`).toBe(false);
      expect(board.has(arrived)).toBe(true);
      expect(board.size).toBe(10_000);
      const server = new Set(r.sim.control.listSessions().map((s) => s.id));
      expect(
        [...board].filter((id) => !server.has(id)),
        `round ${round}: on the board, not on the server`,
      ).toEqual([]);
    }
  }, 120_000);

  it('reads everything again every 60 s (30 s a page for a long list), and only what changed in between', async () => {
    const r = await strictRig({}, 250);
    const full = () => r.sim.control.requests({ method: 'GET', pathPrefix: '/sessions' }).filter((q) => !sorted(q));
    // The sign-in's full read found nothing (1 page): the next is due after 60 s.
    r.sim.control.clearRequests();
    await r.step(FULL_READ_EVERY_MS + 1_000);
    expect(full().map((q) => q.query.Page)).toEqual(['0', '1', '2']);
    expect(r.sim.control.requests({ method: 'GET', pathPrefix: '/sessions' }).filter(sorted).length).toBeGreaterThan(0);
    // That one took 3 pages: the next is due 90 s after it.
    r.sim.control.clearRequests();
    await r.step(FULL_READ_EVERY_MS + 1_000);
    expect(full()).toEqual([]);
    await r.step(3 * FULL_READ_MS_PER_PAGE - FULL_READ_EVERY_MS + 2_500);
    expect(full().map((q) => q.query.Page)).toEqual(['0', '1', '2']);
  });

  it('a server that ignores SortField is found on the first page, logged once, and read in full from then on', async () => {
    const r = await strictRig({ ignoreSort: true }, 250);
    expect(r.sim.control.requests({ method: 'GET', pathPrefix: '/sessions' }).filter(sorted)).toHaveLength(1);
    const second = await poll(r);
    expect(second.some(sorted)).toBe(false);
    expect(second.map((q) => q.query.Page)).toEqual(['0', '1', '2']);
    const id = r.sim.control.listSessions().find((s) => !s.ended)?.id as string;
    r.sim.control.updateSession(id, { consoleData: 'seen in a full read' });
    await poll(r);
    expect(r.core.getSnapshot().sessions.find((s) => s.id === id)?.consoleData).toBe('seen in a full read');
    expect(r.log.lines.filter((l) => l.includes('ignores SortField'))).toHaveLength(1);
  });

  it('with ETag / Last-Modified, an unchanged poll is one 304 and a change is read in full', async () => {
    const r = await strictRig({ conditionalGets: true }, 50);
    await poll(r);
    const unchanged = await poll(r);
    expect(unchanged.map((q) => q.status)).toEqual([304]);
    const id = r.sim.control.listSessions().find((s) => !s.ended)?.id as string;
    r.sim.control.updateSession(id, { consoleData: 'after a 304' });
    const changed = await poll(r);
    expect(changed.map((q) => q.status)).toEqual([200]);
    expect(r.core.getSnapshot().sessions.find((s) => s.id === id)?.consoleData).toBe('after a 304');
  });

  it('the activity feed reads one page a poll, even when the window holds more', async () => {
    const r = await strictRig({}, 0);
    for (let i = 0; i < 250; i++) {
      const id = r.sim.control.addSession({ accountId: NORTH, callState: 'Connected' }).id as string;
      r.sim.control.endSession(id);
    }
    r.sim.control.clearRequests();
    await r.step(5 * 60_000);
    const activity = r.sim.control.requests({ method: 'GET', pathPrefix: '/portal/activity' });
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.every((q) => q.query.Page === '0')).toBe(true);
  });
});
