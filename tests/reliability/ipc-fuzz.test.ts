// Bad input from the renderer and the user: property-based junk on every IPC channel, sent to a
// real signed-in core through the real dispatcher, is refused with a typed error and leaves main's
// state exactly as it was; requests the schemas accept but that name a call, account or conflict the
// agent does not have are refused by the core the same way; server addresses that are not https
// (or http on this computer) are refused with a reason; console data beyond CONSOLE_DATA_MAX_CHARS
// is refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatch';
import { composeSignIn } from '../../src/main/sign-in';
import { CONSOLE_DATA_MAX_CHARS, REQUEST_CHANNELS, type RequestChannel, requestSchemas } from '../../src/shared/ipc';
import { MemorySettings } from '../core/ports';
import { liveCall } from '../core/rig';
import { recordingDemo } from '../shell/recording-core';
import { junkFor } from '../support/ipc-payloads';
import { type Harness, startHarness } from './harness';

let harness: Harness;
let settings: MemorySettings;
let dispatch: Dispatch;
let callId: string;

beforeAll(async () => {
  settings = new MemorySettings();
  harness = await startHarness({ settings });
  // The server lists the agent's accounts, so refusing a stranger account needs no request (where
  // it lists none, the core asks the server, which tests/core/sign-in covers).
  harness.sim.control.setStrictness({ authStatus: 'full' });
  await harness.signIn();
  callId = liveCall(harness.sim, { consoleData: 'server note' });
  harness.core.pollNow();
  await harness.core.settled();
  harness.sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
  harness.core.saveConsoleData({ sessionId: callId, text: 'pending note', base: {} });
  await harness.core.settled();
  dispatch = createDispatcher(harness.core, {
    log: harness.log,
    signIn: composeSignIn(harness.core, recordingDemo().demo),
    versions: () => ({}),
  });
});
afterAll(() => harness.close());

/** Everything main holds that a request could change, and every request it sent. */
function mainState(): string {
  return JSON.stringify({
    state: harness.core.getState(),
    snapshot: harness.core.getSnapshot(),
    settings: harness.core.getSettings(),
    records: [...settings.records],
    writes: settings.writes,
    requests: harness.sim.control.requests().length,
    timers: harness.clock.pending(),
  });
}

describe('bad input from the renderer', () => {
  it('junk on every channel: a typed refusal, main state unchanged', async () => {
    let refused = 0;
    for (const channel of REQUEST_CHANNELS) {
      await fc.assert(
        fc.asyncProperty(junkFor(channel), async (payload) => {
          const before = mainState();
          const result = await dispatch(channel, payload);
          expect(result).toMatchObject({
            ok: false,
            error: { code: 'invalid-payload', message: expect.stringMatching(/^Refused /) },
          });
          expect(mainState()).toBe(before);
          refused++;
        }),
        { numRuns: 40, seed: 17 },
      );
    }
    console.info(`ipc fuzz: ${refused} junk requests on ${REQUEST_CHANNELS.length} channels refused, state unchanged`);
  });

  it('unknown channels: a typed refusal, main state unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.constantFrom('__proto__', 'constructor', 'toString', 'call:hold ', 'CALL:HOLD')),
        fc.anything(),
        async (channel, payload) => {
          fc.pre(typeof channel !== 'string' || !Object.hasOwn(requestSchemas, channel));
          const before = mainState();
          expect(await dispatch(channel, payload)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
          expect(mainState()).toBe(before);
        },
      ),
      { numRuns: 200, seed: 18 },
    );
  });
});

