// One sign-in (Login) against the simulator over HTTP: credentials posted first, never a request
// after the server refused twice or after the password was forgotten, a refusal counted once per
// re-sign-in however many calls shared it, a cancel that ends requests in flight at once, and the
// server's not-before time that only grows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Login, PASSWORD_REJECTED } from '../../src/main/core/login';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { START } from './rig';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 9, startTime: START });
});
afterEach(() => sim.close());

const login = (password = DEMO_USER.password, timeoutMs = 5_000) =>
  new Login(sim.url, DEMO_USER.userName, password, false, { fetch: globalThis.fetch, timeoutMs });
const sessions = (l: Login) => l.call((client, options) => client.getSessions({}, options));
const requests = () => sim.control.requests().map((r) => `${r.method} ${r.path} ${r.status}`);

describe('Login', () => {
  it('posts the credentials before the first call, not after a 401', async () => {
    await sessions(login());
    expect(requests()).toEqual(['POST /auth/credentials 200', 'GET /sessions 200']);
  });

  it('after two re-sign-ins the server still refused, no request at all is made until the agent signs in', async () => {
    const l = login();
    await sessions(l);
    sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized', rate: 1 });
    await expect(sessions(l)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(l.refused).toBe(false);
    await expect(sessions(l)).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
      message: expect.stringMatching(/still refuses requests right after signing in again: sign in again/),
    });
    expect(l.refused).toBe(true);
    sim.control.clearRequests();
    await expect(sessions(l)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(requests()).toEqual([]);
  });

  it('a refusal is counted once per re-sign-in, however many calls shared it', async () => {
    const l = login();
    await sessions(l);
    sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized', count: 4 });
    const both = await Promise.allSettled([sessions(l), sessions(l)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(requests().filter((r) => r.startsWith('POST /auth/credentials'))).toHaveLength(2);
    expect(l.refused).toBe(false);
    await expect(sessions(l)).resolves.toMatchObject({ items: [] });
  });

  it('a server error on the call retried after a re-sign-in is not a refusal', async () => {
    const l = login();
    await sessions(l);
    for (let i = 0; i < 3; i++) {
      sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized', count: 1 });
      sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
      await expect(sessions(l)).rejects.toMatchObject({ status: 500 });
    }
    expect(l.refused).toBe(false);
    await expect(sessions(l)).resolves.toMatchObject({ items: [] });
  });

  it('once the password is forgotten (sign-out) or rejected, it is never posted again', async () => {
    const l = login();
    await sessions(l);
    await l.end();
    expect(requests().at(-1)).toMatch(/^POST \/auth\/logout/);
    sim.control.clearRequests();
    sim.control.expireLogins();
    await expect(sessions(l)).rejects.toMatchObject({
      code: 'password-rejected',
      message: `${PASSWORD_REJECTED}. Sign in again.`,
    });
    expect(requests().filter((r) => r.startsWith('POST'))).toEqual([]);

    const wrong = login('not-the-password');
    await expect(sessions(wrong)).rejects.toMatchObject({ code: 'password-rejected' });
    expect(wrong.isRejected).toBe(true);
    sim.control.clearRequests();
    await expect(sessions(wrong)).rejects.toMatchObject({ code: 'password-rejected' });
    expect(requests()).toEqual([]);
  });

  it('ending a sign-in that never reached the server sends nothing', async () => {
    await login().end();
    expect(requests()).toEqual([]);
  });

  it('cancel ends a request in flight at once, not at its timeout', async () => {
    const l = login(DEMO_USER.password, 30_000);
    await sessions(l);
    sim.control.addFault({ endpoint: 'sessions', kind: 'hang', rate: 1 });
    const pending = sessions(l);
    const started = performance.now();
    setTimeout(() => l.cancel(), 50);
    await expect(pending).rejects.toBeDefined();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('the not-before time only moves later; Retry now ends a backoff but not what the server asked', () => {
    const l = login();
    l.holdOff(60_000, true);
    l.holdOff(5_000, false);
    expect(l.notBefore).toBe(60_000);
    l.retryNow();
    expect(l.notBefore, "the server's Retry-After stays").toBe(60_000);
    l.holdOff(90_000, false);
    l.retryNow();
    expect(l.notBefore, 'our own backoff ends').toBe(-Infinity);
  });

  it("a backoff to the same time does not undo the server's Retry-After", () => {
    const l = login();
    l.holdOff(60_000, true);
    l.holdOff(60_000, false);
    l.retryNow();
    expect(l.notBefore).toBe(60_000);
  });

  it('a failure other than 401 is not a reason to sign in again', async () => {
    const l = login();
    await sessions(l);
    sim.control.clearRequests();
    sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
    await expect(sessions(l)).rejects.toMatchObject({ code: 'server' });
    expect(requests()).toEqual(['GET /sessions 500']);
  });

  it('once refused, signing in again posts nothing', async () => {
    const l = login();
    await sessions(l);
    sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized', rate: 1 });
    await sessions(l).catch(() => undefined);
    await sessions(l).catch(() => undefined);
    expect(l.refused).toBe(true);
    sim.control.clearRequests();
    await expect(l.signIn()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(requests()).toEqual([]);
  });
});
