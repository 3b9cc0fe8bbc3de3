// Hold-time reminders against the simulator on a stepped clock: the first after the set time, then
// every as long, only for the agent's own held calls, none once resumed, none when turned off.
import { afterEach, describe, expect, it } from 'vitest';

import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const SECOND = 1000;

/** A call the demo agent answered, with a caller and a line the reminder names. */
async function agentsCall(rig: Rig, fields: Record<string, unknown> = {}): Promise<string> {
  const id = liveCall(rig.sim, {
    answeredByName: 'Demo Agent',
    fromName: 'Ada Lovelace',
    fromAddress: '+15550188',
    endpointName: 'Support line',
    ...fields,
  });
  rig.core.pollNow();
  await rig.core.settled();
  return id;
}

const reminders = (rig: Rig) => rig.notifier.shown.filter((n) => n.title.startsWith('Caller on hold'));

describe('hold-time alerts', () => {
  it('reminds after 60 s on hold, then every 60 s, and stops once the call is resumed', async () => {
    rig = await startRig();
    await rig.signIn();
    const id = await agentsCall(rig);
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(2 * SECOND);
    expect(rig.core.getState().heldSince?.[id]).toBeDefined();

    await rig.step(50 * SECOND);
    expect(reminders(rig)).toEqual([]);
    await rig.step(15 * SECOND);
    expect(reminders(rig)).toEqual([
      {
        title: 'Caller on hold for 1 min',
        body: 'Ada Lovelace (+15550188) on Support line: open the call to take it off hold',
        sessionId: id,
        onHold: true,
      },
    ]);
    await rig.step(60 * SECOND);
    expect(reminders(rig).map((n) => n.title)).toEqual(['Caller on hold for 1 min', 'Caller on hold for 2 min']);

    await rig.core.hold({ sessionId: id, action: 'resume' });
    await rig.step(5 * SECOND);
    expect(rig.core.getState().heldSince?.[id]).toBeUndefined();
    await rig.step(180 * SECOND);
    expect(reminders(rig)).toHaveLength(2);
  });

  it('with private notifications names the line, never the caller or the number', async () => {
    rig = await startRig({ settings: { privateNotifications: true } });
    await rig.signIn();
    const id = await agentsCall(rig);
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(65 * SECOND);
    expect(reminders(rig)).toEqual([
      {
        title: 'Caller on hold for 1 min',
        body: 'A caller on Support line: open the call to take it off hold',
        sessionId: id,
        onHold: true,
      },
    ]);
    const second = await agentsCall(rig, { fromName: 'Grace Hopper', fromAddress: '+15550199' });
    await rig.core.hold({ sessionId: second, action: 'hold' });
    await rig.step(125 * SECOND);
    const text = JSON.stringify(rig.notifier.shown);
    expect(text).toContain('2 callers on hold');
    for (const leak of ['Ada', 'Grace', '+1555']) expect(text).not.toContain(leak);
  });

  it('follows the configured time and says nothing when it is off', async () => {
    rig = await startRig({ settings: { holdAlertSeconds: 30 } });
    await rig.signIn();
    const id = await agentsCall(rig);
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(35 * SECOND);
    expect(reminders(rig)).toHaveLength(1);
    rig.core.updateSettings({ holdAlertSeconds: 0 });
    await rig.step(120 * SECOND);
    expect(reminders(rig)).toHaveLength(1);
    // The timer on the row still runs: only the reminders are off.
    expect(rig.core.getState().heldSince?.[id]).toBeDefined();
  });

  it("does not remind the agent of another agent's held call, but times it", async () => {
    rig = await startRig();
    await rig.signIn();
    const id = liveCall(rig.sim, { answeredByName: 'Priya Shah', callState: 'Hold', heldByUserId: 'user-priya' });
    await rig.step(130 * SECOND);
    expect(rig.core.getState().heldSince?.[id]).toBeDefined();
    expect(reminders(rig)).toEqual([]);
  });

  it('speaks Spanish when Settings say so', async () => {
    rig = await startRig({ settings: { language: 'es' } });
    await rig.signIn();
    const id = await agentsCall(rig);
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(65 * SECOND);
    expect(reminders(rig)).toEqual([]);
    expect(rig.notifier.shown.map((n) => n.title)).toContain('Llamada en espera desde hace 1 min');
  });
});
