// Which account the console works on, against the simulator: the names the server lists, one
// account taken without asking (and remembered, but never for the demo), an account typed by hand
// renamed once one of its calls names it, and what the connection line says while a remembered
// sign-in is restored at start and when a poll fails.
import { afterEach, describe, expect, it } from 'vitest';

import type { Connection, Identity } from '../../src/shared/live';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type SimUser } from '../../src/simulator/types';
import { liveCall, type Rig, START, startRig } from './rig';

let rig: Rig;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await rig.close();
  for (const close of closing.splice(0)) await close();
});

const connections = () => rig.events.flatMap((e) => (e.type === 'state' ? [e.state.connection] : [])) as Connection[];

async function oneAccountRig(): Promise<Rig> {
  const user: SimUser = { ...DEMO_USER, accountIds: ['acct-south'] };
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 5, startTime: START, users: [user] });
  closing.push(() => sim.close());
  return startRig({ sim });
}

/** The demo agent signs in to the rig's simulator, the server being `authStatus` about accounts. */
async function signIn(
  authStatus: 'full' | 'no-account-ids',
  options: { remember?: boolean; demo?: boolean } = {},
): Promise<Identity> {
  rig.sim.control.setStrictness({ authStatus });
  const identity = await rig.core.signIn(
    {
      serverUrl: rig.sim.url,
      userName: DEMO_USER.userName,
      password: DEMO_USER.password,
      remember: options.remember ?? false,
    },
    { demo: options.demo ?? false },
  );
  await rig.core.settled();
  return identity;
}

describe('accounts', () => {
  it('a listed account carries the name the server gives it', async () => {
    rig = await startRig();
    const identity = await signIn('full');
    expect(identity.accounts).toEqual([
      { id: 'acct-north', name: 'Northwind Health (North)' },
      { id: 'acct-south', name: 'Southgate Logistics (South)' },
    ]);
    expect(identity).toMatchObject({ displayName: 'Demo Agent', userId: 'user-demo' });
  });

  it('an agent with one account works on it without being asked, and it is remembered', async () => {
    rig = await oneAccountRig();
    await signIn('full', { remember: true });
    expect(rig.core.getState().identity?.accountId).toBe('acct-south');
    expect(rig.settings.getSettings().accountId).toBe('acct-south');
  });

  it('the demo never writes its account into the settings, taken without asking or picked', async () => {
    rig = await oneAccountRig();
    await signIn('full', { demo: true });
    expect(rig.core.getState().identity?.accountId).toBe('acct-south');
    await rig.core.selectAccount('acct-south');
    await rig.core.settled();
    expect(rig.settings.getSettings().accountId).toBe('');
  });

  it('an account typed by hand is named by the first of its calls that carries a name', async () => {
    rig = await startRig();
    await signIn('no-account-ids');
    expect(rig.core.getState().identity?.accounts).toEqual([]);
    await rig.core.selectAccount('acct-north');
    expect(rig.core.getState().identity?.accounts).toEqual([{ id: 'acct-north', name: 'acct-north' }]);

    liveCall(rig.sim, { accountName: 'North Desk' });
    await rig.step(60_000);
    expect(rig.core.getState().identity?.accounts).toEqual([{ id: 'acct-north', name: 'North Desk' }]);
    liveCall(rig.sim, { accountName: 'Renamed Later' });
    await rig.step(60_000);
    expect(rig.core.getState().identity?.accounts, 'a name, once known, stays').toEqual([
      { id: 'acct-north', name: 'North Desk' },
    ]);
  });

  it('at start, a remembered sign-in says it is connecting to the server until the first poll answers', async () => {
    rig = await startRig();
    await rig.signIn(true);
    await rig.restart();
    const host = new URL(rig.sim.url).host;
    expect(connections()).toContainEqual({ status: 'offline', message: `Connecting to ${host}…` });
    expect(rig.core.getState().connection.status).toBe('online');
  });

  it('a failed poll says when it will try again, after now', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', rate: 1 });
    rig.core.pollNow();
    await rig.core.settled();
    const connection = rig.core.getState().connection;
    expect(connection.status).toBe('degraded');
    expect(Date.parse(connection.nextRetry ?? '')).toBeGreaterThan(rig.clock.now());
  });
});
