// What the API client puts on the wire and how it reads what comes back, against a scripted server
// on loopback (the answers a simulator would not send on its own): the headers and bodies of each
// kind of call, cookies, a body that is not JSON, a cancelled call, fields of the wrong type, and a
// recording from the server itself.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createEvoVoiceClient, type EvoVoiceClientOptions } from '../../src/main/core/client';
import { CoreError } from '../../src/main/core/errors';
import { PageBodies } from '../../src/main/core/page-bodies';
import type { ListResponse, SessionInfo } from '../../src/shared/evovoice';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Answer {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Never answer (the caller's signal or timeout ends it). */
  hang?: boolean;
  /** No Content-Type header. */
  untyped?: boolean;
  /** The answer instead when the request is conditional (If-None-Match). */
  ifNoneMatch?: Answer;
}

const seen: Seen[] = [];
let answers: Record<string, Answer> = {};
let url = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const path = (req.url ?? '').split('?')[0] ?? '';
    const listed = answers[path] ?? { status: 404, body: '{"responseStatus":{"message":"no route"}}' };
    const answer = (req.headers['if-none-match'] && listed.ifNoneMatch) || listed;
    if (answer.hang) return;
    res.writeHead(answer.status ?? 200, {
      ...(answer.untyped ? {} : { 'Content-Type': 'application/json' }),
      ...answer.headers,
    });
    res.end(answer.body ?? '{}');
  });
});
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  seen.length = 0;
  answers = {};
});

const client = (extra: Partial<EvoVoiceClientOptions> = {}) =>
  createEvoVoiceClient({ baseUrl: `${url}//`, fetch: globalThis.fetch, timeoutMs: 2_000, ...extra });

async function failure(work: Promise<unknown>): Promise<CoreError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

const SIGNED_IN = {
  status: 200,
  headers: { 'Set-Cookie': ['ss-id=abc; Path=/; HttpOnly', 'ss-pid=def; Max-Age=3600'] },
  body: JSON.stringify({ userId: 'user-demo', userName: 'demo', displayName: 'Demo Agent' }),
};

describe('what the client sends', () => {
  it('the base address without trailing slashes; JSON asked for; a GET has no body and no content type', async () => {
    const api = client();
    expect(api.baseUrl).toBe(url);
    expect(api.host).toBe(new URL(url).host);
    answers['/auth/status'] = { body: JSON.stringify({ userId: 'user-demo' }) };
    await api.authStatus();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/auth/status', body: '' });
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.headers.cookie).toBeUndefined();
  });

  it('a sign-in posts the credentials as JSON with no old cookie, and keeps the new ones for the next calls', async () => {
    const api = client();
    answers['/auth/credentials'] = SIGNED_IN;
    answers['/auth/status'] = { body: '{}' };
    expect(api.hasSession()).toBe(false);
    await api.signIn('demo', 'pw');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      provider: 'credentials',
      userName: 'demo',
      password: 'pw',
      rememberMe: true,
    });
    expect(api.hasSession()).toBe(true);
    await api.authStatus();
    expect(seen[1]?.headers.cookie).toBe('ss-id=abc; ss-pid=def');
    // Signing in again starts from an empty jar.
    await api.signIn('demo', 'pw');
    expect(seen[2]?.headers.cookie).toBeUndefined();
  });

  it('either session cookie is a session; logging out posts and forgets them even when it fails', async () => {
    const api = client();
    answers['/auth/credentials'] = { ...SIGNED_IN, headers: { 'Set-Cookie': 'ss-pid=def' } };
    await api.signIn('demo', 'pw');
    expect(api.hasSession()).toBe(true);
    answers['/auth/logout'] = { status: 500, body: '' };
    await failure(api.logout());
    expect(seen[1]).toMatchObject({ method: 'POST', url: '/auth/logout', body: '{}' });
    expect(api.hasSession()).toBe(false);
    answers['/auth/credentials'] = { ...SIGNED_IN, headers: { 'Set-Cookie': 'other=1' } };
    await api.signIn('demo', 'pw');
    expect(api.hasSession()).toBe(false);
    api.forgetSession();
    answers['/auth/status'] = { body: '{}' };
    await api.authStatus();
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('a note is a PATCH of the session, its id escaped, the request as the JSON body', async () => {
    const api = client();
    answers['/sessions/a%2Fb%20c'] = { body: JSON.stringify({ id: 'a/b c', consoleData: 'saved' }) };
    const saved = await api.patchSession({ sessionId: 'a/b c', consoleData: 'saved' });
    expect(saved).toEqual({ id: 'a/b c', consoleData: 'saved' });
    expect(seen[0]).toMatchObject({ method: 'PATCH', url: '/sessions/a%2Fb%20c' });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ sessionId: 'a/b c', consoleData: 'saved' });
  });

  it('each list and view asks its own path with the request in the query string', async () => {
    const api = client();
    for (const path of ['/sessions', '/portal/activity', '/portal/call-history'])
      answers[path] = { body: '{"items":[]}' };
    answers['/portal/home'] = { body: '{}' };
    await api.getSessions({ accountIds: ['acct-north'] });
    await api.getActivity({ accountId: 'acct-north' });
    await api.getCallHistory({ page: 2 });
    await api.getPortalHome({ accountId: 'acct-north' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /sessions?AccountIds=acct-north',
      'GET /portal/activity?AccountId=acct-north',
      'GET /portal/call-history?Page=2',
      'GET /portal/home?AccountId=acct-north',
    ]);
  });
});

