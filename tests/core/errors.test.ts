// The core's one error model: which answers are transient or unreachable, the words and code each
// HTTP status gives, Retry-After read as seconds or a date, and which sign-in failures reject the
// password (only ServiceStack's own 401) and which are a proxy in the way.
import { describe, expect, it } from 'vitest';

import { CoreError, httpError, retryAfterMs, signInError, toCoreError } from '../../src/main/core/errors';

const HOST = 'evo.example';

describe('CoreError', () => {
  it('keeps only the details given, and is not from the API unless it says so', () => {
    const bare = new CoreError('server', 'words');
    expect(bare).toBeInstanceOf(Error);
    expect(bare.name).toBe('CoreError');
    expect(bare.message).toBe('words');
    expect(bare.fromApi).toBe(false);
    expect([bare.status, bare.errorCode, bare.retryAfterMs]).toEqual([undefined, undefined, undefined]);
    expect('cause' in bare).toBe(false);

    const cause = new Error('underneath');
    const full = new CoreError('rate-limited', 'slow down', {
      status: 429,
      errorCode: 'TooMany',
      retryAfterMs: 0,
      fromApi: true,
      cause,
    });
    expect(full).toMatchObject({
      code: 'rate-limited',
      status: 429,
      errorCode: 'TooMany',
      retryAfterMs: 0,
      fromApi: true,
    });
    expect(full.cause).toBe(cause);
  });

  it.each([
    ['network', true, true],
    ['timeout', true, true],
    ['server', false, true],
    ['rate-limited', false, true],
    ['bad-response', false, true],
    ['unauthorized', false, false],
    ['forbidden', false, false],
    ['not-found', false, false],
    ['conflict', false, false],
    ['invalid-payload', false, false],
    ['password-rejected', false, false],
    ['internal', false, false],
  ] as const)('%s: unreachable %s, transient %s', (code, unreachable, transient) => {
    const error = new CoreError(code, 'x');
    expect(error.unreachable).toBe(unreachable);
    expect(error.transient).toBe(transient);
  });
});

