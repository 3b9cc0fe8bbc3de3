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
});
