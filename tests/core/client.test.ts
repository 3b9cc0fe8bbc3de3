// The API client against the simulator over HTTP: JSON, query strings, cookies, and every
// failure as one CoreError with words for the agent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvoVoiceClient, FILE_REDIRECTS } from '../../src/main/core/client';
import { CoreError } from '../../src/main/core/errors';
import { toQueryString } from '../../src/main/core/query';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 3 });
});
afterAll(() => sim.close());

const client = (extra: { timeoutMs?: number; maxBodyBytes?: number } = {}) =>
  createEvoVoiceClient({ baseUrl: sim.url, fetch: globalThis.fetch, timeoutMs: 500, ...extra });

async function failure(work: Promise<unknown>): Promise<CoreError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a failure');
}

describe('query strings', () => {
  it('uses PascalCase keys and comma-separated lists, leaving out empty values', () => {
    expect(
      toQueryString({
        accountIds: ['a', 'b'],
        endpointIds: [],
        startDate: '2026-11-23',
        page: 0,
        simplifiedPaging: true,
        from: undefined,
      }),
    ).toBe('?AccountIds=a%2Cb&StartDate=2026-11-23&Page=0&SimplifiedPaging=true');
  });
});

describe('EvoVoiceClient', () => {
  it('signs in, keeps the session cookies itself and reads the account list', async () => {
    const api = client();
    const answer = await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    expect(answer.userId).toBe(DEMO_USER.userId);
    expect(api.hasSession()).toBe(true);
    // A server that lists the accounts (without them: tests/core/sign-in.test.ts).
    sim.control.setStrictness({ authStatus: 'full' });
    const status = await api.authStatus();
    expect(status.accountIds).toEqual(DEMO_USER.accountIds);
    const last = sim.control.requests({ pathPrefix: '/auth/status' }).at(-1);
    expect(last?.auth).toBe('cookie');
  });

  it('sends every GET field in the query string and pages the list', async () => {
    const api = client();
    await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    sim.control.loadSessions(30, { accountId: 'acct-north' });
    const first = await api.getSessions({
      accountIds: ['acct-north'],
      page: 0,
      countPerPage: 20,
      simplifiedPaging: true,
    });
    const second = await api.getSessions({
      accountIds: ['acct-north'],
      page: 1,
      countPerPage: 20,
      simplifiedPaging: true,
    });
    expect((first.items?.length ?? 0) + (second.items?.length ?? 0)).toBe(30);
    expect(sim.control.requests({ pathPrefix: '/sessions' }).at(-1)?.query).toMatchObject({
      AccountIds: 'acct-north',
      Page: '1',
      CountPerPage: '20',
      SimplifiedPaging: 'true',
    });
  });

  it('says the password was rejected, with the status', async () => {
    const error = await failure(client().signIn(DEMO_USER.userName, 'wrong'));
    expect(error.code).toBe('password-rejected');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/rejected the password/);
  });

  it('maps a 401 on a call to unauthorized with the server errorCode', async () => {
    const error = await failure(client().getSessions({}));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, errorCode: 'Unauthorized' });
  });

  const faults = [
    ['error-500', 'server', 500],
    ['bad-gateway-html', 'server', 502],
    ['rate-limit', 'rate-limited', 429],
    ['malformed-json', 'bad-response', 200],
    ['truncated-json', 'bad-response', 200],
    ['reset', 'network', undefined],
    ['hang', 'timeout', undefined],
  ] as const;
  for (const [kind, code, status] of faults) {
    it(`turns a ${kind} answer into a ${code} error, never a crash`, async () => {
      const api = client();
      await api.signIn(DEMO_USER.userName, DEMO_USER.password);
      sim.control.addFault({ endpoint: 'sessions', kind, count: 1, retryAfterSeconds: 7 });
      const error = await failure(api.getSessions({ accountIds: ['acct-north'] }));
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      if (kind === 'rate-limit') expect(error.retryAfterMs).toBe(7000);
      expect(error.message.length).toBeGreaterThan(10);
      await expect(api.getSessions({ accountIds: ['acct-north'] })).resolves.toBeDefined();
    });
  }

  it('keeps unknown enum names and extra fields from a drifting server', async () => {
    const api = client();
    await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    sim.control.loadSessions(3, { accountId: 'acct-north' });
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-enum', count: 1 });
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-extra-field', count: 1 });
    const drifted = await api.getSessions({ accountIds: ['acct-north'] });
    const extra = await api.getSessions({ accountIds: ['acct-north'] });
    const known = ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'];
    expect(drifted.items?.length).toBe(3);
    expect(drifted.items?.every((s) => !known.includes(s.callState ?? 'Connected'))).toBe(true);
    const plain = await api.getSessions({ accountIds: ['acct-north'] });
    const added = Object.keys(extra.items?.[0] ?? {}).filter((k) => !(k in (plain.items?.[0] ?? {})));
    expect(added.length).toBe(1);
  });

  it('refuses a body over the size cap by reading the stream', async () => {
    const api = client({ maxBodyBytes: 2000 });
    await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    sim.control.loadSessions(50, { accountId: 'acct-north' });
    const error = await failure(api.getSessions({ accountIds: ['acct-north'], countPerPage: 50 }));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/larger than/);
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const api = createEvoVoiceClient({ baseUrl: 'http://127.0.0.1:9', fetch: globalThis.fetch, timeoutMs: 500 });
    const error = await failure(api.getSessions({}));
    expect(error.code).toBe('network');
    expect(error.message).toBe('Cannot reach 127.0.0.1:9: check the network.');
  });

  it('logs out and forgets the cookies', async () => {
    const api = client();
    await api.signIn(DEMO_USER.userName, DEMO_USER.password);
    await api.logout();
    expect(api.hasSession()).toBe(false);
  });
});

describe('file downloads that redirect', () => {
  /** A file host on loopback: `/loop.wav` redirects to itself, `/away.wav` to a plain-http host. */
  async function fileHost(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/loop.wav') res.writeHead(302, { Location: '/loop.wav' }).end();
      else res.writeHead(302, { Location: 'http://files.example.invalid/recording.wav' }).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      hits,
      close: () => new Promise((done) => server.close(() => done())),
    };
  }

  it(`follows at most ${FILE_REDIRECTS} redirects, then says so`, async () => {
    const host = await fileHost();
    try {
      const files = createEvoVoiceClient({ baseUrl: host.url, fetch: globalThis.fetch, timeoutMs: 2_000 });
      const error = await failure(files.getFile('/loop.wav', 1024));
      expect(error.message).toMatch(/redirected a file more than 3 times: not fetched/);
      expect(host.hits).toHaveLength(FILE_REDIRECTS + 1);
    } finally {
      await host.close();
    }
  });

  it('never follows a redirect to another host without https', async () => {
    const host = await fileHost();
    try {
      const files = createEvoVoiceClient({ baseUrl: host.url, fetch: globalThis.fetch, timeoutMs: 2_000 });
      const error = await failure(files.getFile('/away.wav', 1024));
      expect(error.message).toMatch(/pointed to a file at files\.example\.invalid without https: not fetched/);
    } finally {
      await host.close();
    }
  });
});
