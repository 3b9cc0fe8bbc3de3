// The poll cycle against the simulator: patches carry only what changed, nothing when nothing
// changed; every injected fault leaves the core working and reporting its connection; adaptive
// cadence, sleep, and the request rate per hour, all on a stepped clock.
import { afterEach, describe, expect, it } from 'vitest';

import type { CoreEvent } from '../../src/main/core/console';
import type { LivePatch } from '../../src/shared/live';
import { applyListPatch } from '../../src/shared/live';
import type { FaultKind } from '../../src/simulator/types';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const HOUR = 3_600_000;
const patches = (events: CoreEvent[]): LivePatch[] => events.flatMap((e) => (e.type === 'patch' ? [e.patch] : []));

describe('live patches', () => {
  it('sends only the changed fields, nothing when nothing changed, and versions follow on', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    const a = liveCall(rig.sim, { fromName: 'Ada' });
    const b = liveCall(rig.sim, { fromName: 'Bob' });
    await rig.step(20_000);
    let copy = rig.core.getSnapshot();
    expect(copy.sessions.map((s) => s.id).sort()).toEqual([a, b].sort());

    rig.events.length = 0;
    await rig.step(30_000);
    expect(patches(rig.events)).toEqual([]);

    rig.sim.control.updateSession(a, { fromName: 'Ada Lovelace' });
    rig.sim.control.endSession(b);
    await rig.step(2500);
    const [patch, ...rest] = patches(rig.events);
    expect(rest).toEqual([]);
    expect(patch?.version).toBe(copy.version + 1);
    const change = patch?.sessions?.changed.find((c) => c.id === a);
    expect(change?.set).toEqual({ fromName: 'Ada Lovelace', dateLastModified: expect.any(String) });
    copy = { ...copy, version: patch?.version ?? 0, sessions: applyListPatch(copy.sessions, patch?.sessions) };
    expect(copy.sessions).toEqual(rig.core.getSnapshot().sessions);
  });

  it('a subscriber gets the snapshot first, then patches', async () => {
    rig = await startRig();
    await rig.signIn();
    const seen: CoreEvent['type'][] = [];
    rig.core.subscribe((e) => seen.push(e.type));
    liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    expect(seen.slice(0, 2)).toEqual(['snapshot', 'state']);
    expect(seen).toContain('patch');
  });
});

describe('faults', () => {
  const cases: [FaultKind, 'degraded' | 'offline'][] = [
    ['error-500', 'degraded'],
    ['bad-gateway-html', 'degraded'],
    ['rate-limit', 'degraded'],
    ['malformed-json', 'degraded'],
    ['truncated-json', 'degraded'],
    ['reset', 'offline'],
    ['hang', 'offline'],
  ];
  for (const [kind, status] of cases) {
    it(`${kind}: reports ${status}, backs off, and recovers by itself`, async () => {
      rig = await startRig();
      await rig.signIn();
      const id = liveCall(rig.sim);
      rig.sim.control.addFault({ endpoint: 'sessions', kind, count: 3, retryAfterSeconds: 8 });
      rig.core.pollNow();
      await rig.core.settled();
      const connection = rig.core.getState().connection;
      expect(connection.status).toBe(status);
      expect(connection.message).toBeTruthy();
      expect(connection.nextRetry).toBeTruthy();
      expect(connection.lastGoodPoll).toBeTruthy();
      if (kind === 'rate-limit') expect(Math.min(...rig.clock.pending())).toBeGreaterThanOrEqual(8000);
      await rig.step(90_000);
      expect(rig.core.getState().connection.status).toBe('online');
      expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toContain(id);
    });
  }

  it('drifting answers (unknown enum, extra and missing fields) keep the board working', async () => {
    rig = await startRig();
    await rig.signIn();
    const id = liveCall(rig.sim, { fromName: 'Ada' });
    for (const kind of ['drift-enum', 'drift-extra-field', 'drift-missing-field'] as const) {
      rig.sim.control.addFault({ endpoint: '*', kind, count: 2 });
      rig.core.pollNow();
      await rig.core.settled();
      expect(rig.core.getState().connection.status).toBe('online');
      expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toContain(id);
    }
  });

  it('a failing activity feed degrades the state but the live board keeps updating', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'activity', kind: 'error-500', rate: 1 });
    const id = liveCall(rig.sim);
    await rig.step(70_000);
    expect(rig.core.getState().connection).toMatchObject({
      status: 'degraded',
      message: expect.stringMatching(/activity/),
    });
    expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toContain(id);
    rig.sim.control.clearFaults();
    await rig.step(70_000);
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('a long outage backs off to at most a minute between tries, then comes back', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    rig.sim.control.clearRequests();
    rig.core.pollNow();
    await rig.step(30 * 60_000);
    const tries = rig.sim.control.requests({ pathPrefix: '/sessions' }).length;
    expect(tries).toBeGreaterThan(30);
    expect(tries).toBeLessThan(60);
    expect(rig.core.getState().connection.status).toBe('offline');
    expect(Math.max(...rig.clock.pending())).toBeLessThanOrEqual(60_000);
    rig.sim.control.clearFaults();
    await rig.step(60_000);
    expect(rig.core.getState().connection.status).toBe('online');
  });
});

