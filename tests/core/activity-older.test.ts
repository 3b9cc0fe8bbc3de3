// Older activity on request (issue 25): polls read the first page only; 'activity:more' reads the
// next one and the list keeps it under the news, with no gap as new calls push the pages down.
// Strict simulator (pages capped at 100), over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';

import { startSimulator } from '../../src/simulator/index';
import { STRICT } from '../../src/simulator/strictness';
import type { Simulator } from '../../src/simulator/types';
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

function endedCall(r: Rig): string {
  const id = r.sim.control.addSession({ accountId: NORTH, callState: 'Connected' }).id as string;
  r.sim.control.endSession(id);
  return id;
}

const activityIds = (r: Rig) => r.core.getSnapshot().activity.map((s) => s.id as string);
const activityPages = (r: Rig) =>
  r.sim.control.requests({ method: 'GET', pathPrefix: '/portal/activity' }).map((q) => q.query.Page);

describe('older activity, on request', () => {
  it('polls read page 0; each ask reads the next page, kept under the news without gaps, until the server has no more', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START, strictness: STRICT });
    rig = await startRig({ sim, requestTimeoutMs: 5_000 });
    await rig.signIn();
    const r = rig;
    for (let i = 0; i < 250; i++) {
      endedCall(r);
      await r.step(1_000);
    }
    await r.step(5 * 60_000);
    expect(activityIds(r)).toHaveLength(100);

    r.sim.control.clearRequests();
    expect(await r.core.loadOlderActivity()).toEqual({ added: 100, more: true });
    expect(activityPages(r)).toEqual(['1']);
    expect(r.sim.control.requests({ pathPrefix: '/portal/activity' })[0]?.query.CountPerPage).toBe('100');
    expect(new Set(activityIds(r)).size).toBe(200);

    // New calls push the first page down: the ones pushed off it stay, polls still read one page.
    const fresh = [endedCall(r), endedCall(r), endedCall(r)];
    r.sim.control.clearRequests();
    await r.step(5 * 60_000);
    expect(activityPages(r).every((page) => page === '0')).toBe(true);
    expect(activityPages(r).length).toBeGreaterThan(0);
    expect(new Set(activityIds(r)).size).toBe(203);
    for (const id of fresh) expect(activityIds(r)).toContain(id);

    expect(await r.core.loadOlderActivity()).toEqual({ added: 50, more: false });
    const server = r.sim.control.listSessions().map((s) => s.id as string);
    expect(new Set(activityIds(r))).toEqual(new Set(server));

    r.sim.control.clearRequests();
    expect(await r.core.loadOlderActivity()).toEqual({ added: 0, more: false });
    expect(activityPages(r)).toEqual([]);
  }, 60_000);

  it('two asks at once read the page once', async () => {
    sim = await startSimulator({ clock: 'manual', scenario: false, seed: 2, startTime: START, strictness: STRICT });
    rig = await startRig({ sim, requestTimeoutMs: 5_000 });
    await rig.signIn();
    const r = rig;
    for (let i = 0; i < 150; i++) endedCall(r);
    await r.step(5 * 60_000);
    r.sim.control.clearRequests();
    const [a, b] = await Promise.all([r.core.loadOlderActivity(), r.core.loadOlderActivity()]);
    expect(a).toEqual({ added: 50, more: false });
    expect(b).toEqual(a);
    expect(activityPages(r)).toEqual(['1']);
  });
});
