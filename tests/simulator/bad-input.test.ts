// Bad input to the simulator itself gets a ServiceStack 400/404/405, and the server lives on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Simulator } from '../../src/simulator/index';
import { call, start } from './support';

let sim: Simulator;
let id: string;
beforeAll(async () => {
  sim = await start();
  id = sim.control.addSession({ accountId: 'acct-north' }).id as string;
});
afterAll(() => sim.close());

describe('bad input', () => {
  it.each([
    ['/sessions?Page=abc', 'Page'],
    ['/sessions?Page=-1', 'Page'],
    ['/sessions?CountPerPage=0', 'CountPerPage'],
    ['/sessions?All=maybe', 'All'],
    ['/sessions?SearchArchive=yes', 'SearchArchive'],
    ['/sessions?StartDate=23.11.2026', 'StartDate'],
    ['/sessions?EndDate=2026-13-45', 'EndDate'],
    ['/portal/activity?EndDateTime=soon', 'EndDateTime'],
    ['/portal/home?FromDate=someday', 'FromDate'],
  ])('GET %s is a 400 naming %s', async (path, field) => {
    const res = await call(sim, path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.responseStatus).toMatchObject({ errorCode: expect.any(String), message: expect.any(String) });
    expect(res.body.responseStatus.errors[0].fieldName).toBe(field);
  });

  it('refuses a body over 1 MB with 400', async () => {
    const res = await call(sim, `/sessions/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ consoleData: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(400);
    expect(res.body.responseStatus.errorCode).toBe('RequestTooLarge');
    expect(sim.control.getSession(id)?.consoleData).toBeUndefined();
  });

  it('refuses a body that is not JSON, or not a JSON object', async () => {
    for (const body of ['{"callState": "Hold"', '[1,2]', '"Hold"']) {
      const res = await call(sim, `/sessions/${id}`, { method: 'PATCH', body });
      expect(res.status).toBe(400);
      expect(res.body.responseStatus.errors[0].fieldName).toBe('Body');
    }
    const signIn = await call(sim, '/auth/credentials', { method: 'POST', body: 'userName=x&password' });
    expect(signIn.status).toBe(400);
  });

  it('refuses a wrong-typed field in the JSON body', async () => {
    const res = await call(sim, `/sessions/${id}`, { method: 'PATCH', body: JSON.stringify({ consoleData: 42 }) });
    expect(res.status).toBe(400);
    expect(res.body.responseStatus.errors[0].fieldName).toBe('ConsoleData');
  });

  it('answers 404 for an unknown route and 405 for a wrong method, with a responseStatus', async () => {
    const missing = await call(sim, '/sessionz');
    expect(missing.status).toBe(404);
    expect(missing.body.responseStatus.errorCode).toBe('NotFound');
    const wrong = await call(sim, '/sessions', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.body.responseStatus.errorCode).toBe('NotSupported');
    expect((await call(sim, '/__sim/control', { method: 'POST', body: '{"op":"now"}' })).status).toBe(404);
  });

  it('still serves after all of that', async () => {
    expect((await call(sim, '/sessions')).status).toBe(200);
  });
});