describe('what the client makes of the answer', () => {
  it.each([
    ['an HTML page', '<html>maintenance</html>'],
    ['an empty body', ''],
  ])('a successful answer with %s cannot be read: a bad response, with its status', async (_kind, body) => {
    answers['/auth/status'] = { body };
    const error = await failure(client().authStatus());
    expect(error).toMatchObject({ code: 'bad-response', status: 200 });
    expect(error.message).toBe(`${new URL(url).host} sent an answer the console cannot read: it will retry.`);
  });

  it('an error answer says what the server said, with its error code; without JSON, the status alone', async () => {
    answers['/sessions'] = {
      status: 403,
      body: JSON.stringify({ responseStatus: { errorCode: 'Forbidden', message: 'Not your account' } }),
    };
    const said = await failure(client().getSessions({}));
    expect(said).toMatchObject({ code: 'forbidden', status: 403, errorCode: 'Forbidden' });
    expect(said.message).toContain('Not your account');
    answers['/sessions'] = { status: 422, body: 'nope' };
    const plain = await failure(client().getSessions({}));
    expect(plain).toMatchObject({ code: 'invalid-payload', status: 422 });
    expect(plain.message).toBe(`${new URL(url).host} refused the request (HTTP 422).`);
  });

  it('a call the caller cancels is "cancelled", not a timeout; one nobody answers times out', async () => {
    answers['/auth/status'] = { hang: true };
    const stop = new AbortController();
    const cancelled = failure(client().authStatus({ signal: stop.signal }));
    setTimeout(() => stop.abort(), 50);
    expect(await cancelled).toMatchObject({ code: 'network', message: 'The request was cancelled.' });
    const timedOut = await failure(client({ timeoutMs: 100 }).authStatus());
    expect(timedOut.code).toBe('timeout');
    expect(timedOut.message).toBe(
      `${new URL(url).host} did not answer in time: check the network; the console will retry.`,
    );
  });

  it('fields of the wrong type are dropped and reported with the path; a list that is not a list is an error', async () => {
    const dropped: [string, string[]][] = [];
    const api = client({ onDropped: (path, fields) => dropped.push([path, fields]) });
    answers['/auth/status'] = { body: JSON.stringify({ userId: 'user-demo', displayName: 42 }) };
    expect(await api.authStatus()).toEqual({ userId: 'user-demo' });
    answers['/auth/status'] = { body: JSON.stringify({ userId: 'user-demo' }) };
    await api.authStatus();
    expect(dropped).toEqual([['/auth/status', ['displayName']]]);
    answers['/sessions'] = { body: JSON.stringify({ items: 'none' }) };
    const error = await failure(api.getSessions({}));
    expect(error.code).toBe('bad-response');
    expect(error.message).toBe(`${new URL(url).host} sent an unexpected answer: a list whose "items" is not a list.`);
  });
});

describe("a recording from the server's own address", () => {
  it('asks with the session cookies and audio accepted; the type defaults when the server names none', async () => {
    const api = client();
    answers['/auth/credentials'] = SIGNED_IN;
    await api.signIn('demo', 'pw');
    answers['/files/vm.wav'] = { headers: { 'Content-Type': 'audio/wav' }, body: 'RIFF' };
    const file = await api.getFile('/files/vm.wav', 1024);
    expect(file.contentType).toBe('audio/wav');
    expect(new TextDecoder().decode(file.bytes)).toBe('RIFF');
    expect(seen[1]?.headers.accept).toBe('audio/*, */*');
    expect(seen[1]?.headers.cookie).toBe('ss-id=abc; ss-pid=def');
    // A relative uri is read from the server's address.
    answers['/files/vm.wav'] = { untyped: true, body: 'RIFF' };
    expect((await api.getFile('files/vm.wav', 1024)).contentType).toBe('application/octet-stream');
    expect(seen[2]?.url).toBe('/files/vm.wav');
  });

  it('a refusal from the server itself is said with its words', async () => {
    answers['/files/gone.wav'] = { status: 404, body: JSON.stringify({ responseStatus: { message: 'Deleted' } }) };
    const error = await failure(client().getFile('/files/gone.wav', 1024));
    expect(error).toMatchObject({ code: 'not-found', status: 404 });
    expect(error.message).toBe(`${new URL(url).host} no longer has this: Deleted. Refresh and try again.`);
  });
});

