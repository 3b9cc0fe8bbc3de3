// The client against a simulator that behaves like a real ServiceStack server (issue 12): capped
// pages, reference paging, oldest-first default order, calls across midnight, mixed date formats
// and string booleans, and the history searched on the server over the live calls and the archive.
import { afterEach, describe, expect, it } from 'vitest';

import { createEvoVoiceClient } from '../../src/main/core/client';
import { CoreError } from '../../src/main/core/errors';
import { readAllPages } from '../../src/main/core/paging';
import type { SessionInfo } from '../../src/shared/evovoice';
import { startSimulator } from '../../src/simulator/index';
import type { Strictness } from '../../src/simulator/strictness';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { liveCall, type Rig, START, startRig } from './rig';

let rig: Rig | undefined;
let sim: Simulator | undefined;
const originalTz = process.env.TZ;
afterEach(async () => {
  await rig?.close();
  await sim?.close();
  rig = undefined;
  sim = undefined;
  process.env.TZ = originalTz;
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NORTH = 'acct-north';

async function strictRig(strictness: Partial<Strictness>, startTime = START): Promise<Rig> {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime, strictness });
  rig = await startRig({ sim });
  return rig;
}

/** A finished call on the first account, `ago` ms before the simulator's now. */
function pastCall(s: Simulator, ago: number, fields: Partial<SessionInfo> = {}): string {
  const id = s.control.addSession({
    accountId: NORTH,
    callState: 'Connected',
    dateCreated: new Date(s.control.now() - ago).toISOString(),
    ...fields,
  }).id as string;
  s.control.endSession(id);
  return id;
}

describe('paging (defects 1 and 3)', () => {
  it('defect 1: the board reads every page when the server caps the page size at 100', async () => {
    const r = await strictRig({ maxPageSize: 100, referencePaging: true });
    r.sim.control.loadSessions(250, { accountId: NORTH });
    await r.signIn();
    // One more poll: the rig's 500 ms request timeout can cut the first one on a busy machine.
    await r.step(61_000);
    expect(r.core.getSnapshot().sessions).toHaveLength(250);
    // The full reads (the ones not sorted by change) read every page.
    const full = r.sim.control.requests({ pathPrefix: '/sessions' }).filter((q) => q.query.SortField === undefined);
    expect(full.map((q) => q.query.Page).slice(-3)).toEqual(['0', '1', '2']);
  });

  it('defect 1: with SimplifiedPaging the list ends at the empty page, and too many pages is an error with words', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START, strictness: {} });
    sim.control.setStrictness({ maxPageSize: 10, referencePaging: true });
    sim.control.loadSessions(35, { accountId: NORTH });
    const api = createEvoVoiceClient({ baseUrl: sim.url, fetch: globalThis.fetch });
    await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    const read = (maxPages: number) =>
      readAllPages((paging) => api.getSessions({ accountIds: [NORTH], ...paging }), {
        countPerPage: 50,
        maxPages,
        simplifiedPaging: true,
      });
    expect(await read(10)).toHaveLength(35);
    expect(sim.control.requests({ pathPrefix: '/sessions' }).map((q) => q.query.Page)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    const error = await read(2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toMatch(/20 in 2 pages.*choose fewer lines/);
  });

  it('defect 3: history offers more pages from totalPages when the server sends no hasMorePages', async () => {
    const r = await strictRig({ maxPageSize: 25, referencePaging: true });
    for (let i = 0; i < 60; i++) pastCall(r.sim, (i + 1) * MINUTE);
    await r.signIn();
    const seen: string[] = [];
    for (let page = 0, more = true; more; page++) {
      const answer = await r.core.loadCallHistory({ page, countPerPage: 50 });
      seen.push(...answer.items.map((s) => s.id as string));
      more = answer.hasMore;
      expect(page).toBeLessThan(5);
    }
    expect(new Set(seen).size).toBe(60);
  });
});

describe('order and midnight (defects 4 and 7)', () => {
  it('defect 4: the activity feed asks for newest first and keeps the newest calls', async () => {
    const r = await strictRig({ maxPageSize: 100, oldestFirst: true });
    for (let i = 0; i < 450; i++) pastCall(r.sim, 2 * MINUTE + i * 30_000);
    await r.signIn();
    const newest = pastCall(r.sim, 10_000, { fromName: 'Newest Caller' });
    r.core.pollNow();
    await r.core.settled();
    await r.step(5 * MINUTE);
    expect(r.core.getSnapshot().activity.map((s) => s.id)).toContain(newest);
    expect(r.sim.control.requests({ pathPrefix: '/portal/activity' }).at(-1)?.query).toMatchObject({
      SortField: 'dateCreated',
      SortOrder: 'Descend',
    });
  });

  it('defect 7: a call that started before midnight stays on the board and can be held; yesterday’s ended calls do not come back', async () => {
    process.env.TZ = 'UTC';
    const r = await strictRig({}, Date.parse('2026-11-24T00:10:00.000Z'));
    const late = liveCall(r.sim, { fromName: 'Late Caller', dateCreated: '2026-11-23T23:50:00.000Z' });
    const ended = pastCall(r.sim, 6 * 60 * MINUTE, { fromName: 'Ended Yesterday' });
    const fresh = liveCall(r.sim, { fromName: 'Fresh Caller' });
    await r.signIn();
    const board = () => r.core.getSnapshot().sessions.map((s) => s.id);
    expect(board()).toContain(late);
    expect(board()).toContain(fresh);
    expect(board()).not.toContain(ended);
    await r.core.hold({ sessionId: late, action: 'hold' });
    expect(r.sim.control.getSession(late)?.callState).toBe('Hold');
    await r.step(30_000);
    expect(r.core.getSnapshot().sessions.find((s) => s.id === late)?.callState).toBe('Hold');
  });
});

