// Call history, dashboard, settings and diagnostics through the core, against the simulator.
import { afterEach, describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { DEMO_USER } from '../../src/simulator/types';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

describe('views', () => {
  it('loads a page of call history for the chosen account, and searches it on the server', async () => {
    rig = await startRig();
    await rig.signIn();
    const ids = [liveCall(rig.sim, { fromName: 'Ada' }), liveCall(rig.sim, { fromName: 'Bob' })];
    for (const id of ids) rig.sim.control.endSession(id);
    const all = await rig.core.loadCallHistory({ page: 0, countPerPage: 10 });
    expect(all).toMatchObject({ page: 0, countPerPage: 10, hasMore: false, totalCount: 2 });
    expect(rig.sim.control.requests({ pathPrefix: '/portal/call-history' }).at(-1)?.query).toMatchObject({
      AccountId: 'acct-north',
      Page: '0',
      CountPerPage: '10',
    });
    const page = await rig.core.loadCallHistory({ page: 0, countPerPage: 10, search: 'ada' });
    expect(page).toMatchObject({ page: 0, countPerPage: 10, hasMore: false, totalCount: 1 });
    expect(page.items.map((s) => s.fromName)).toEqual(['Ada']);
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' }).at(-1)?.query).toMatchObject({
      AccountIds: 'acct-north',
      From: 'ada',
      Page: '0',
    });
  });

  it('loads the dashboard', async () => {
    rig = await startRig();
    await rig.signIn();
    const home = await rig.core.loadDashboard();
    expect(Array.isArray(home.callMetrics)).toBe(true);
  });

  it('refuses views before sign-in with words to act on', async () => {
    rig = await startRig();
    await expect(rig.core.loadDashboard()).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('validates settings and polls again with the new scope', async () => {
    rig = await startRig();
    await rig.signIn();
    expect(() => rig.core.updateSettings({ pollLiveMs: 5 })).toThrow(CoreError);
    rig.sim.control.clearRequests();
    const next = rig.core.updateSettings({ endpointIds: ['line-1', 'line-2'] });
    expect(next.endpointIds).toEqual(['line-1', 'line-2']);
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' }).at(-1)?.query).toMatchObject({
      AccountIds: 'acct-north',
      EndpointIds: 'line-1,line-2',
      StartDate: '2026-11-23',
      SimplifiedPaging: 'false',
    });
    expect(rig.events.some((e) => e.type === 'settings')).toBe(true);
  });

  it('writes diagnostics without the password', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
    rig.core.pollNow();
    await rig.core.settled();
    const text = rig.core.diagnostics();
    expect(text).toContain(`user ${DEMO_USER.userName}`);
    expect(text).toContain('server 500');
    expect(text).not.toContain(DEMO_USER.password);
  });
});
