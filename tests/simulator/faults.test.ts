// Fault injection: every kind is observable from the client, by count, by seeded rate, per endpoint.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { parseSessionList } from '../../src/shared/wire';
import { PROXY_SIGN_IN_URL } from '../../src/simulator/fault-answers';
import type { Simulator } from '../../src/simulator/index';
import { basic, call, start } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ httpControl: true });
  sim.control.loadSessions(5);
});
afterEach(() => {
  sim.control.clearFaults();
  sim.control.clearRequests();
});
afterAll(() => sim.close());

const get = (path = '/sessions', signal?: AbortSignal) =>
  fetch(sim.url + path, { headers: { authorization: basic() }, signal });

describe('fault kinds', () => {
  it('latency: answers normally, later', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'latency', ms: 200, count: 1 });
    const t0 = performance.now();
    const res = await get();
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
    expect(sim.control.requests()[0]).toMatchObject({ status: 200, fault: 'latency' });
  });

  it('hang: never answers', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'hang', count: 1 });
    await expect(get('/sessions', AbortSignal.timeout(300))).rejects.toThrow();
    expect(sim.control.requests()[0]).toMatchObject({ status: 0, fault: 'hang', auth: 'basic' });
    expect((await get()).status).toBe(200);
  });

  it('error-500: a ServiceStack error body', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
    const res = await get();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      responseStatus: { errorCode: 'InternalServerError', message: expect.any(String) },
    });
  });

  it("bad-gateway-html: a proxy's HTML page", async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'bad-gateway-html', count: 1 });
    const res = await get();
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toMatch(/^<html>/);
  });

  it('rate-limit: 429 with Retry-After', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'rate-limit', retryAfterSeconds: 7, count: 1 });
    const res = await get();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('rate-limit on the activity feed alone: the board answers, the feed says Retry-After', async () => {
    sim.control.addFault({ endpoint: 'activity', kind: 'rate-limit', retryAfterSeconds: 9 });
    expect((await get()).status).toBe(200);
    const feed = await get('/portal/activity');
    expect(feed.status).toBe(429);
    expect(feed.headers.get('retry-after')).toBe('9');
    expect((await get('/portal/activity')).status).toBe(429);
  });

  it('unauthorized: a 401 that outlasts a successful sign-in', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized' });
    const signIn = await fetch(`${sim.url}/auth/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'credentials', userName: 'demo@evovoice.example', password: 'demo-password' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${sim.url}/sessions`, { headers: { cookie } });
      expect(res.status).toBe(401);
      expect((await res.json()).responseStatus.errorCode).toBe('Unauthorized');
    }
    expect((await fetch(`${sim.url}/portal/activity`, { headers: { cookie } })).status).toBe(200);
  });

  it('proxy-html-401 and proxy-redirect: an SSO proxy answers the sign-in with its own page', async () => {
    const signIn = () =>
      fetch(`${sim.url}/auth/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'demo@evovoice.example', password: 'demo-password' }),
      });
    sim.control.addFault({ endpoint: 'auth', kind: 'proxy-html-401', count: 1 });
    const html = await signIn();
    expect(html.status).toBe(401);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    sim.control.addFault({ endpoint: 'auth', kind: 'proxy-redirect', count: 1 });
    const moved = await signIn();
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe(PROXY_SIGN_IN_URL);
    expect((await signIn()).status).toBe(200);
  });

  it('patch-ignored: the PATCH is answered 200 with the call as it was', async () => {
    const own = await start();
    try {
      const s = own.control.addSession({ accountId: 'acct-north', callState: 'Connected' });
      own.control.addFault({ endpoint: 'patch-session', kind: 'patch-ignored', count: 1 });
      const hold = () => call(own, `/sessions/${s.id}`, { method: 'PATCH', body: '{"callState":"Hold"}' });
      const ignored = await hold();
      expect(ignored.status).toBe(200);
      expect(ignored.body.callState).toBe('Connected');
      expect(own.control.getSession(s.id as string)?.callState).toBe('Connected');
      expect(own.control.requests({ method: 'PATCH' })[0]).toMatchObject({ status: 200, fault: 'patch-ignored' });
      expect((await hold()).body.callState).toBe('Hold');
    } finally {
      await own.close();
    }
  });

  it('malformed-json and truncated-json: 200 with a body JSON.parse refuses', async () => {
    const healthy = await (await get()).text();
    for (const kind of ['malformed-json', 'truncated-json'] as const) {
      sim.control.addFault({ endpoint: 'sessions', kind, count: 1 });
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await res.text();
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
      if (kind === 'truncated-json') expect(healthy.startsWith(text)).toBe(true);
    }
  });

  it('reset: the connection is destroyed', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'reset', count: 1 });
    await expect(get()).rejects.toThrow(/fetch failed/);
    expect(sim.control.requests()[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('drift-enum: an unknown callState the parser keeps', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-enum', count: 1 });
    const { value, dropped } = parseSessionList(await (await get()).json());
    expect(dropped).toEqual([]);
    expect(value.items?.map((s) => s.callState)).toEqual(Array(5).fill('Parked'));
  });

  it('drift-extra-field and drift-missing-field', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-extra-field', count: 1 });
    const extra = (await call(sim, '/sessions')).body.items;
    expect(extra.every((s: Record<string, unknown>) => typeof s.sentimentScore === 'number')).toBe(true);
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-missing-field', count: 1 });
    const missing = (await call(sim, '/sessions')).body.items;
    expect(
      missing.every((s: Record<string, unknown>) => !('members' in s) && !('log' in s) && !('fromName' in s)),
    ).toBe(true);
    expect(sim.control.listSessions().every((s) => s.members !== undefined)).toBe(true);
  });

  it('drift on a single session (PATCH answer)', async () => {
    const id = sim.control.listSessions().find((s) => s.ended !== true)?.id;
    sim.control.addFault({ endpoint: 'patch-session', kind: 'drift-enum', count: 1 });
    const res = await call(sim, `/sessions/${id}`, { method: 'PATCH', body: JSON.stringify({ callState: 'Hold' }) });
    expect(res.body.callState).toBe('Parked');
    expect(sim.control.getSession(id as string)?.callState).toBe('Hold');
  });
});

describe('which requests a fault strikes', () => {
  it('a counted fault strikes that many times, then stops', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
  });

  it('a fault for one endpoint leaves the others alone; * strikes all but /__sim', async () => {
    sim.control.addFault({ endpoint: 'home', kind: 'error-500' });
    expect((await get('/sessions')).status).toBe(200);
    expect((await get('/portal/home')).status).toBe(500);
    sim.control.clearFaults();
    sim.control.addFault({ endpoint: '*', kind: 'error-500' });
    expect((await get('/auth/status')).status).toBe(500);
    expect((await get('/portal/activity')).status).toBe(500);
    const control = await fetch(`${sim.url}/__sim/control`, {
      method: 'POST',
      body: JSON.stringify({ op: 'now', args: [] }),
    });
    expect(control.status).toBe(200);
    sim.control.clearFaults();
    expect((await get('/portal/home')).status).toBe(200);
  });

  it('a rate strikes about that share of requests, the same ones for the same seed', async () => {
    const pattern = async (s: Simulator): Promise<number[]> => {
      s.control.addFault({ endpoint: 'sessions', kind: 'error-500', rate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(s, '/sessions?CountPerPage=1')).status);
      return statuses;
    };
    const [one, two] = [await start({ seed: 3 }), await start({ seed: 3 })];
    try {
      const first = await pattern(one);
      expect(await pattern(two)).toEqual(first);
      const failed = first.filter((s) => s === 500).length;
      expect(failed).toBeGreaterThan(8);
      expect(failed).toBeLessThan(32);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('refuses a fault it does not know', () => {
    expect(() => sim.control.addFault({ endpoint: 'sessions', kind: 'gremlins' as never })).toThrow(
      /Unknown fault kind/,
    );
    expect(() => sim.control.addFault({ endpoint: 'sessions', kind: 'hang', rate: 2 })).toThrow(/rate/);
  });
});
