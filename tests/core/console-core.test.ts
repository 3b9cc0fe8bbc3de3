// The core's wiring (console-core.ts) against the simulator: what the shells' calls do beyond the
// modules they reach: signed out, every call action is refused in words; a window that appears
// polls at once; state is published only when it changed; stop ends polling until start.
import { afterEach, describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { DEMO_USER } from '../../src/simulator/types';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const sessionReads = (r: Rig) => r.sim.control.requests({ pathPrefix: '/sessions', method: 'GET' }).length;
const stateEvents = (r: Rig) => r.events.filter((e) => e.type === 'state').length;

async function refusal(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the console core', () => {
  it('signed out, every call action is refused with what to do, and nothing is sent', async () => {
    rig = await startRig();
    const r = rig;
    r.sim.control.clearRequests();
    const actions: (() => unknown)[] = [
      () => r.core.hold({ sessionId: 's1', action: 'hold' }),
      () => r.core.saveConsoleData({ sessionId: 's1', text: 'note', base: {} }),
      () => r.core.resolveConflict({ sessionId: 's1', text: 'note' }),
      () => r.core.retryConsoleData({ sessionId: 's1' }),
      () => r.core.discardConsoleData({ sessionId: 's1' }),
      () => r.core.loadOlderActivity(),
      () => r.core.loadCallHistory({ page: 0, countPerPage: 10 }),
      () => r.core.loadDashboard(),
    ];
    for (const action of actions) {
      const error = await refusal(action);
      expect(error).toBeInstanceOf(CoreError);
      expect(error).toMatchObject({ code: 'not-signed-in', message: 'Sign in to Evo Voice first.' });
    }
    expect(r.sim.control.requests({})).toEqual([]);
    expect(r.core.getState().consoleData).toEqual({});
    expect(r.core.diagnostics()).toContain('window visible false, locked false');
  });

  it('signed in without an account chosen, the portal asks for one first', async () => {
    rig = await startRig();
    await rig.core.signIn({
      serverUrl: rig.sim.url,
      userName: DEMO_USER.userName,
      password: DEMO_USER.password,
      remember: false,
    });
    await rig.core.settled();
    // The demo user has several accounts: none is chosen for them.
    expect(rig.core.getState().identity?.accountId).toBeUndefined();
    rig.sim.control.clearRequests();
    const r = rig;
    for (const work of [() => r.core.loadDashboard(), () => r.core.loadCallHistory({ page: 0, countPerPage: 5 })]) {
      expect(await refusal(work)).toMatchObject({ code: 'not-signed-in', message: 'Choose an account first.' });
    }
    expect(r.sim.control.requests({ pathPrefix: '/portal' })).toEqual([]);
  });

  it('settings the schema refuses are refused in words saying what was wrong', async () => {
    rig = await startRig();
    const error = await refusal(() => rig?.core.updateSettings({ pollLiveMs: 'soon' } as never));
    expect(error).toMatchObject({ code: 'invalid-payload' });
    expect((error as Error).message).toMatch(/^Settings not saved: .+\.$/);
    expect((error as Error).message).not.toBe('Settings not saved: invalid.');
  });

  it('a window that appears polls at once; one that stays shown or hides does not', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.clearRequests();
    // Hidden until the shell says otherwise: the first time it shows, it polls.
    rig.core.setWindowVisible(true);
    await rig.core.settled();
    expect(sessionReads(rig)).toBeGreaterThan(0);
    rig.sim.control.clearRequests();
    rig.core.setWindowVisible(true);
    rig.core.setWindowVisible(false);
    await rig.core.settled();
    expect(sessionReads(rig)).toBe(0);
    rig.core.setWindowVisible(true);
    await rig.core.settled();
    expect(sessionReads(rig)).toBeGreaterThan(0);
  });

  it('publishes state when missed calls are marked seen only if that changed the list', async () => {
    rig = await startRig();
    await rig.signIn();
    const before = stateEvents(rig);
    rig.core.markMissedSeen();
    expect(stateEvents(rig)).toBe(before);
  });

  it('after stop, time passing sends nothing; start signs the remembered agent in again and polls', async () => {
    rig = await startRig();
    await rig.signIn();
    liveCall(rig.sim);
    await rig.core.stop();
    rig.sim.control.clearRequests();
    await rig.step(60_000);
    expect(rig.sim.control.requests({})).toEqual([]);
    await rig.core.start();
    await rig.core.settled();
    expect(rig.core.getState().identity?.userName).toBeDefined();
    expect(sessionReads(rig)).toBeGreaterThan(0);
    expect(rig.core.getSnapshot().sessions).toHaveLength(1);
  });

  it('a subscriber gets the board, then the state, then every change of state', async () => {
    rig = await startRig();
    const seen: string[] = [];
    rig.core.subscribe((event) => seen.push(event.type));
    expect(seen).toEqual(['snapshot', 'state']);
    const first = rig.events.slice(0, 2);
    expect(first[0]).toMatchObject({ type: 'snapshot', snapshot: rig.core.getSnapshot(), rows: { version: 0 } });
    expect(first[1]).toEqual({ type: 'state', state: rig.core.getState() });
    await rig.signIn();
    const states = rig.events.flatMap((e) => (e.type === 'state' ? [e.state] : []));
    expect(states.at(-1)).toEqual(rig.core.getState());
    expect(states.at(-1)?.identity?.accountId).toBe('acct-north');
    // Each sign-in and sign-out hands out a new board.
    const snapshots = () => rig?.events.filter((e) => e.type === 'snapshot').length ?? 0;
    expect(snapshots()).toBeGreaterThan(1);
    const before = snapshots();
    await rig.core.signOut();
    expect(snapshots()).toBeGreaterThan(before);
  });

  it('settings: read back as stored; do-not-disturb published as state, lines polled at once', async () => {
    rig = await startRig();
    await rig.signIn();
    expect(rig.core.getSettings()).toEqual(rig.settings.getSettings());
    const before = rig.events.length;
    rig.core.updateSettings({ doNotDisturb: true });
    const after = rig.events.slice(before);
    expect(after.map((e) => e.type)).toEqual(['settings', 'state']);
    expect(rig.core.getState().doNotDisturb).toBe(true);
    // A change that does not touch state or polling publishes the settings alone, and reads nothing.
    rig.sim.control.clearRequests();
    const quiet = rig.events.length;
    rig.core.updateSettings({ privateNotifications: true });
    await rig.core.settled();
    expect(rig.events.slice(quiet).map((e) => e.type)).toEqual(['settings']);
    expect(sessionReads(rig)).toBe(0);
    rig.core.updateSettings({ endpointIds: ['ep-north-sales'] });
    await rig.core.settled();
    expect(sessionReads(rig)).toBeGreaterThan(0);
  });

  it("the board marks the signed-in agent's own calls", async () => {
    rig = await startRig();
    await rig.signIn();
    const id = liveCall(rig.sim, { members: [{ role: 'Agent', identity: 'user-demo', displayName: 'Desk 4' }] });
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)).toMatchObject({ mine: true });
  });

  it('a state handed out does not change under its holder when the unread list grows', async () => {
    rig = await startRig();
    await rig.signIn();
    const before = rig.core.getState();
    const id = liveCall(rig.sim);
    rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.core.getState().missed.map((m) => m.sessionId)).toEqual([id]);
    expect(before.missed).toEqual([]);
  });

  it('Retry now polls at once and starts the failure count again', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 3 });
    for (let i = 0; i < 3; i++) {
      rig.core.pollNow();
      await rig.core.settled();
    }
    expect(rig.core.diagnostics()).toMatch(/consecutive failures [1-9]/);
    rig.sim.control.clearRequests();
    rig.core.pollNow();
    await rig.core.settled();
    expect(sessionReads(rig)).toBeGreaterThan(0);
    expect(rig.core.diagnostics()).toMatch(/consecutive failures 0/);
  });
});
