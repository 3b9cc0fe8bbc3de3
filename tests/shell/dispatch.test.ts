// The dispatcher refuses every malformed request before the core sees it, and maps errors to types.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { KeychainUnavailableError } from '../../src/main/core/ports';
import { createDispatcher } from '../../src/main/ipc/dispatch';
import { CHANNEL_LIMITS, MAX_WAITING } from '../../src/main/ipc/request-limit';
import { composeSignIn } from '../../src/main/sign-in';
import { REQUEST_CHANNELS, type RequestChannel, requestSchemas } from '../../src/shared/ipc';
import { junkFor, VALID } from '../support/ipc-payloads';
import { recordingCore, recordingDemo, recordingLog, signedOutState } from './recording-core';

function setup() {
  const { core, calls } = recordingCore({
    getState: () => signedOutState(),
    getSnapshot: () => ({ version: 0, sessions: [], activity: [] }),
    diagnostics: () => 'core: fine',
  });
  const demo = recordingDemo();
  const { log, lines } = recordingLog();
  const shellCalls: string[] = [];
  const dispatch = createDispatcher(core, {
    log,
    signIn: composeSignIn(core, demo.demo),
    versions: () => ({ app: '0.1.0' }),
    restartToUpdate: async () => {
      shellCalls.push('restartToUpdate');
      return { restarting: false, reason: 'A call is live.' };
    },
  });
  return { dispatch, calls, demoCalls: demo.calls, shellCalls, lines };
}