describe('dates and loose types (defect 12)', () => {
  it('every date the server sends reaches the board as ISO in UTC, and "true"/"false" as booleans', async () => {
    const r = await strictRig({ mixedDates: true, stringBooleans: true });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++)
      ids.push(liveCall(r.sim, { fromName: `Caller ${i}`, dateCreated: new Date(START - i * MINUTE).toISOString() }));
    for (let i = 0; i < 12; i++) ids.push(pastCall(r.sim, (30 + i) * MINUTE, { wasMissed: i % 2 === 0 }));
    await r.signIn();
    const board = r.core.getSnapshot().sessions;
    expect(board.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const s of board) {
      const stored = r.sim.control.getSession(s.id as string);
      expect(s.dateCreated).toBe(stored?.dateCreated);
      expect(s.dateLastModified).toBe(stored?.dateLastModified);
      expect(s.ended).toBe(stored?.ended ?? false);
      if (stored?.wasMissed !== undefined) expect(s.wasMissed).toBe(stored.wasMissed);
      for (const [i, entry] of (s.log ?? []).entries()) expect(entry.date).toBe(stored?.log?.[i]?.date);
    }
  });

  it('a call missed with wasMissed "true" is announced', async () => {
    const r = await strictRig({ stringBooleans: true, mixedDates: true });
    await r.signIn();
    await r.step(MINUTE);
    const missed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = liveCall(r.sim, { callState: 'Ringing', fromName: `Missed ${i}`, fromAddress: `+1555000${i}` });
      r.sim.control.missCall(id);
      missed.push(id);
    }
    await r.step(2 * MINUTE);
    expect(
      r.core
        .getState()
        .missed.map((m) => m.sessionId)
        .sort(),
    ).toEqual([...missed].sort());
  });
});

describe('history search over the whole history', () => {
  it('finds a call from last month by number or caller name, in the archive, with the total', async () => {
    const r = await strictRig({ maxPageSize: 100, referencePaging: true, oldestFirst: true, mixedDates: true });
    r.sim.control.loadArchive(400, { days: 31 });
    const old = pastCall(r.sim, 20 * DAY, { fromName: 'Marguerite Archived', fromAddress: '+15559871234' });
    r.sim.control.archiveSession(old);
    pastCall(r.sim, 5 * MINUTE, { fromName: 'Recent Caller', fromAddress: '+15550001111' });
    await r.signIn();

    for (const search of ['Marguerite', '9871234']) {
      const page = await r.core.loadCallHistory({ page: 0, countPerPage: 50, search });
      expect(page.items.map((s) => s.id)).toEqual([old]);
      expect(page.totalCount).toBe(1);
      expect(page.hasMore).toBe(false);
    }
    const asked = r.sim.control.requests({ pathPrefix: '/sessions' }).filter((q) => q.query.From === '9871234');
    expect(asked.map((q) => q.query.SearchArchive).sort()).toEqual(['false', 'true']);

    const day = new Date(r.sim.control.now() - 20 * DAY).toISOString().slice(0, 10);
    const onDay = await r.core.loadCallHistory({ page: 0, countPerPage: 50, startDate: day, endDate: day });
    expect(onDay.items.map((s) => s.id)).toContain(old);
    expect(onDay.items.every((s) => (s.dateCreated ?? '').slice(0, 10) === day)).toBe(true);
  });

  it('pages through live calls then the archive, newest first, each call once, as many as the total says', async () => {
    const r = await strictRig({ maxPageSize: 100, referencePaging: true, oldestFirst: true });
    r.sim.control.loadArchive(300, { days: 31 });
    for (let i = 0; i < 70; i++)
      pastCall(r.sim, (i + 1) * 10_000, { fromAddress: `+1555222${String(i).padStart(4, '0')}` });
    await r.signIn();
    const seen: SessionInfo[] = [];
    let total: number | undefined;
    for (let page = 0, more = true; more; page++) {
      const answer = await r.core.loadCallHistory({ page, countPerPage: 50, search: '+1' });
      total ??= answer.totalCount;
      seen.push(...answer.items);
      more = answer.hasMore;
      expect(page).toBeLessThan(20);
    }
    expect(total).toBeGreaterThan(170);
    expect(seen).toHaveLength(total ?? 0);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const dates = seen.map((s) => s.dateCreated ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
