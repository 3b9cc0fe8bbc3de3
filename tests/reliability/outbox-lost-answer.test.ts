// A note write the server applied but whose answer was lost (or the console died before it
// arrived) is the agent's own text, not "someone else changed this note": the next edit goes out
// without a false conflict, in-process and across a restart.
import { afterEach, describe, expect, it } from 'vitest';

import { liveCall, type Rig, startRig } from '../core/rig';

let rig: Rig;
afterEach(() => rig.close());

async function boardWithCall(): Promise<string> {
  rig = await startRig();
  await rig.signIn();
  const id = liveCall(rig.sim);
  rig.core.pollNow();
  await rig.core.settled();
  return id;
}

describe('a lost answer to a note write', () => {
  it('the next edit is sent, not held as a conflict with our own earlier text', async () => {
    const id = await boardWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'truncated-json', count: 1 });
    rig.core.saveConsoleData({ sessionId: id, text: 'first', base: {} });
    await rig.core.settled();
    expect(rig.sim.control.getSession(id)?.consoleData, 'applied, answer spoilt').toBe('first');
    expect(rig.core.getState().consoleData[id]?.state).toBe('waiting-for-network');

    rig.core.saveConsoleData({ sessionId: id, text: 'second', base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('second');
  });

  it('the same across a restart between the write and its answer', async () => {
    const id = await boardWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', count: 1 });
    rig.core.saveConsoleData({ sessionId: id, text: 'first', base: {} });
    await rig.core.settled();
    rig.sim.control.setConsoleData(id, 'first');
    rig.sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    rig.core.saveConsoleData({ sessionId: id, text: 'second', base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('waiting-for-network');
    await rig.restart();
    rig.sim.control.clearFaults();
    await rig.signIn();
    await rig.step(120_000);
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('second');
  });
});