describe('dispatcher', () => {
  it('refuses junk on every channel with invalid-payload, and never reaches the core', async () => {
    for (const channel of REQUEST_CHANNELS) {
      await fc.assert(
        fc.asyncProperty(junkFor(channel), async (payload) => {
          const { dispatch, calls, demoCalls, shellCalls, lines } = setup();
          const result = await dispatch(channel, payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
          expect(calls).toEqual([]);
          expect(demoCalls).toEqual([]);
          expect(shellCalls).toEqual([]);
          expect(lines.some((l) => l.level === 'warn' && l.message === 'Refused an IPC request')).toBe(true);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('refuses channels outside the contract', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((c) => typeof c !== 'string' || !Object.hasOwn(requestSchemas, c)),
        async (channel) => {
          const { dispatch, calls } = setup();
          expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
          expect(calls).toEqual([]);
        },
      ),
    );
    const { dispatch } = setup();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('runs every valid request on the core exactly once', async () => {
    /** What each channel runs: core methods, demo calls, then shell calls, each once. */
    const RUNS: Record<RequestChannel, [string[], string[], string[]]> = {
      'state:get': [['getState', 'getRowSnapshot', 'getSettings'], [], []],
      'live:resync': [['getRowSnapshot'], [], []],
      'live:rows': [['snapshotRows'], [], []],
      'call:details': [['callDetails'], [], []],
      'poll:now': [['pollNow'], [], []],
      'app:visibility': [['setWindowVisible'], [], []],
      'app:diagnostics': [['diagnostics'], [], []],
      'auth:sign-in': [['signIn'], ['stop'], []],
      'auth:sign-in-demo': [[], ['signIn'], []],
      'auth:sign-out': [['signOut'], ['stop'], []],
      'auth:select-account': [['selectAccount'], [], []],
      'call:hold': [['hold'], [], []],
      'call:save-console-data': [['saveConsoleData'], [], []],
      'call:resolve-conflict': [['resolveConflict'], [], []],
      'call:retry-console-data': [['retryConsoleData'], [], []],
      'call:discard-console-data': [['discardConsoleData'], [], []],
      'missed:mark-seen': [['markMissedSeen'], [], []],
      'history:load': [['loadCallHistory'], [], []],
      'dashboard:load': [['loadDashboard'], [], []],
      'voicemail:audio': [['voicemailAudio'], [], []],
      'settings:get': [['getSettings'], [], []],
      'settings:update': [['updateSettings'], [], []],
      'app:restart-to-update': [[], [], ['restartToUpdate']],
      'activity:more': [['loadOlderActivity'], [], []],
    };
    for (const channel of REQUEST_CHANNELS) {
      const { dispatch, calls, demoCalls, shellCalls } = setup();
      const result = await dispatch(channel, VALID[channel]);
      expect(result.ok, channel).toBe(true);
      expect([calls.map((c) => c.method), demoCalls, shellCalls], channel).toEqual(RUNS[channel]);
    }
  });

  it('passes the validated arguments, not the raw ones', async () => {
    const { dispatch, calls } = setup();
    await dispatch('call:hold', { sessionId: 's9', action: 'resume' });
    expect(calls).toEqual([{ method: 'hold', args: [{ sessionId: 's9', action: 'resume' }] }]);
  });

  it('passes core errors through typed, and hides unexpected ones behind internal + a log line', async () => {
    const coreError = Object.assign(new Error('Someone else changed this note.'), { code: 'conflict', status: 409 });
    const { core } = recordingCore({
      hold: () => Promise.reject(coreError),
      loadDashboard: () => Promise.reject(new TypeError('secret internals at line 3')),
      signIn: () => Promise.reject(new KeychainUnavailableError('No keychain: unlock it.')),
    });
    const { log, lines } = recordingLog();
    const dispatch = createDispatcher(core, {
      log,
      signIn: composeSignIn(core, recordingDemo().demo),
      versions: () => ({}),
    });
    expect(await dispatch('call:hold', VALID['call:hold'])).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Someone else changed this note.', status: 409 },
    });
    const internal = await dispatch('dashboard:load', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('secret internals');
    expect(lines.find((l) => l.level === 'error')?.data).toMatchObject({ channel: 'dashboard:load' });
    expect(await dispatch('auth:sign-in', VALID['auth:sign-in'])).toEqual({
      ok: false,
      error: { code: 'keychain-unavailable', message: 'No keychain: unlock it.' },
    });
  });

  it("refuses a page's settings update that loosens the colleagues'-calls rule, and saves nothing of it", async () => {
    const { dispatch, calls } = setup();
    for (const holdOthersCalls of ['allow', 'confirm', 'deny']) {
      const result = await dispatch('settings:update', { theme: 'dark', holdOthersCalls });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(calls.filter((c) => c.method === 'updateSettings')).toEqual([]);
  });

  it('diagnostics put the shell versions before the core text', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app:diagnostics', {})).toEqual({ ok: true, value: 'app: 0.1.0\n\ncore: fine' });
  });

  it('paces a read channel: the burst at once, then one per refill in order, a full queue refused', async () => {
    let clock = 0;
    const slept: number[] = [];
    const wake: (() => void)[] = [];
    const { core, calls } = recordingCore({ loadCallHistory: (args) => args });
    const { log, lines } = recordingLog();
    const dispatch = createDispatcher(core, {
      log,
      signIn: composeSignIn(core, recordingDemo().demo),
      versions: () => ({}),
      limit: {
        now: () => clock,
        sleep: (ms) => {
          slept.push(ms);
          return new Promise<void>((resolve) => wake.push(resolve));
        },
      },
    });
    const { burst, perSecond } = CHANNEL_LIMITS['history:load'] ?? { burst: 0, perSecond: 1 };
    const answers = Array.from({ length: burst + MAX_WAITING + 3 }, (_, page) =>
      dispatch('history:load', { page, countPerPage: 10 }),
    );
    await new Promise((r) => setImmediate(r));
    expect(calls.filter((c) => c.method === 'loadCallHistory')).toHaveLength(burst);
    expect(slept).toEqual(Array.from({ length: MAX_WAITING }, (_, i) => ((i + 1) * 1000) / perSecond));
    const refused = await Promise.all(answers.slice(burst + MAX_WAITING));
    expect(refused.every((a) => !a.ok && a.error.code === 'rate-limited')).toBe(true);
    expect(lines.some((l) => l.message === 'Refused an IPC request: too many waiting')).toBe(true);
    clock += 1000 / perSecond;
    wake.shift()?.();
    await answers[burst];
    const pages = calls.filter((c) => c.method === 'loadCallHistory').map((c) => (c.args[0] as { page: number }).page);
    expect(pages).toEqual([...Array.from({ length: burst }, (_, i) => i), burst]);
    // Other channels are not paced.
    for (let i = 0; i < 50; i += 1) expect(await dispatch('settings:get', {})).toMatchObject({ ok: true });
  });
});
