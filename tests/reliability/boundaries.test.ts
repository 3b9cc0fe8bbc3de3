// Boundaries and negatives the happy paths miss: a burst of exactly the summary threshold and one
// over, a call that fails again after re-signing in (one POST /auth/credentials, no loop), and
// redaction of every key the redactor knows, in the log file, the core's events and IPC answers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import type { CoreEvent } from '../../src/main/core/index';
import { createFileLog } from '../../src/main/file-log';
import { createDispatcher } from '../../src/main/ipc/dispatch';
import { redact } from '../../src/main/redact';
import { composeSignIn } from '../../src/main/sign-in';
import { REQUEST_CHANNELS } from '../../src/shared/ipc';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type SimUser } from '../../src/simulator/types';
import { MemorySettings } from '../core/ports';
import { liveCall, type Rig, START, startRig } from '../core/rig';
import { recordingDemo } from '../shell/recording-core';
import { VALID } from '../support/ipc-payloads';
import { type Harness, startHarness } from './harness';

const MINUTE = 60_000;
let close: () => Promise<void> = async () => {};
afterEach(() => close());

describe('a burst of missed calls at the summary threshold', () => {
  async function missAtOnce(count: number): Promise<Rig> {
    const rig = await startRig();
    close = () => rig.close();
    await rig.signIn();
    const ids = Array.from({ length: count }, (_, i) =>
      liveCall(rig.sim, { callState: 'Ringing', fromName: `Caller ${i}`, fromAddress: '+15550123' }),
    );
    await rig.step(MINUTE + 10_000);
    for (const id of ids) rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    return rig;
  }

  it('exactly 4 in one poll: one summary, not 4 notifications', async () => {
    const rig = await missAtOnce(4);
    expect(rig.notifier.shown).toEqual([{ title: 'Missed calls', body: '4 missed calls while you were away' }]);
    expect(rig.core.getState().missed).toHaveLength(4);
  });

  it('5 in one poll: one summary', async () => {
    const rig = await missAtOnce(5);
    expect(rig.notifier.shown).toEqual([{ title: 'Missed calls', body: '5 missed calls while you were away' }]);
  });

  it('3 in one poll, one under: three notifications, one per call', async () => {
    const rig = await missAtOnce(3);
    expect(rig.notifier.shown).toHaveLength(3);
    expect(rig.notifier.shown.every((n) => n.sessionId !== undefined)).toBe(true);
  });
});

describe('marking missed calls seen', () => {
  it('removes the named ones (only those), publishes once, keeps it across a restart; unknown ids change nothing', async () => {
    const rig = await startRig();
    close = () => rig.close();
    await rig.signIn();
    const ids = ['A', 'B'].map((name) =>
      liveCall(rig.sim, { callState: 'Ringing', fromName: name, fromAddress: '+15550123' }),
    );
    await rig.step(MINUTE + 10_000);
    for (const id of ids) rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    const unread = () => rig.core.getState().missed.map((m) => m.sessionId);
    expect(unread().sort()).toEqual([...ids].sort());

    const states = () => rig.events.filter((e) => e.type === 'state').length;
    let before = states();
    rig.core.markMissedSeen(['not-a-missed-call']);
    expect(states(), 'nothing changed: nothing published').toBe(before);
    rig.core.markMissedSeen([ids[0] as string]);
    expect(unread()).toEqual([ids[1]]);
    expect(states()).toBe(before + 1);
    await rig.restart();
    expect(unread(), 'kept across a restart').toEqual([ids[1]]);
    before = states();
    rig.core.markMissedSeen();
    expect(unread()).toEqual([]);
    expect(states()).toBe(before + 1);
  });

  it('a missed call with no number, name or line still says who and when it can', async () => {
    const rig = await startRig();
    close = () => rig.close();
    await rig.signIn();
    const id = liveCall(rig.sim, { callState: 'Ringing' });
    rig.sim.control.updateSession(id, {
      fromAddress: undefined,
      fromName: undefined,
      endpointName: undefined,
      toAddress: undefined,
      callbackNumber: undefined,
    });
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.notifier.shown).toEqual([
      {
        title: 'Missed call from Unknown caller',
        body: 'Missed · now',
        sessionId: id,
        missedCall: { sessionId: id, from: 'Unknown caller', at: expect.any(String) },
      },
    ]);
  });
});

