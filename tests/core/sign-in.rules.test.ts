// Sign-ins against the simulator over HTTP, beyond the main paths of sign-in.test.ts: what needs a
// sign-in says so, a second sign-in ends the first, a remembered password lives only in the
// keychain (and a forgotten one only in memory), the account list failing after sign-in, what
// sign-out removes (and what it leaves for the demo), an account switch while signing out, stop.
import { afterEach, describe, expect, it } from 'vitest';

import { PASSWORD_GONE } from '../../src/main/core/login';
import { secretService } from '../../src/main/core/server-url';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type SimUser } from '../../src/simulator/types';
import { type Rig, START, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const credentials = (remember: boolean) => ({
  serverUrl: rig.sim.url,
  userName: DEMO_USER.userName,
  password: DEMO_USER.password,
  remember,
});
const MINUTE = 60_000;

describe('sign-in rules', () => {
  it('what needs a sign-in says so before anyone signed in, and after stop', async () => {
    rig = await startRig();
    const signInFirst = { code: 'not-signed-in', message: 'Sign in to Evo Voice first.' };
    await expect(rig.core.selectAccount('acct-north')).rejects.toMatchObject(signInFirst);
    await rig.signIn();
    await rig.core.stop();
    await expect(rig.core.selectAccount('acct-north')).rejects.toMatchObject(signInFirst);
  });

  it('a second sign-in ends the first session on the server', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.clearRequests();
    await rig.core.signIn(credentials(true));
    await rig.core.settled();
    expect(rig.sim.control.requests({ pathPrefix: '/auth/logout' })).toHaveLength(1);
  });

  it('a remembered password is read from the keychain to sign in again: gone from there, it is gone', async () => {
    rig = await startRig();
    await rig.signIn(true);
    rig.secrets.entries.clear();
    rig.sim.control.expireLogins();
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().connection).toMatchObject({ status: 'signed-out', message: PASSWORD_GONE });
  });

  it('a password not remembered stays in memory: the console signs in again after the server forgot it', async () => {
    rig = await startRig();
    await rig.signIn(false);
    expect(rig.secrets.entries.size).toBe(0);
    rig.sim.control.expireLogins();
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('names no keychain problem when there is none, and the line is online at once', async () => {
    rig = await startRig();
    const identity = await rig.core.signIn(credentials(true));
    expect('keychainProblem' in identity).toBe(false);
    const lines = rig.events.flatMap((e) => (e.type === 'state' ? [e.state.connection.status] : []));
    expect(lines).toContain('online');
    expect(lines.every((status) => ['signed-out', 'offline', 'online', 'degraded'].includes(status))).toBe(true);
  });

  it('signed in while the account list cannot load: the sign-in stands, the poll retries, the log says so', async () => {
    rig = await startRig();
    rig.sim.control.addFault({ endpoint: 'auth-status', kind: 'reset', count: 1 });
    const identity = await rig.core.signIn(credentials(false));
    expect(identity.userName).toBe(DEMO_USER.userName);
    expect(rig.log.lines).toContain(
      'warn Signed in, but the account list did not load; the poll will retry {"code":"network"}',
    );
  });

  it('sign-out removes the user name and account from the settings, and nothing when nobody is signed in', async () => {
    rig = await startRig();
    await rig.core.signOut();
    await rig.signIn();
    expect(rig.settings.getSettings()).toMatchObject({ userName: DEMO_USER.userName, accountId: 'acct-north' });
    await rig.core.signOut();
    expect(rig.settings.getSettings()).toMatchObject({ userName: '', accountId: '' });
    expect(rig.core.getState().identity).toBeUndefined();
  });

  it('the demo sign-out leaves the settings and the keychain as they were', async () => {
    rig = await startRig({
      settings: { serverUrl: 'https://evovoice.io', userName: 'agent@example.com', accountId: 'a1' },
    });
    rig.secrets.entries.set(`${secretService(rig.sim.url)}|${DEMO_USER.userName}`, 'kept');
    await rig.core.signIn(credentials(false), { demo: true });
    await rig.core.signOut();
    expect(rig.settings.getSettings()).toMatchObject({ userName: 'agent@example.com', accountId: 'a1' });
    expect(rig.secrets.entries.size).toBe(1);
    expect(rig.sim.control.requests({ pathPrefix: '/auth/logout' })).toHaveLength(1);
  });

  it('two accounts picked at once: the one checked last is refused with words; each answer names its account', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ authStatus: 'no-account-ids' });
    await rig.core.signIn(credentials(false));
    const picks = await Promise.allSettled([
      rig.core.selectAccount('acct-south'),
      rig.core.selectAccount('acct-north'),
    ]);
    const done = picks.flatMap((p) => (p.status === 'fulfilled' ? [p.value.accountId] : []));
    const refused = picks.flatMap((p) => (p.status === 'rejected' ? [p.reason as unknown] : []));
    expect(done).toHaveLength(1);
    expect(['acct-south', 'acct-north']).toContain(done[0]);
    expect(refused).toEqual([
      expect.objectContaining({ code: 'not-signed-in', message: 'Signed out meanwhile: sign in again.' }),
    ]);
    expect(rig.core.getState().identity?.accountId).toBe(done[0]);
  });

  it('the network gone after the server rejected the password keeps the rejection on the line', async () => {
    const user: SimUser = { ...DEMO_USER, accountIds: [...DEMO_USER.accountIds] };
    const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 2, startTime: START, users: [user] });
    rig = await startRig({ sim });
    try {
      await rig.signIn(false);
      user.password = 'changed-by-the-admin';
      rig.sim.control.expireLogins();
      await rig.step(70_000);
      const rejected = { status: 'signed-out', message: 'Signed out: password rejected' };
      expect(rig.core.getState().connection).toMatchObject(rejected);
      rig.power.emit('offline');
      expect(rig.core.getState().connection).toMatchObject(rejected);
    } finally {
      await rig.close();
      await sim.close();
    }
  });

  it('at start, a remembered password gone from the keychain is explained; one never remembered is not', async () => {
    rig = await startRig();
    await rig.signIn(true);
    rig.secrets.entries.clear();
    await rig.restart();
    expect(rig.core.getState().connection).toMatchObject({
      status: 'signed-out',
      message: expect.stringMatching(/no longer in the system keychain/),
    });

    await rig.close();
    rig = await startRig({ settings: { userName: DEMO_USER.userName } });
    await rig.core.start();
    expect('message' in rig.core.getState().connection).toBe(false);
  });
});
