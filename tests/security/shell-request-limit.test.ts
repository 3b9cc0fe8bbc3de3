// A page that fires hundreds of reads cannot turn them into hundreds of server requests: the
// dispatcher (both shells) shares identical reads in flight and paces each read channel (issue 21,
// item 11). The real console against the simulator over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SecretStore } from '../../src/main/core/ports';
import { CHANNEL_LIMITS, MAX_WAITING } from '../../src/main/ipc/request-limit';
import { startSimulator } from '../../src/simulator/index';
import type { Simulator } from '../../src/simulator/types';
import { composeWebConsole, type WebConsole } from '../../src/web/compose';
import { recordingLog } from '../shell/recording-core';

const USER = {
  userName: 'pace@evovoice.example',
  password: 'Pw-pace-51e0c2',
  displayName: 'Pace',
  userId: 'user-pace',
  accountIds: ['acct-north'],
};

const memorySecrets = (): SecretStore => {
  const kept = new Map<string, string>();
  return {
    get: async (s, a) => kept.get(`${s}\n${a}`) ?? null,
    set: async (s, a, v) => void kept.set(`${s}\n${a}`, v),
    delete: async (s, a) => kept.delete(`${s}\n${a}`),
  };
};

let sim: Simulator;
let web: WebConsole;

beforeAll(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, users: [USER], seed: 5 });
  sim.control.loadSessions(30, { accountId: 'acct-north' });
  web = composeWebConsole({
    dataDir: mkdtempSync(join(tmpdir(), 'evo-sec-pace-')),
    appVersion: '0.1.0-test',
    offerDemo: false,
    log: recordingLog().log,
    secrets: memorySecrets(),
  });
  const signIn = await web.dispatch('auth:sign-in', {
    serverUrl: sim.url,
    userName: USER.userName,
    password: USER.password,
    remember: false,
  });
  expect(signIn).toMatchObject({ ok: true });
  await web.dispatch('auth:select-account', { accountId: 'acct-north' });
});

afterAll(async () => {
  await web.core.stop();
  await sim.close();
});

/** The history reads of this test: countPerPage 10 (the console's own polls ask for more). */
const historyRequests = () => sim.control.requests().filter((r) => r.query.CountPerPage === '10').length;

describe('reads a page can repeat', () => {
  it('300 identical history reads at once reach the server once', async () => {
    const before = historyRequests();
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => web.dispatch('history:load', { page: 0, countPerPage: 10 })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(historyRequests() - before).toBe(1);
  });

  it('300 different history reads at once: a burst, a short queue, the rest refused in words', async () => {
    const { burst } = CHANNEL_LIMITS['history:load'] ?? { burst: 0 };
    const before = historyRequests();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, page) => web.dispatch('history:load', { page, countPerPage: 10 })),
    );
    const sent = historyRequests() - before;
    console.info(`300 history reads: ${sent} server requests in ${Date.now() - started} ms`);
    // The refill while the queue drains may add one or two tokens more than the burst.
    expect(sent).toBeLessThanOrEqual(burst + MAX_WAITING + 2);
    expect(answers.filter((a) => a.ok).length).toBe(sent);
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBe(300 - sent);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', message: expect.stringMatching(/try again/) },
    });
    // Paced, not broken: a read a moment later goes through.
    await new Promise((r) => setTimeout(r, 600));
    expect(await web.dispatch('history:load', { page: 1, countPerPage: 10 })).toMatchObject({ ok: true });
  });
});
