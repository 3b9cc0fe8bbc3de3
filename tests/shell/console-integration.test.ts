// The web shell's real console (core + dispatcher + demo) against the real simulator over HTTP:
// no channel, event, log or file ever carries the password; the demo signs in and shows live calls.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createFileLog } from '../../src/main/file-log';
import { forwardCoreEvents } from '../../src/main/ipc/events';
import type { SessionInfo } from '../../src/shared/evovoice';
import type { EventChannel, RequestChannel } from '../../src/shared/ipc';
import { applyListPatch, type RowSnapshot, unpackRows } from '../../src/shared/live';
import { startSimulator } from '../../src/simulator/index';
import type { Simulator } from '../../src/simulator/types';
import { composeWebConsole, type WebConsole } from '../../src/web/compose';

const PASSWORD = 'Pw-9d41c7e2-never-leaks';
const USER = {
  userName: 'leak-check@evovoice.example',
  password: PASSWORD,
  displayName: 'Leak Check',
  userId: 'user-leak',
  accountIds: ['acct-north', 'acct-south'],
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function consoleIn(dataDir: string, offerDemo = true): WebConsole {
  const log = createFileLog({ dir: join(dataDir, 'logs') });
  const web = composeWebConsole({ dataDir, appVersion: '0.1.0-test', offerDemo, log });
  cleanups.push(
    () => web.demo.stop(),
    () => web.core.stop(),
  );
  return web;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('web console against the simulator', () => {
  it('never returns, emits, logs or stores the password', async () => {
    const sim: Simulator = await startSimulator({ clock: 'manual', scenario: false, users: [USER], seed: 7 });
    cleanups.push(() => sim.close());
    sim.control.loadSessions(20, { accountId: 'acct-north' });
    const dataDir = mkdtempSync(join(tmpdir(), 'evo-web-'));
    const { core, dispatch } = consoleIn(dataDir);
    const seen: unknown[] = [];
    forwardCoreEvents(core, (event, payload) => seen.push({ event, payload }));

    const signIn = await dispatch('auth:sign-in', {
      serverUrl: sim.url,
      userName: USER.userName,
      password: PASSWORD,
      remember: false,
    });
    expect(signIn).toMatchObject({ ok: true, value: { userName: USER.userName, demo: false } });
    const answers: unknown[] = [signIn];
    const reads: [RequestChannel, unknown][] = [
      ['state:get', {}],
      ['auth:select-account', { accountId: 'acct-north' }],
      ['live:resync', {}],
      ['poll:now', {}],
      ['settings:get', {}],
      ['app:diagnostics', {}],
      ['history:load', { page: 0, countPerPage: 25 }],
      ['dashboard:load', {}],
      ['auth:select-account', { accountId: 'acct-south' }],
      ['state:get', {}],
    ];
    for (const [channel, args] of reads) {
      const result = await dispatch(channel, args);
      expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
      answers.push(result);
    }
    const wrong = await dispatch('auth:sign-in', {
      serverUrl: sim.url,
      userName: USER.userName,
      password: `${PASSWORD}-typo`,
      remember: false,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'password-rejected' } });
    answers.push(wrong, await dispatch('app:diagnostics', {}));

    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
    expect(JSON.stringify(seen)).not.toContain(PASSWORD);
    expect(seen.length).toBeGreaterThan(0);
    await core.stop();
    for (const file of filesUnder(dataDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(PASSWORD);
  });

  it('signs in to the demo, shows live calls, and stops the simulator on sign-out', async () => {
    const { core, dispatch, demo } = consoleIn(mkdtempSync(join(tmpdir(), 'evo-web-')));
    let sessions: SessionInfo[] = [];
    const events: EventChannel[] = [];
    forwardCoreEvents(core, (event, payload) => {
      events.push(event);
      if (event === 'live:snapshot') sessions = unpackRows((payload as RowSnapshot).sessions);
      if (event === 'live:patch') sessions = applyListPatch(sessions, (payload as { sessions?: never }).sessions);
    });
    await dispatch('app:visibility', { visible: true });
    const identity = await dispatch('auth:sign-in-demo', {});
    expect(identity).toMatchObject({ ok: true, value: { demo: true } });
    const url = demo.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const started = Date.now();
    while (sessions.length === 0 && Date.now() < started + 15_000) await new Promise((r) => setTimeout(r, 50));
    expect(sessions.length).toBeGreaterThan(0);
    console.info(`demo: first live call after ${Date.now() - started} ms`);
    expect(events).toContain('state:changed');

    expect(await dispatch('auth:sign-out', {})).toEqual({ ok: true, value: null });
    expect(demo.url()).toBeUndefined();
    await expect(fetch(`${url}/auth/status`)).rejects.toThrow();
    expect((await dispatch('state:get', {})) as unknown).toMatchObject({
      ok: true,
      value: { state: { connection: { status: 'signed-out' } } },
    });
  });

  it('tells the agent through state:get when a damaged settings file was reset', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'evo-web-'));
    writeFileSync(join(dataDir, 'settings.json'), '{"settings": ');
    const { dispatch } = consoleIn(dataDir);
    const state = await dispatch('state:get', {});
    expect(state).toMatchObject({
      ok: true,
      value: {
        notices: [
          {
            code: 'settings-reset',
            message: expect.stringMatching(/reset to the defaults/),
            detail: expect.stringMatching(/settings\.json was damaged/),
          },
        ],
      },
    });
  });

  it('refuses the demo when it is not offered, and says so in state:get', async () => {
    const { dispatch, demo } = consoleIn(mkdtempSync(join(tmpdir(), 'evo-web-')), false);
    expect(await dispatch('state:get', {})).toMatchObject({ ok: true, value: { demoOffered: false } });
    expect(await dispatch('auth:sign-in-demo', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(demo.url()).toBeUndefined();
  });
});
