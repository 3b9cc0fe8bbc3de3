// What the OS's power, lock-screen and network events do to a signed-in core, against the
// simulator: no polls asleep, a poll at once on wake-up, unlock and reconnect, the slow pace while
// locked, waiting notes sent when the network is back, the offline line, and nothing after stop.
import { afterEach, describe, expect, it } from 'vitest';

import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const polls = () => rig.sim.control.requests({ pathPrefix: '/sessions', method: 'GET' }).length;

async function signedIn(): Promise<Rig> {
  rig = await startRig();
  await rig.signIn();
  rig.core.setWindowVisible(true);
  await rig.step(10_000);
  return rig;
}

describe('power events', () => {
  it('asleep nothing is polled; on wake-up a poll goes at once', async () => {
    await signedIn();
    rig.power.emit('suspend');
    rig.sim.control.clearRequests();
    await rig.step(120_000);
    expect(polls()).toBe(0);
    rig.power.emit('resume');
    await rig.core.settled();
    expect(polls()).toBeGreaterThan(0);
  });

  it('locked, the board polls at the idle pace; unlocked, at once and at the visible pace again', async () => {
    await signedIn();
    rig.sim.control.clearRequests();
    await rig.step(30_000);
    const visible = polls();
    expect(visible).toBeGreaterThanOrEqual(4);

    rig.power.emit('lock-screen');
    await rig.step(10_000);
    rig.sim.control.clearRequests();
    await rig.step(30_000);
    expect(polls()).toBeLessThanOrEqual(1);

    rig.sim.control.clearRequests();
    rig.power.emit('unlock-screen');
    await rig.core.settled();
    expect(polls()).toBe(1);
    await rig.step(30_000);
    expect(polls()).toBeGreaterThanOrEqual(4);
  });

  it('the network back: a poll at once, and a note waiting for the network is sent', async () => {
    await signedIn();
    const id = liveCall(rig.sim);
    await rig.step(5_000);
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', count: 1 });
    await rig.core.saveConsoleData({ sessionId: id, text: 'Call back Friday', base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('waiting-for-network');
    // Asleep, so that no poll sends it on its way: only the network event may.
    rig.power.emit('suspend');
    rig.power.emit('online');
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('Call back Friday');

    rig.power.emit('resume');
    await rig.core.settled();
    rig.sim.control.clearRequests();
    rig.power.emit('online');
    await rig.core.settled();
    expect(polls()).toBe(1);
  });

  it('the network gone: the connection line says so while signed in', async () => {
    await signedIn();
    rig.power.emit('offline');
    expect(rig.core.getState().connection).toMatchObject({
      status: 'offline',
      message: 'This computer is offline: waiting for the network.',
    });
  });

  it('after stop, power events do nothing', async () => {
    await signedIn();
    await rig.core.stop();
    rig.sim.control.clearRequests();
    rig.power.emit('online');
    rig.power.emit('unlock-screen');
    rig.power.emit('resume');
    await rig.core.settled();
    expect(polls()).toBe(0);
  });
});