describe('conditional list reads', () => {
  it("a page's ETag and date are sent back; 304 answers the kept page; an answer without them asks plainly", async () => {
    const api = client();
    const pages = new PageBodies<ListResponse<SessionInfo>>();
    const page = JSON.stringify({ items: [{ id: 'a', callState: 'Connected' }] });
    answers['/sessions'] = {
      headers: { ETag: '"v1"', 'Last-Modified': 'Mon, 23 Nov 2026 12:00:00 GMT' },
      body: page,
    };
    const first = await api.getSessions({ accountIds: ['acct-north'] }, { pages });
    expect(first.items).toEqual([{ id: 'a', callState: 'Connected' }]);
    expect(seen[0]?.headers['if-none-match']).toBeUndefined();
    answers['/sessions'] = { status: 304, body: '' };
    const again = await api.getSessions({ accountIds: ['acct-north'] }, { pages });
    expect(again).toBe(first);
    expect(seen[1]?.headers['if-none-match']).toBe('"v1"');
    expect(seen[1]?.headers['if-modified-since']).toBe('Mon, 23 Nov 2026 12:00:00 GMT');
    // Only a date this time; then neither.
    answers['/sessions'] = { headers: { 'Last-Modified': 'Mon, 23 Nov 2026 12:01:00 GMT' }, body: page };
    await api.getSessions({ accountIds: ['acct-north'] }, { pages });
    answers['/sessions'] = { body: page };
    await api.getSessions({ accountIds: ['acct-north'] }, { pages });
    await api.getSessions({ accountIds: ['acct-north'] }, { pages });
    expect(seen[3]?.headers['if-none-match']).toBeUndefined();
    expect(seen[3]?.headers['if-modified-since']).toBe('Mon, 23 Nov 2026 12:01:00 GMT');
    expect(seen[4]?.headers['if-modified-since']).toBeUndefined();
  });

  it('a 304 for a page no longer kept (the board was emptied meanwhile) reads it again in full', async () => {
    const api = client();
    const pages = new PageBodies<ListResponse<SessionInfo>>();
    const body = JSON.stringify({ items: [{ id: 'a' }] });
    answers['/sessions'] = { headers: { ETag: '"v1"' }, body, ifNoneMatch: { status: 304, body: '' } };
    await api.getSessions({}, { pages });
    const read = api.getSessions({}, { pages });
    pages.clear();
    expect((await read).items).toEqual([{ id: 'a' }]);
    expect(seen.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"', undefined]);
  });

  it('a 304 nobody asked for is not a page', async () => {
    answers['/sessions'] = { status: 304, body: '' };
    const error = await failure(client().getSessions({}));
    expect(error.status).toBe(304);
  });
});

describe('a recording that does not come', () => {
  it('times out, or is cancelled by the caller, in words; options without a signal fail as any call', async () => {
    answers['/files/slow.wav'] = { hang: true };
    const timedOut = await failure(client({ timeoutMs: 100 }).getFile('/files/slow.wav', 1024));
    expect(timedOut.code).toBe('timeout');
    const stop = new AbortController();
    const cancelled = failure(client().getFile('/files/slow.wav', 1024, { signal: stop.signal }));
    setTimeout(() => stop.abort(), 50);
    expect(await cancelled).toMatchObject({ code: 'network', message: 'The request was cancelled.' });
    answers['/files/gone.wav'] = { status: 500, body: '' };
    expect((await failure(client().getFile('/files/gone.wav', 1024, {}))).code).toBe('server');
    answers['/sessions'] = { status: 500, body: '' };
    expect((await failure(client().getSessions({}, {}))).code).toBe('server');
  });
});

describe("redirects on the server's own address", () => {
  it('any 3xx with a Location is followed (300 included), a 400 with one is not; cookies set on the way are kept', async () => {
    const api = client();
    answers['/files/moved.wav'] = {
      status: 300,
      headers: { Location: '/files/here.wav', 'Set-Cookie': 'ss-id=fresh' },
    };
    answers['/files/here.wav'] = { headers: { 'Content-Type': 'audio/wav' }, body: 'RIFF' };
    expect((await api.getFile('/files/moved.wav', 1024)).contentType).toBe('audio/wav');
    expect(seen.map((r) => r.url)).toEqual(['/files/moved.wav', '/files/here.wav']);
    expect(seen[1]?.headers.cookie).toBe('ss-id=fresh');
    answers['/files/bad.wav'] = { status: 400, headers: { Location: '/files/here.wav' }, body: '' };
    expect((await failure(api.getFile('/files/bad.wav', 1024))).code).toBe('invalid-payload');
    expect(seen.at(-1)?.url).toBe('/files/bad.wav');
  });
});