describe('a call that fails again after re-signing in', () => {
  it('signs in once (exactly one POST /auth/credentials), then reports the failure instead of looping', async () => {
    let refuse = 0;
    /** The next `refuse` GET /sessions are answered 401, whatever the cookie: the retry fails too. */
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (refuse > 0 && new URL(String(input)).pathname === '/sessions' && (init?.method ?? 'GET') === 'GET') {
        refuse--;
        return Promise.resolve(
          new Response(JSON.stringify({ responseStatus: { errorCode: 'Unauthorized', message: 'Not signed in' } }), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      return globalThis.fetch(input, init);
    };
    const harness: Harness = await startHarness({ settings: new MemorySettings(), fetch });
    close = () => harness.close();
    await harness.signIn();
    harness.sim.control.clearRequests();
    refuse = 3;
    harness.core.pollNow();
    await harness.core.settled();
    expect(harness.sim.control.requests({ method: 'POST', pathPrefix: '/auth/credentials' })).toHaveLength(1);
    expect(refuse, 'the first call and its one retry were refused, no third try').toBe(1);
    expect(harness.core.getState().connection.status).toBe('degraded');
  });
});

/** Every key the redactor knows (src/main/redact.ts SECRET_KEY), in the spellings APIs use. */
const SECRET_KEYS = [
  'pass',
  'password',
  'passwd',
  'newPassword',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refresh_token',
  'cookie',
  'set-cookie',
  'authorization',
  'authorisation',
  'credential',
  'credentials',
  'ss-id',
  'ss-pid',
  'ss-opt',
  'apiKey',
  'api_key',
  'api-key',
];
/** The keys the redactor also finds inside free text (`key=value`, `"key":"value"`). */
const TEXT_KEYS = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'ss-id',
  'ss-pid',
  'ss-opt',
];

const secretValue = fc.stringMatching(/^[A-Za-z0-9!#%^*_+-]{10,30}$/);
const spelling = (keys: string[]) =>
  fc
    .tuple(fc.constantFrom(...keys), fc.constantFrom('lower', 'upper', 'as-is'))
    .map(([key, how]) => (how === 'lower' ? key.toLowerCase() : how === 'upper' ? key.toUpperCase() : key));

describe('a password the server rejects during an action', () => {
  it('is never sent again, not even by the next action', async () => {
    const user: SimUser = { ...DEMO_USER, accountIds: [...DEMO_USER.accountIds] };
    const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 4, startTime: START, users: [user] });
    const rig = await startRig({ sim });
    close = async () => {
      await rig.close();
      await sim.close();
    };
    await rig.signIn();
    const id = liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    user.password = 'changed-by-the-admin';
    rig.sim.control.expireLogins();
    rig.sim.control.clearRequests();
    await expect(rig.core.hold({ sessionId: id, action: 'hold' })).rejects.toMatchObject({ code: 'password-rejected' });
    await expect(rig.core.hold({ sessionId: id, action: 'hold' })).rejects.toMatchObject({ code: 'password-rejected' });
    expect(rig.sim.control.requests({ method: 'POST', pathPrefix: '/auth/credentials' })).toHaveLength(1);
  });
});

describe('redaction of every key the redactor knows', () => {
  it('in the log file: under the key at any depth, and inside message text', () => {
    const log = createFileLog({ dir: mkdtempSync(join(tmpdir(), 'evo-redact-')) });
    fc.assert(
      fc.property(spelling(SECRET_KEYS), spelling(TEXT_KEYS), secretValue, (key, textKey, secret) => {
        log.info(`Request failed: ${textKey}=${secret}`, {
          [key]: secret,
          nested: { list: [{ [key]: secret }] },
          body: `{"${textKey}":"${secret}"}`,
          url: `https://agent:${secret}@evovoice.io/`,
        });
        expect(readFileSync(log.file, 'utf8'), `${key} / ${textKey}`).not.toContain(secret);
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('an Error, a cycle and plain values: the message redacted, the depth capped, the rest as it was', () => {
    expect(redact(new TypeError('GET /x?password=hunter2 failed'))).toBe(
      'TypeError: GET /x?password=[redacted] failed',
    );
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const out = JSON.stringify(redact(cyclic));
    expect(out).toContain('"[deep]"');
    expect(out.match(/"self"/g)).toHaveLength(9);
    let nested: unknown = 'bottom';
    for (let i = 0; i < 9; i++) nested = [nested];
    expect(JSON.stringify(redact(nested))).toBe(`${'['.repeat(9)}"bottom"${']'.repeat(9)}`);
    expect(JSON.stringify(redact([nested]))).toContain('"[deep]"');
    expect(redact({ n: 1, none: null, yes: true, gone: undefined })).toEqual({
      n: 1,
      none: null,
      yes: true,
      gone: undefined,
    });
  });

  it('in the core events, IPC answers and log: the sign-in password never appears', async () => {
    const harness = await startHarness({ settings: new MemorySettings() });
    close = () => harness.close();
    const events: CoreEvent[] = [];
    harness.core.subscribe((event) => events.push(event));
    const dispatch = createDispatcher(harness.core, {
      log: harness.log,
      signIn: composeSignIn(harness.core, recordingDemo().demo),
      versions: () => ({}),
    });
    const answers: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(secretValue, async (wrong) => {
        const args = { serverUrl: harness.sim.url, userName: DEMO_USER.userName, password: wrong, remember: true };
        const answer = await dispatch('auth:sign-in', args);
        expect(answer).toMatchObject({ ok: false, error: { code: 'password-rejected' } });
        expect(JSON.stringify(answer)).not.toContain(wrong);
      }),
      { numRuns: 10, seed: 24 },
    );
    await harness.signIn();
    for (const channel of REQUEST_CHANNELS) {
      if (channel === 'auth:sign-in' || channel === 'auth:sign-out' || channel === 'auth:sign-in-demo') continue;
      answers.push(await dispatch(channel, VALID[channel]));
    }
    const seen = JSON.stringify({ events, answers, log: harness.log.lines });
    expect(seen).not.toContain(DEMO_USER.password);
    expect(events.length).toBeGreaterThan(0);
  });
});
