// One poll against the simulator, beyond tests/core/polling.test.ts: nothing asked for before an
// account is chosen among several, the account list loaded by the poll when sign-in could not,
// the words of a failing activity feed (and missed calls still seen meanwhile), a rejected
// password there ending the sign-in, the failed poll's log line and its next retry to the ms.
import { afterEach, describe, expect, it } from 'vitest';

import { DEMO_USER } from '../../src/simulator/types';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const credentials = () => ({
  serverUrl: rig.sim.url,
  userName: DEMO_USER.userName,
  password: DEMO_USER.password,
  remember: false,
});

describe('poll cycle', () => {
  it('with several accounts listed and none chosen, polls ask for no calls and the line is online', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ authStatus: 'full' });
    await rig.core.signIn(credentials());
    rig.sim.control.clearRequests();
    await rig.step(120_000);
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toEqual([]);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/activity' })).toEqual([]);
    expect(rig.core.getState().connection.status).toBe('online');
    expect(rig.settings.getSettings().accountId).toBe('');
  });

  it('the account list that failed at sign-in is loaded by the next poll, and the only account is saved', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ authStatus: 'full' });
    rig.sim.control.addFault({ endpoint: 'auth-status', kind: 'reset', count: 1 });
    await rig.core.signIn(credentials());
    expect(rig.core.getState().identity?.accounts).toEqual([]);
    rig.sim.control.setStrictness({ authStatus: 'full' });
    await rig.step(70_000);
    expect(rig.core.getState().identity?.accounts.map((a) => a.id)).toEqual(['acct-north', 'acct-south']);
  });

  it('a failing activity feed says so in words, and a missed call still shows meanwhile', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'activity', kind: 'error-500', rate: 1 });
    liveCall(rig.sim);
    await rig.step(70_000);
    const connection = rig.core.getState().connection;
    expect(connection.status).toBe('degraded');
    expect(connection.message).toMatch(/^Recent activity is not updating: .+ is having trouble \(HTTP 500/);
    const ringing = rig.sim.control.addSession({
      accountId: 'acct-north',
      callState: 'Ringing',
      fromName: 'Meanwhile',
    });
    await rig.step(5_000);
    rig.sim.control.missCall(ringing.id as string);
    await rig.step(70_000);
    expect(rig.core.getState().missed.map((m) => m.sessionId)).toContain(ringing.id);
  });

  it('a failed poll logs its code, status and count, and says its next retry to the ms', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 2 });
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.log.lines.filter((l) => l.startsWith('warn Poll failed'))).toEqual([
      'warn Poll failed {"code":"server","status":500,"failures":1}',
    ]);
    const { nextRetry } = rig.core.getState().connection;
    expect(Math.abs(Date.parse(nextRetry ?? '') - rig.clock.now() - Math.min(...rig.clock.pending()))).toBeLessThan(1);
    await rig.step(Math.min(...rig.clock.pending()));
    expect(rig.log.lines.filter((l) => l.startsWith('warn Poll failed')).at(-1)).toBe(
      'warn Poll failed {"code":"server","status":500,"failures":2}',
    );
  });

  it('an account list failing in the poll is retried after the backoff, not the idle interval', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ authStatus: 'full' });
    rig.sim.control.addFault({ endpoint: 'auth-status', kind: 'reset', count: 2 });
    await rig.core.signIn(credentials());
    await rig.step(5_000);
    expect(rig.core.getState().identity?.accounts.map((a) => a.id)).toEqual(['acct-north', 'acct-south']);
  });

  it('keeps one sessions feed per sign-in: the next poll reads only what changed', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    rig.sim.control.clearRequests();
    await rig.step(12_000);
    const sorted = rig.sim.control
      .requests({ pathPrefix: '/sessions', method: 'GET' })
      .filter((r) => r.query.SortField === 'dateLastModified');
    expect(sorted.length).toBeGreaterThan(0);
  });

  it('a failed activity read is tried again on the next poll, not a window later', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    liveCall(rig.sim);
    await rig.step(30_000);
    rig.sim.control.addFault({ endpoint: 'activity', kind: 'error-500', count: 1 });
    rig.sim.control.clearRequests();
    await rig.step(20_000);
    const activity = rig.sim.control.requests({ pathPrefix: '/portal/activity' });
    expect(activity.map((r) => r.status)).toEqual([500, 200, ...activity.slice(2).map(() => 200)]);
    expect(activity[1]!.at - activity[0]!.at).toBeLessThan(5_000);
  });

  it('Retry now does not end a wait the server asked for with Retry-After', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'rate-limit', count: 1, retryAfterSeconds: 30 });
    rig.core.pollNow();
    await rig.core.settled();
    rig.sim.control.clearRequests();
    rig.core.pollNow();
    await rig.core.settled();
    await rig.step(25_000);
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toEqual([]);
  });
});
