// Sign-in, accounts, the keychain, re-sign-in on 401 and the rejected-password rule, against the
// simulator over HTTP with a stepped clock.
import { afterEach, describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type SimUser } from '../../src/simulator/types';
import { liveCall, type Rig, START, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const HOUR = 3_600_000;
const authRequests = () => rig.sim.control.requests({ pathPrefix: '/auth/credentials' });

describe('sign-in', () => {
  it('signs in, keeps the password only in the keychain, and asks which account to work on', async () => {
    rig = await startRig();
    // A server whose GET /auth/status lists the accounts (without them: below).
    rig.sim.control.setStrictness({ authStatus: 'full' });
    const identity = await rig.core.signIn({
      serverUrl: rig.sim.url,
      userName: DEMO_USER.userName,
      password: DEMO_USER.password,
      remember: true,
    });
    expect(identity).toMatchObject({ userName: DEMO_USER.userName, displayName: 'Demo Agent', demo: false });
    expect(identity.accounts.map((a) => a.id)).toEqual(['acct-north', 'acct-south']);
    expect(identity.accountId).toBeUndefined();
    expect(identity.accountsUnlisted).toBeUndefined();
    expect(rig.secrets.entries.get(`evo-voice-console:${rig.sim.url}|${DEMO_USER.userName}`)).toBe(DEMO_USER.password);

    await rig.core.selectAccount('acct-north');
    await rig.core.settled();
    expect(rig.core.getState().identity?.accountId).toBe('acct-north');
    expect(rig.settings.getSettings()).toMatchObject({ accountId: 'acct-north', userName: DEMO_USER.userName });
    expect(rig.core.getState().connection.status).toBe('online');

    const everything = JSON.stringify([
      rig.settings.getSettings(),
      [...rig.settings.records],
      rig.events,
      rig.log.lines,
      rig.core.diagnostics(),
    ]);
    expect(everything).not.toContain(DEMO_USER.password);
  });

  it('does not store the password when not asked to remember it', async () => {
    rig = await startRig();
    await rig.signIn(false);
    expect(rig.secrets.entries.size).toBe(0);
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('still signs in when the keychain is unavailable, and says the password was not remembered', async () => {
    rig = await startRig();
    rig.secrets.unavailable = true;
    await rig.signIn(true);
    expect(rig.core.getState().identity?.keychainProblem).toMatch(/keychain is not available/);
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('refuses a plain-http server that is not this computer', async () => {
    rig = await startRig();
    await expect(
      rig.core.signIn({ serverUrl: 'http://evovoice.io', userName: 'a', password: 'b', remember: false }),
    ).rejects.toMatchObject({ code: 'invalid-server-url' });
  });

  it('reports a wrong password as password-rejected and stores nothing', async () => {
    rig = await startRig();
    const error = await rig.core
      .signIn({ serverUrl: rig.sim.url, userName: DEMO_USER.userName, password: 'nope', remember: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'password-rejected', status: 401 });
    expect(rig.secrets.entries.size).toBe(0);
    expect(rig.core.getState().identity).toBeUndefined();
  });

  it('demo sign-in never touches the keychain or the saved server', async () => {
    rig = await startRig({ settings: { serverUrl: 'https://evovoice.io', userName: 'agent@example.com' } });
    rig.secrets.unavailable = true;
    const identity = await rig.core.signIn(
      { serverUrl: rig.sim.url, userName: DEMO_USER.userName, password: DEMO_USER.password, remember: true },
      { demo: true },
    );
    expect(identity.demo).toBe(true);
    expect(identity.keychainProblem).toBeUndefined();
    expect(rig.settings.getSettings()).toMatchObject({
      serverUrl: 'https://evovoice.io',
      userName: 'agent@example.com',
    });
  });

  it('restores the sign-in on start from settings and the keychain', async () => {
    rig = await startRig();
    await rig.signIn(true);
    liveCall(rig.sim);
    await rig.restart();
    expect(rig.core.getState().identity?.accountId).toBe('acct-north');
    expect(rig.core.getState().connection.status).toBe('online');
    expect(rig.core.getSnapshot().sessions).toHaveLength(1);
  });

  it('stays signed out quietly on start without a stored password', async () => {
    rig = await startRig({ settings: { userName: DEMO_USER.userName } });
    await rig.core.start();
    await rig.step(HOUR);
    expect(rig.core.getState().connection).toEqual({ status: 'signed-out' });
    expect(rig.sim.control.requests()).toHaveLength(0);
  });

  it('on start with the keychain unavailable: stays signed out and says why', async () => {
    rig = await startRig({ settings: { userName: DEMO_USER.userName } });
    rig.secrets.unavailable = true;
    await rig.core.start();
    expect(rig.core.getState().connection).toEqual({
      status: 'signed-out',
      message: 'The system keychain is not available: sign in again.',
    });
  });

  it('on start with the server unreachable: reports offline, then signs in by itself when it is back', async () => {
    rig = await startRig();
    await rig.signIn(true);
    await rig.core.stop();
    rig.sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    await rig.restart();
    expect(rig.core.getState().connection.status).toBe('offline');
    rig.sim.control.clearFaults();
    await rig.step(2 * 60_000);
    expect(rig.core.getState().connection.status).toBe('online');
    expect(rig.core.getState().identity?.accountId).toBe('acct-north');
  });

  it('signs in again once when the cookies expire, and carries on', async () => {
    rig = await startRig();
    await rig.signIn();
    const id = liveCall(rig.sim);
    rig.sim.control.expireLogins();
    const before = authRequests().length;
    await rig.step(70_000);
    expect(authRequests().length).toBe(before + 1);
    expect(rig.core.getState().connection.status).toBe('online');
    expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toContain(id);
  });

  it('signs out: ends the server session, deletes the secret, stops polling', async () => {
    rig = await startRig();
    await rig.signIn();
    await rig.core.signOut();
    expect(rig.secrets.entries.size).toBe(0);
    expect(rig.sim.control.requests({ pathPrefix: '/auth/logout' })).toHaveLength(1);
    expect(rig.core.getState().connection.status).toBe('signed-out');
    rig.sim.control.clearRequests();
    await rig.step(HOUR);
    expect(rig.sim.control.requests()).toHaveLength(0);
  });
});

describe('a password the server rejects', () => {
  it('while working: stops polling, says so, and never sends that password again', async () => {
    const user: SimUser = { ...DEMO_USER, accountIds: [...DEMO_USER.accountIds] };
    const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 2, startTime: START, users: [user] });
    rig = await startRig({ sim });
    try {
      await rig.signIn();
      user.password = 'changed-by-the-admin';
      rig.sim.control.expireLogins();
      const before = authRequests().length;
      await rig.step(70_000);
      expect(rig.core.getState().connection).toMatchObject({
        status: 'signed-out',
        message: 'Signed out: password rejected',
      });
      expect(authRequests().length).toBe(before + 1);
      rig.sim.control.clearRequests();
      rig.power.emit('online');
      rig.power.emit('resume');
      rig.core.pollNow();
      await rig.step(24 * HOUR);
      expect(rig.sim.control.requests()).toHaveLength(0);
      expect(rig.secrets.entries.size).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it('on start: a stored password that is refused is tried once only', async () => {
    rig = await startRig({ settings: { userName: DEMO_USER.userName } });
    await rig.secrets.set(`evo-voice-console:${rig.sim.url}`, DEMO_USER.userName, 'stale-password');
    await rig.core.start();
    await rig.step(24 * HOUR);
    expect(authRequests()).toHaveLength(1);
    expect(rig.core.getState().connection).toMatchObject({
      status: 'signed-out',
      message: 'Signed out: password rejected',
    });
  });
});

describe('a 401 that outlasts signing in again', () => {
  it('stops after two re-sign-ins, asks the agent to sign in, and keeps the saved password', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized' });
    const before = authRequests().length;
    await rig.step(HOUR);
    expect(authRequests().length - before).toBe(2);
    expect(rig.core.getState().connection).toMatchObject({
      status: 'signed-out',
      message: expect.stringMatching(/sign in again/),
    });
    rig.sim.control.clearRequests();
    rig.power.emit('online');
    rig.core.pollNow();
    await rig.step(HOUR);
    expect(rig.sim.control.requests()).toHaveLength(0);
    expect(rig.secrets.entries.get(`evo-voice-console:${rig.sim.url}|${DEMO_USER.userName}`)).toBe(DEMO_USER.password);
  });
});

describe('an SSO proxy in front of Evo Voice', () => {
  for (const kind of ['proxy-html-401', 'proxy-redirect'] as const) {
    it(`${kind} on /auth/credentials is a network problem: the saved password stays, and the console comes back`, async () => {
      rig = await startRig();
      await rig.signIn();
      rig.sim.control.addFault({ endpoint: 'auth', kind, rate: 1 });
      rig.sim.control.expireLogins();
      await rig.step(2 * 60_000);
      expect(rig.core.getState().connection).toMatchObject({
        status: 'offline',
        message: expect.stringMatching(/proxy/),
      });
      expect(rig.secrets.entries.get(`evo-voice-console:${rig.sim.url}|${DEMO_USER.userName}`)).toBe(
        DEMO_USER.password,
      );
      rig.sim.control.clearFaults();
      await rig.step(2 * 60_000);
      expect(rig.core.getState().connection.status).toBe('online');
    });
  }

  it('at sign-in, a proxy page is reported as a network problem, not a wrong password', async () => {
    rig = await startRig();
    rig.sim.control.addFault({ endpoint: 'auth', kind: 'proxy-html-401', count: 1 });
    const error = await rig.core
      .signIn({ serverUrl: rig.sim.url, userName: DEMO_USER.userName, password: DEMO_USER.password, remember: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/proxy/) });
  });
});

describe('without the accounts from GET /auth/status', () => {
  const cases = [
    ['no account ids', (r: Rig) => r.sim.control.setStrictness({ authStatus: 'no-account-ids' })],
    ['no such call', (r: Rig) => r.sim.control.setStrictness({ authStatus: 'missing' })],
    ['a failing call', (r: Rig) => r.sim.control.addFault({ endpoint: 'auth-status', kind: 'error-500', rate: 1 })],
  ] as const;
  for (const [what, setUp] of cases) {
    it(`${what}: polls without AccountIds, names the accounts from the sessions, and works on the chosen one`, async () => {
      rig = await startRig();
      setUp(rig);
      const north = liveCall(rig.sim, { accountName: 'North Desk' });
      const south = rig.sim.control.addSession({ accountId: 'acct-south', accountName: 'South Desk', ended: false });
      await rig.core.signIn({
        serverUrl: rig.sim.url,
        userName: DEMO_USER.userName,
        password: DEMO_USER.password,
        remember: true,
      });
      await rig.core.settled();
      expect(rig.core.getState().identity?.accounts).toEqual(
        expect.arrayContaining([
          { id: 'acct-north', name: 'North Desk' },
          { id: 'acct-south', name: 'South Desk' },
        ]),
      );
      expect(rig.core.getState().identity?.accountsUnlisted, 'the picker offers to enter an id').toBe(true);
      const first = rig.sim.control.requests({ pathPrefix: '/sessions' })[0];
      expect(first?.query.AccountIds).toBeUndefined();

      await expect(rig.core.selectAccount('acct-elsewhere')).rejects.toMatchObject({ code: 'not-found' });
      // A blank id would be ignored by the server's filter, which then answers with every account.
      await expect(rig.core.selectAccount(' ')).rejects.toMatchObject({ code: 'not-found' });
      await rig.core.selectAccount('acct-north');
      await rig.core.settled();
      expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toEqual([north]);
      expect(rig.core.getSnapshot().sessions.map((s) => s.id)).not.toContain(south.id);
      expect(rig.core.getState().connection.status).toBe('online');

      await rig.restart();
      await rig.step(60_000);
      expect(rig.core.getState().identity?.accountId).toBe('acct-north');
      expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toEqual([north]);
    });
  }
});