describe('one not-before time per server', () => {
  it('immediate polls (window shown, unlock, network back, retry, after an action) wait out the backoff', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', rate: 1 });
    for (let i = 0; i < 4; i++) {
      rig.core.pollNow();
      await rig.core.settled();
    }
    rig.sim.control.clearRequests();
    rig.core.setWindowVisible(true);
    await rig.core.settled();
    rig.power.emit('unlock-screen');
    await rig.core.settled();
    rig.power.emit('online');
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toHaveLength(0);
    rig.sim.control.clearFaults();
    await rig.step(60_000);
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('a Retry-After on the activity feed alone holds every poll off until it has passed', async () => {
    rig = await startRig();
    await rig.signIn();
    // Visible, so the activity feed is read every few polls (hidden and idle it waits for an ended call).
    rig.core.setWindowVisible(true);
    rig.sim.control.addFault({ endpoint: 'activity', kind: 'rate-limit', retryAfterSeconds: 300, count: 1 });
    await rig.step(70_000);
    const limited = rig.sim.control.requests({ pathPrefix: '/portal/activity' }).filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    rig.sim.control.clearRequests();
    rig.core.setWindowVisible(true);
    rig.power.emit('unlock-screen');
    rig.power.emit('online');
    rig.core.pollNow();
    await rig.step(4 * 60_000);
    expect(rig.sim.control.requests()).toHaveLength(0);
    await rig.step(2 * 60_000);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/activity' }).length).toBeGreaterThan(0);
    expect(rig.core.getState().connection.status).toBe('online');
  });
});

describe('cadence', () => {
  it('never stacks requests: clicks during a slow poll give one more poll, not many', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.clearRequests();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'latency', ms: 150, count: 1 });
    for (let i = 0; i < 5; i++) rig.core.pollNow();
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toHaveLength(2);
  });

  it('pauses while asleep and polls at once on resume, unlock and network back', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.power.emit('suspend');
    rig.sim.control.clearRequests();
    await rig.step(3 * HOUR);
    expect(rig.sim.control.requests()).toHaveLength(0);
    rig.power.emit('resume');
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toHaveLength(1);
    rig.power.emit('unlock-screen');
    await rig.core.settled();
    rig.power.emit('online');
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toHaveLength(3);
  });

  /** Requests over `minutes` of stepped time, scaled to one hour. */
  async function requestsPerHour(
    setup: (rig: Rig) => void,
    minutes: number,
  ): Promise<{ sessions: number; activity: number; all: number }> {
    rig = await startRig();
    await rig.signIn();
    setup(rig);
    await rig.step(60_000);
    rig.sim.control.clearRequests();
    await rig.step(minutes * 60_000);
    const perHour = (n: number) => Math.round((n * 60) / minutes);
    return {
      sessions: perHour(rig.sim.control.requests({ pathPrefix: '/sessions' }).length),
      activity: perHour(rig.sim.control.requests({ pathPrefix: '/portal/activity' }).length),
      all: perHour(rig.sim.control.requests().length),
    };
  }

  it('an idle agent with the window hidden sends at most 70 requests an hour (measured over 2 h)', async () => {
    const rate = await requestsPerHour(() => undefined, 120);
    console.info('requests per hour, idle + hidden:', rate);
    expect(rate.sessions).toBeGreaterThanOrEqual(55);
    expect(rate.sessions).toBeLessThanOrEqual(67);
    expect(rate.activity).toBeGreaterThanOrEqual(5);
    expect(rate.activity).toBeLessThanOrEqual(7);
    expect(rate.all).toBeLessThanOrEqual(70);
  });

  it('hidden and idle: the activity feed waits, a call that ends brings it on the same poll, a missed call within one idle interval', async () => {
    rig = await startRig();
    await rig.signIn();
    const queued = { accountId: 'acct-north', callState: 'Passive', queueState: 'Queued', ended: false } as const;
    const first = rig.sim.control.addSession({ ...queued }).id as string;
    const second = rig.sim.control.addSession({ ...queued }).id as string;
    const idle = rig.core.getSettings().pollIdleMs;
    await rig.step(idle);
    rig.sim.control.clearRequests();
    await rig.step(4 * idle);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/activity' })).toEqual([]);
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' }).length).toBeGreaterThanOrEqual(3);

    rig.sim.control.missCall(first);
    rig.sim.control.clearRequests();
    await rig.step(idle * 1.1);
    expect(rig.notifier.shown.map((n) => n.sessionId)).toEqual([first]);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/activity' }).length).toBe(1);
    expect(rig.core.getSnapshot().activity.map((s) => s.id)).toContain(first);

    rig.sim.control.endSession(second);
    rig.sim.control.clearRequests();
    await rig.step(idle * 1.1);
    expect(rig.sim.control.requests({ pathPrefix: '/portal/activity' }).length).toBe(1);
    expect(rig.core.getSnapshot().activity.map((s) => s.id)).toContain(second);
  });

  it('an agent on a live call with the window visible polls sessions every ~2 s, activity every ~15 s (measured over 15 min)', async () => {
    const rate = await requestsPerHour((r) => {
      r.core.setWindowVisible(true);
      liveCall(r.sim);
    }, 15);
    console.info('requests per hour, live call + visible:', rate);
    expect(rate.sessions).toBeGreaterThanOrEqual(1650);
    expect(rate.sessions).toBeLessThanOrEqual(2000);
    expect(rate.activity).toBeGreaterThanOrEqual(200);
    expect(rate.activity).toBeLessThanOrEqual(300);
  });
});

describe('the connection line and the recent errors', () => {
  it('tells subscribers each time the line changes, and keeps the last 20 errors with their status', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.events.length = 0;
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', rate: 1 });
    await rig.step(40 * 60_000);
    const states = rig.events.flatMap((e) => (e.type === 'state' ? [e.state.connection] : []));
    expect(states.at(-1)?.status).toBe('degraded');
    // Every failed poll moves the next retry: one state event each, none repeated as it was.
    const retries = states.map((c) => c.nextRetry).filter((r) => r !== undefined);
    expect(retries.length).toBeGreaterThan(20);
    expect(new Set(retries).size).toBe(retries.length);
    const lines = rig.core
      .diagnostics()
      .split('\n')
      .filter((l) => / server 500: /.test(l));
    expect(lines).toHaveLength(20);

    rig.sim.control.clearFaults();
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.events.at(-1)).toMatchObject({ type: 'state', state: { connection: { status: 'online' } } });
  });
});