describe('toCoreError', () => {
  it('answers a CoreError unchanged', () => {
    const error = new CoreError('conflict', 'x');
    expect(toCoreError(error)).toBe(error);
  });

  it('wraps anything else as internal, with its words and the original as cause', () => {
    const thrown = new TypeError('boom');
    const wrapped = toCoreError(thrown);
    expect(wrapped).toBeInstanceOf(CoreError);
    expect(wrapped).toMatchObject({ code: 'internal', message: 'Something went wrong in the console: boom' });
    expect(wrapped.cause).toBe(thrown);
    expect(toCoreError('plain text').message).toBe('Something went wrong in the console: plain text');
    expect(toCoreError(undefined).message).toBe('Something went wrong in the console: undefined');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, zero included', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('1.5', 0)).toBe(1_500);
    // "0" is also a date to Date.parse (the year 2000): it must be read as seconds.
    expect(retryAfterMs('0', 0)).toBe(0);
  });

  it('reads an HTTP date as the time left from now, never negative', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(retryAfterMs('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('answers nothing for no header, an empty one, or words', () => {
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('', 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });

  it('reads a negative number as a date only when it is one (not as seconds)', () => {
    // V8 reads "-5" as a date (May 2001): never 5 seconds, and nothing to wait once it is past.
    expect(retryAfterMs('-5', Date.parse('2026-01-01T00:00:00Z'))).toBe(0);
    expect(retryAfterMs('-5', 0)).toBe(Date.parse('-5'));
  });
});

describe('signInError', () => {
  it("ServiceStack's own 401 rejects the password, keeping its errorCode", () => {
    const answered = new CoreError('unauthorized', 'x', { status: 401, fromApi: true, errorCode: 'Unauthorized' });
    const error = signInError(answered, HOST, 'agent');
    expect(error).toMatchObject({
      code: 'password-rejected',
      message: 'evo.example rejected the password for agent: check it and sign in again.',
      status: 401,
      fromApi: true,
      errorCode: 'Unauthorized',
    });
    const plain = signInError(new CoreError('unauthorized', 'x', { status: 401, fromApi: true }), HOST, 'agent');
    expect(plain.code).toBe('password-rejected');
    expect(plain.errorCode).toBeUndefined();
  });

  it("a proxy's 401 page or a redirect is a network problem, and the password stays", () => {
    for (const status of [401, 300, 302, 399]) {
      const answered = new CoreError('unauthorized', 'x', { status });
      const error = signInError(answered, HOST, 'agent');
      expect(error).toMatchObject({
        code: 'network',
        status,
        message: `A sign-in page of a proxy in front of evo.example answered instead of Evo Voice (HTTP ${status}): check the network or VPN connection; the console will retry.`,
      });
      expect(error.cause).toBe(answered);
      expect(error.fromApi).toBe(false);
    }
  });

  it('any other failure is answered as it was', () => {
    for (const failure of [
      new CoreError('server', 'x', { status: 500 }),
      new CoreError('forbidden', 'x', { status: 403, fromApi: true }),
      new CoreError('invalid-payload', 'x', { status: 400 }),
      new CoreError('server', 'x', { status: 299 }),
      new CoreError('server', 'x', { status: 400 }),
      new CoreError('network', 'x'),
    ]) {
      expect(signInError(failure, HOST, 'agent')).toBe(failure);
    }
  });
});

describe('httpError', () => {
  const said = { errorCode: 'Why', message: 'because' };

  it('401: signed out, whatever the body', () => {
    expect(httpError(401, HOST, said)).toMatchObject({
      code: 'unauthorized',
      message: 'Signed out by evo.example: sign in again',
      status: 401,
      errorCode: 'Why',
      fromApi: true,
    });
  });

  it('403, 404, 409: what the server said, and what to do', () => {
    expect(httpError(403, HOST, said)).toMatchObject({
      code: 'forbidden',
      message: 'evo.example does not allow this for your user: because. Ask an administrator.',
    });
    expect(httpError(404, HOST, said)).toMatchObject({
      code: 'not-found',
      message: 'evo.example no longer has this: because. Refresh and try again.',
    });
    expect(httpError(409, HOST, said)).toMatchObject({
      code: 'conflict',
      message: 'evo.example refused a conflicting change: because. Refresh and try again.',
    });
    expect(httpError(403, HOST, undefined).message).toBe(
      'evo.example does not allow this for your user. Ask an administrator.',
    );
    expect(httpError(404, HOST, {}).message).toBe('evo.example no longer has this. Refresh and try again.');
  });

  it('429: slow down, with the wait the server asked for', () => {
    const error = httpError(429, HOST, undefined, 5_000);
    expect(error).toMatchObject({
      code: 'rate-limited',
      message: 'evo.example asked the console to slow down: it will retry by itself.',
      status: 429,
      retryAfterMs: 5_000,
      fromApi: false,
    });
    expect(error.errorCode).toBeUndefined();
    expect(httpError(429, HOST, undefined).retryAfterMs).toBeUndefined();
    expect(httpError(503, HOST, undefined, 0).retryAfterMs).toBe(0);
  });

  it('other 4xx: the request was refused, with the server words or the status', () => {
    expect(httpError(400, HOST, said)).toMatchObject({
      code: 'invalid-payload',
      message: 'evo.example refused the request: because.',
    });
    expect(httpError(422, HOST, undefined).message).toBe('evo.example refused the request (HTTP 422).');
    expect(httpError(499, HOST, undefined).code).toBe('invalid-payload');
  });

  it('5xx and anything else: the server has trouble, the console retries', () => {
    expect(httpError(500, HOST, said)).toMatchObject({
      code: 'server',
      message: 'evo.example is having trouble (HTTP 500: because): the console will retry by itself.',
      status: 500,
      errorCode: 'Why',
      fromApi: true,
    });
    expect(httpError(502, HOST, undefined).message).toBe(
      'evo.example is having trouble (HTTP 502): the console will retry by itself.',
    );
    expect(httpError(399, HOST, undefined).code).toBe('server');
    expect(httpError(500, HOST, { message: 'm' })).toMatchObject({ fromApi: true });
    expect(httpError(500, HOST, { message: 'm' }).errorCode).toBeUndefined();
  });
});

describe('an empty errorCode', () => {
  it('is no errorCode, from the server or on a rejected password', () => {
    expect(httpError(500, HOST, { errorCode: '', message: 'm' }).errorCode).toBeUndefined();
    const answered = new CoreError('unauthorized', 'x', { status: 401, fromApi: true, errorCode: '' });
    expect(signInError(answered, HOST, 'agent').errorCode).toBeUndefined();
  });
});
