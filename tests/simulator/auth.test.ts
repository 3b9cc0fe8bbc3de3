// Sign-in over real HTTP: cookies, Basic auth, wrong passwords, expiry, logout, account list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Simulator } from '../../src/simulator/index';
import { DEMO_USER } from '../../src/simulator/types';
import { basic, call, start } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

async function signIn(rememberMe = false, path = '/auth/credentials') {
  const res = await fetch(sim.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      provider: 'credentials',
      userName: DEMO_USER.userName,
      password: DEMO_USER.password,
      rememberMe,
    }),
  });
  const cookies = res.headers.getSetCookie();
  const jar = cookies.map((c) => c.split(';')[0]).join('; ');
  return { res, cookies, jar, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /auth/credentials', () => {
  it('sets ss-id and ss-pid and answers who signed in', async () => {
    const { res, cookies, body } = await signIn();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(cookies.map((c) => c.split('=')[0])).toEqual(['ss-id', 'ss-pid']);
    expect(body).toEqual({
      userId: 'user-demo',
      userName: DEMO_USER.userName,
      displayName: 'Demo Agent',
      sessionId: expect.any(String),
    });
    expect(cookies[0]).toContain(`ss-id=${String(body.sessionId)}`);
  });

  it('adds ss-opt=perm with rememberMe, and POST /auth works the same', async () => {
    const { res, cookies } = await signIn(true, '/auth');
    expect(res.status).toBe(200);
    expect(cookies.some((c) => c.startsWith('ss-opt=perm'))).toBe(true);
  });

  it('refuses a wrong password with 401 InvalidCredentials', async () => {
    const res = await fetch(sim.url + '/auth/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'credentials', userName: DEMO_USER.userName, password: 'nope' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.json()).toEqual({
      responseStatus: {
        errorCode: 'InvalidCredentials',
        message: expect.stringContaining('Invalid UserName or Password'),
      },
    });
  });

  it('never keeps the password in the request log', async () => {
    sim.control.clearRequests();
    await signIn();
    const [record] = sim.control.requests({ pathPrefix: '/auth' });
    expect(record?.body).toMatchObject({ userName: DEMO_USER.userName, password: '***' });
  });
});

describe('authenticated requests', () => {
  it('accepts the session cookie and records how the caller signed in', async () => {
    const { jar } = await signIn();
    sim.control.clearRequests();
    const res = await call(sim, '/auth/status', { headers: { cookie: jar } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: 'user-demo',
      userName: DEMO_USER.userName,
      displayName: 'Demo Agent',
      accountIds: ['acct-north', 'acct-south'],
      accountNames: ['Northwind Health (North)', 'Southgate Logistics (South)'],
    });
    expect(sim.control.requests()).toMatchObject([
      { method: 'GET', path: '/auth/status', auth: 'cookie', userName: DEMO_USER.userName, status: 200 },
    ]);
  });

  it('accepts Basic auth on any request and refuses a wrong Basic password', async () => {
    expect((await call(sim, '/sessions')).status).toBe(200);
    const wrong = await call(sim, '/sessions', { headers: { authorization: basic(DEMO_USER.userName, 'wrong') } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.responseStatus.errorCode).toBe('InvalidCredentials');
  });

  it('answers 401 Unauthorized without credentials', async () => {
    const res = await fetch(`${sim.url}/sessions`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ responseStatus: { errorCode: 'Unauthorized', message: expect.any(String) } });
  });

  it('expires every login with expireLogins(), Basic auth still works', async () => {
    const { jar } = await signIn();
    sim.control.expireLogins();
    const res = await call(sim, '/sessions', { headers: { cookie: jar } });
    expect(res.status).toBe(401);
    expect(res.body.responseStatus).toMatchObject({
      errorCode: 'Unauthorized',
      message: expect.stringContaining('sign in again'),
    });
    expect((await call(sim, '/sessions')).status).toBe(200);
  });

  it('ends the login on POST /auth/logout', async () => {
    const { jar } = await signIn(true);
    expect((await call(sim, '/sessions', { headers: { cookie: jar } })).status).toBe(200);
    const out = await fetch(`${sim.url}/auth/logout`, { method: 'POST', headers: { cookie: jar } });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().every((c) => c.includes('Max-Age=0'))).toBe(true);
    expect((await call(sim, '/sessions', { headers: { cookie: jar } })).status).toBe(401);
  });

  it('knows the users it was given', async () => {
    const other = await start({
      users: [
        {
          userName: 'ana@example.com',
          password: 'pw',
          displayName: 'Ana',
          userId: 'user-ana',
          accountIds: ['acct-south'],
        },
      ],
    });
    try {
      expect((await call(other, '/auth/status')).status).toBe(401);
      const status = await call(other, '/auth/status', { headers: { authorization: basic('ana@example.com', 'pw') } });
      expect(status.body).toMatchObject({ accountIds: ['acct-south'], accountNames: ['Southgate Logistics (South)'] });
    } finally {
      await other.close();
    }
  });
});
