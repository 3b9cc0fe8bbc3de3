// History search by number (issue 24): a number however it is typed, and all of a caller's calls
// on the first page even when they are split between the live sessions and the archive.
import { afterEach, describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import { startSimulator } from '../../src/simulator/index';
import type { Simulator } from '../../src/simulator/types';
import { type Rig, START, startRig } from './rig';

const DAY = 86_400_000;
let sim: Simulator | undefined;
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  await sim?.close();
  rig = undefined;
  sim = undefined;
});

function pastCall(s: Simulator, ago: number, fields: Partial<SessionInfo>): string {
  const id = s.control.addSession({
    accountId: 'acct-north',
    callState: 'Connected',
    dateCreated: new Date(s.control.now() - ago).toISOString(),
    ...fields,
  }).id as string;
  s.control.endSession(id);
  return id;
}

describe('history search by number', () => {
  it('finds one caller in every way the number is typed, with all three calls on the first page', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START });
    rig = await startRig({ sim });
    const caller = { fromName: 'Rosa Repeat', fromAddress: '+17735550102' };
    const recent = pastCall(sim, 60_000, caller);
    const older = [pastCall(sim, 20 * DAY, caller), pastCall(sim, 25 * DAY, caller)];
    for (const id of older) sim.control.archiveSession(id);
    pastCall(sim, 120_000, { fromName: 'Someone Else', fromAddress: '+13125550199' });
    await rig.signIn();

    for (const search of ['(773) 555-0102', '773-555-0102', '+17735550102', '773 555 0102', '1 773 555 0102']) {
      const page = await rig.core.loadCallHistory({ page: 0, countPerPage: 50, search });
      expect(
        page.items.map((s) => s.id),
        search,
      ).toEqual([recent, ...older]);
      expect(page.totalCount, search).toBe(3);
      expect(page.hasMore, search).toBe(false);
    }
    const asked = sim.control.requests({ pathPrefix: '/sessions' }).map((r) => r.query.From);
    expect(new Set(asked.filter(Boolean))).toEqual(new Set(['+17735550102']));
    // Page 0 asks both lists at once, and the archive's first page is used as it came: two a search.
    expect(asked.filter(Boolean)).toHaveLength(10);
  });

  it('pages on into the archive after the live calls, each call once', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START });
    rig = await startRig({ sim });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(pastCall(sim, (i + 1) * 60_000, { fromAddress: '+17735550102' }));
    for (let i = 0; i < 7; i++) {
      const id = pastCall(sim, (i + 10) * DAY, { fromAddress: '+17735550102' });
      sim.control.archiveSession(id);
      ids.push(id);
    }
    await rig.signIn();
    const seen: string[] = [];
    for (let page = 0, more = true; more; page++) {
      const answer = await rig.core.loadCallHistory({ page, countPerPage: 3, search: '773.555.0102' });
      seen.push(...answer.items.map((s) => s.id ?? ''));
      more = answer.hasMore;
      expect(page).toBeLessThan(10);
    }
    expect(seen).toEqual(ids);
  });

  it('oldest first: the archive is read first, then the live calls, each call once', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START });
    rig = await startRig({ sim });
    const live: string[] = [];
    const archived: string[] = [];
    for (let i = 0; i < 4; i++) live.push(pastCall(sim, (i + 1) * 60_000, { fromAddress: '+17735550102' }));
    for (let i = 0; i < 4; i++) {
      const id = pastCall(sim, (i + 10) * DAY, { fromAddress: '+17735550102' });
      sim.control.archiveSession(id);
      archived.push(id);
    }
    await rig.signIn();
    const seen: string[] = [];
    let total: number | undefined;
    for (let page = 0, more = true; more; page++) {
      const answer = await rig.core.loadCallHistory({ page, countPerPage: 3, search: '7735550102', order: 'oldest' });
      total ??= answer.totalCount;
      seen.push(...answer.items.map((s) => s.id ?? ''));
      more = answer.hasMore;
      expect(page).toBeLessThan(10);
    }
    expect(seen).toEqual([...archived.reverse(), ...live.reverse()]);
    expect(total).toBe(8);
    const searches = sim.control.requests({ pathPrefix: '/sessions' }).filter((r) => r.query.From !== undefined);
    const orders = searches.map((r) => r.query.SortOrder);
    expect(new Set(orders)).toEqual(new Set(['Ascend']));
    // Both lists' first pages at once, then one page of each list a page: the live list's first page is not read twice.
    expect(searches.map((r) => `${r.query.SearchArchive} ${r.query.Page}`)).toEqual([
      'true 0',
      'false 0',
      'true 1',
      'false 0',
      'true 2',
      'false 1',
    ]);
  });

  it('a blank search is no search: the history list, in the order asked', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START });
    rig = await startRig({ sim });
    const ids = [1, 2, 3].map((i) => pastCall(sim as Simulator, i * 60_000, { fromAddress: '+17735550102' }));
    await rig.signIn();
    sim.control.clearRequests();
    const newest = await rig.core.loadCallHistory({ page: 0, countPerPage: 50, search: '   ' });
    const oldest = await rig.core.loadCallHistory({ page: 0, countPerPage: 50, order: 'oldest' });
    expect(newest.items.map((s) => s.id)).toEqual(ids);
    expect(oldest.items.map((s) => s.id)).toEqual([...ids].reverse());
    expect(newest.hasMore).toBe(false);
    expect(newest.totalCount).toBe(3);
    expect(sim.control.requests({ pathPrefix: '/sessions' })).toEqual([]);
    const asked = sim.control.requests({ pathPrefix: '/portal/call-history' }).map((r) => r.query.SortOrder);
    expect(asked).toEqual(['Descend', 'Ascend']);
  });

  it('a date range alone, from or to, is searched on the server over the live calls and the archive', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START });
    rig = await startRig({ sim });
    const recent = pastCall(sim, 60_000, {});
    const old = pastCall(sim, 20 * DAY, {});
    sim.control.archiveSession(old);
    await rig.signIn();
    const cut = new Date(sim.control.now() - 10 * DAY).toISOString().slice(0, 10);
    const before = await rig.core.loadCallHistory({ page: 0, countPerPage: 50, endDate: cut });
    const after = await rig.core.loadCallHistory({ page: 0, countPerPage: 50, startDate: cut });
    expect(before.items.map((s) => s.id)).toEqual([old]);
    expect(after.items.map((s) => s.id)).toEqual([recent]);
    const asked = sim.control.requests({ pathPrefix: '/sessions' }).filter((r) => r.query.SearchArchive !== undefined);
    expect(asked.map((r) => [r.query.StartDate, r.query.EndDate, r.query.From])).toContainEqual([
      undefined,
      cut,
      undefined,
    ]);
    expect(asked.map((r) => [r.query.StartDate, r.query.EndDate, r.query.From])).toContainEqual([
      cut,
      undefined,
      undefined,
    ]);
  });
});