describe('requests the contract accepts but the core must refuse', () => {
  /** Ids the schema takes that name nothing this agent has: not the call on the board, not an account. */
  const strangerId = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.constantFrom('sess-000001 ', 'acct-NORTH', 'acct-south2', '..'),
    )
    .filter((id) => id !== callId && id !== 'acct-north' && id !== 'acct-south');

  const CASES: Array<[string, (id: string) => [RequestChannel, Record<string, unknown>], string]> = [
    [
      'a hold on a call that is not on the board',
      (id) => ['call:hold', { sessionId: id, action: 'hold' }],
      'not-found',
    ],
    [
      'a resume on a call that is not on the board',
      (id) => ['call:hold', { sessionId: id, action: 'resume' }],
      'not-found',
    ],
    ['an account the user does not have', (id) => ['auth:select-account', { accountId: id }], 'not-found'],
    [
      'resolving a conflict there is none of',
      (id) => ['call:resolve-conflict', { sessionId: id, text: 'mine' }],
      'not-found',
    ],
  ];

  for (const [name, request, code] of CASES) {
    it(`${name}: a typed refusal, main state unchanged`, async () => {
      await fc.assert(
        fc.asyncProperty(strangerId, async (id) => {
          const [channel, args] = request(id);
          expect(requestSchemas[channel].safeParse(args).success, 'the schema accepts it').toBe(true);
          const before = mainState();
          const result = await dispatch(channel, args);
          expect(result).toMatchObject({ ok: false, error: { code } });
          expect(mainState()).toBe(before);
        }),
        { numRuns: 40, seed: 21 },
      );
    });
  }
});

describe('bad input from the user', () => {
  const REFUSED: Array<[string, RegExp]> = [
    ['javascript:alert(1)', /must start with https/],
    ['JAVASCRIPT://evovoice.io/%0aalert(1)', /must start with https/],
    ['file:///etc/passwd', /must start with https/],
    ['data:text/html,<script>alert(1)</script>', /must start with https/],
    ['ftp://evovoice.io', /must start with https/],
    ['ws://127.0.0.1:8080', /must start with https/],
    ['http://evovoice.io', /must be reached over https/],
    ['http://10.0.0.5', /must be reached over https/],
    ['http://127.0.0.1.nip.io', /must be reached over https/],
    ['http://localhost.evil.example', /must be reached over https/],
    ['http://[::ffff:7f00:1]', /must be reached over https/],
    ['https://agent:secret@evovoice.io', /must not contain a user name or password/],
    ['https://evovoice.io@evil.example', /must not contain a user name or password/],
    ['https://ev ovoice.io', /is not a web address/],
    ['https://evovoice.io?next=evil', /must not contain \? or #/],
    ['https://evovoice.io/#x', /must not contain \? or #/],
    ['evovoice.io', /is not a web address/],
    ['', /is not a web address/],
  ];

  it('server addresses that are not https (or http on this computer) are refused with a reason', async () => {
    for (const [serverUrl, reason] of REFUSED) {
      const before = mainState();
      for (const [channel, args] of [
        ['auth:sign-in', { serverUrl: serverUrl || ' ', userName: 'agent', password: 'pw', remember: true }],
        ['settings:update', { serverUrl }],
      ] as const) {
        const result = await dispatch(channel, args);
        expect(result.ok, `${channel} ${serverUrl}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${channel} ${serverUrl}`).toBe('invalid-server-url');
          expect(result.error.message, `${channel} ${serverUrl}`).toMatch(reason);
        }
      }
      expect(mainState(), serverUrl).toBe(before);
    }
  });

  it('any string at all is either refused with a reason or an https / loopback-http origin without credentials', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc.constantFrom('http://localhost:1', 'https://team.evovoice.io/'),
        ),
        async (serverUrl) => {
          const result = await dispatch('settings:update', { serverUrl });
          if (!result.ok) {
            expect(result.error.code).toBe('invalid-server-url');
            expect(result.error.message.length).toBeGreaterThan(20);
            return;
          }
          const saved = new URL(harness.core.getSettings().serverUrl);
          expect(saved.username + saved.password + saved.search + saved.hash).toBe('');
          expect(saved.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(saved.hostname)).toBe(
            true,
          );
        },
      ),
      { numRuns: 150, seed: 19 },
    );
  });

  it('console data longer than CONSOLE_DATA_MAX_CHARS is refused; exactly the limit is kept', async () => {
    const before = mainState();
    for (const text of ['n'.repeat(CONSOLE_DATA_MAX_CHARS + 1), 'n'.repeat(1024 * 1024)]) {
      const result = await dispatch('call:save-console-data', { sessionId: callId, text, base: {} });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload', message: expect.stringMatching(/text/) },
      });
    }
    expect(mainState()).toBe(before);
    const full = 'n'.repeat(CONSOLE_DATA_MAX_CHARS);
    const kept = await dispatch('call:save-console-data', { sessionId: callId, text: full, base: {} });
    expect(kept).toMatchObject({ ok: true, value: { pending: full } });
  });
});
