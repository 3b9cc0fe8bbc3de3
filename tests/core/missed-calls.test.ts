// Missed calls against the simulator: one notification each, never twice across a restart or a
// sleep, a summary for a burst, no announcement of what was missed before the first sign-in.
import { afterEach, describe, expect, it } from 'vitest';

import { withPolicy } from '../../src/main/policy/settings-overlay';
import { DEMO_USER } from '../../src/simulator/types';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const MINUTE = 60_000;

function ringingCall(rig: Rig, fromName: string): string {
  return liveCall(rig.sim, { callState: 'Ringing', fromName, fromAddress: '+15550123', endpointName: 'Sales line' });
}

describe('missed calls', () => {
  it('does not announce calls missed before the first sign-in on this machine', async () => {
    rig = await startRig();
    rig.sim.control.missCall(ringingCall(rig, 'Old'));
    await rig.signIn();
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown).toEqual([]);
    expect(rig.core.getState().missed).toEqual([]);
  });

  it('announces a newly missed call exactly once, with who, when and which line, across a restart', async () => {
    rig = await startRig();
    await rig.signIn();
    const id = ringingCall(rig, 'Grace Hopper');
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(id);
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown).toEqual([
      {
        title: 'Missed call from Grace Hopper (+15550123)',
        body: expect.stringMatching(/^On Sales line · (\d+ minutes? ago|now)$/),
        sessionId: id,
        missedCall: expect.objectContaining({ sessionId: id, from: '+15550123', fromName: 'Grace Hopper' }),
      },
    ]);
    expect(rig.core.getState().missed).toMatchObject([{ sessionId: id, fromName: 'Grace Hopper', line: 'Sales line' }]);

    await rig.restart();
    await rig.step(10 * MINUTE);
    expect(rig.notifier.shown).toHaveLength(1);
    expect(rig.core.getState().missed).toHaveLength(1);

    rig.core.markMissedSeen();
    expect(rig.core.getState().missed).toEqual([]);
    await rig.step(5 * MINUTE);
    expect(rig.notifier.shown).toHaveLength(1);
  });

  it('on a slow disk, a missed call is announced only once the record of it is on disk', async () => {
    rig = await startRig();
    await rig.signIn();
    const id = ringingCall(rig, 'Slow Disk');
    await rig.step(MINUTE + 10_000);
    rig.settings.writeDelayMs = 30;
    const onDiskWhenShown: unknown[] = [];
    const show = rig.notifier.show.bind(rig.notifier);
    rig.notifier.show = (notification) => {
      onDiskWhenShown.push(rig.settings.records.get('missed-calls'));
      show(notification);
    };
    rig.sim.control.missCall(id);
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown).toMatchObject([{ sessionId: id }]);
    expect(onDiskWhenShown).toMatchObject([
      { agents: { [`${rig.sim.url}|${DEMO_USER.userName}`]: { announced: expect.arrayContaining([id]) } } },
    ]);
  });

  it('speaks the language chosen in Settings', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.updateSettings({ language: 'es' });
    const id = ringingCall(rig, 'Lucía Ortega');
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(id);
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown).toMatchObject([
      { title: 'Llamada perdida de Lucía Ortega (+15550123)', body: expect.stringMatching(/^En Sales line · /) },
    ]);
  });

  it('never announces a chat or a fax nobody took as a missed call', async () => {
    rig = await startRig();
    await rig.signIn();
    const chat = liveCall(rig.sim, { callState: 'Ringing', channel: 'Chat', fromName: 'Chat Person' });
    const fax = liveCall(rig.sim, { callState: 'Ringing', channel: 'Fax', fromName: 'Fax Machine' });
    const call = ringingCall(rig, 'Real Caller');
    // A channel name this build does not know (servers add values) is still a call.
    const newKind = liveCall(rig.sim, { callState: 'Ringing', channel: 'Video' as never, fromName: 'New Kind' });
    await rig.step(MINUTE + 10_000);
    for (const id of [chat, fax, call, newKind]) rig.sim.control.missCall(id);
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown.map((n) => n.sessionId).sort()).toEqual([call, newKind].sort());
    expect(
      rig.core
        .getState()
        .missed.map((m) => m.sessionId)
        .sort(),
    ).toEqual([call, newKind].sort());
  });

  it('after a long sleep, a burst of missed calls becomes one summary, and nothing repeats on resume', async () => {
    rig = await startRig();
    await rig.signIn();
    const ids = Array.from({ length: 12 }, (_, i) => ringingCall(rig, `Caller ${i}`));
    await rig.step(MINUTE + 10_000);
    rig.power.emit('suspend');
    for (const id of ids) rig.sim.control.missCall(id);
    await rig.step(8 * 60 * MINUTE);
    expect(rig.notifier.shown).toEqual([]);
    rig.power.emit('resume');
    await rig.core.settled();
    expect(rig.notifier.shown).toEqual([{ title: 'Missed calls', body: '12 missed calls while you were away' }]);
    expect(rig.core.getState().missed).toHaveLength(12);
    rig.power.emit('suspend');
    rig.power.emit('resume');
    await rig.step(5 * MINUTE);
    expect(rig.notifier.shown).toHaveLength(1);
  });

  it('up to three at once are announced one by one', async () => {
    rig = await startRig();
    await rig.signIn();
    const ids = [ringingCall(rig, 'A'), ringingCall(rig, 'B'), ringingCall(rig, 'C')];
    await rig.step(MINUTE + 10_000);
    for (const id of ids) rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.notifier.shown.map((n) => n.sessionId).sort()).toEqual([...ids].sort());
  });

  it('counts but stays silent in do-not-disturb', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.updateSettings({ doNotDisturb: true });
    const id = ringingCall(rig, 'Quiet');
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(id);
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.notifier.shown).toEqual([]);
    expect(rig.core.getState()).toMatchObject({ doNotDisturb: true, missed: [{ sessionId: id }] });
  });
});

describe('missed calls per account and line', () => {
  for (const authStatus of ['full', 'no-account-ids'] as const) {
    it(`switching accounts does not announce that account's missed calls of the last 24 hours; new ones are (accounts ${authStatus === 'full' ? 'listed' : 'not listed'})`, async () => {
      rig = await startRig();
      // Listed, the first polls ask for the first account only: the baseline must be per account.
      rig.sim.control.setStrictness({ authStatus });
      const old = rig.sim.control.addSession({ accountId: 'acct-south', callState: 'Ringing', ended: false });
      rig.sim.control.missCall(old.id as string);
      await rig.signIn();
      await rig.step(2 * MINUTE);
      await rig.core.selectAccount('acct-south');
      await rig.core.settled();
      await rig.step(2 * MINUTE);
      expect(rig.notifier.shown).toEqual([]);
      expect(rig.core.getState().missed).toEqual([]);

      const fresh = rig.sim.control.addSession({ accountId: 'acct-south', callState: 'Ringing', ended: false });
      await rig.step(MINUTE + 10_000);
      rig.sim.control.missCall(fresh.id as string);
      await rig.step(2 * MINUTE);
      expect(rig.notifier.shown.map((n) => n.sessionId)).toEqual([fresh.id]);
    });
  }

  it('calls missed on the other account are not announced while working on this one', async () => {
    rig = await startRig();
    await rig.signIn();
    const south = rig.sim.control.addSession({ accountId: 'acct-south', callState: 'Ringing', ended: false });
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(south.id as string);
    await rig.step(5 * MINUTE);
    expect(rig.notifier.shown).toEqual([]);
  });

  it('narrowed to some lines, only missed calls on those lines are announced, and widening announces no old ones', async () => {
    rig = await startRig({ settings: { endpointIds: ['ep-sales'] } });
    await rig.signIn();
    const sales = liveCall(rig.sim, { callState: 'Ringing', endpointId: 'ep-sales', endpointName: 'Sales line' });
    const support = liveCall(rig.sim, { callState: 'Ringing', endpointId: 'ep-support', endpointName: 'Support' });
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(sales);
    rig.sim.control.missCall(support);
    await rig.step(5 * MINUTE);
    expect(rig.notifier.shown.map((n) => n.sessionId)).toEqual([sales]);
    expect(rig.core.getState().missed.map((m) => m.sessionId)).toEqual([sales]);

    rig.core.updateSettings({ endpointIds: [] });
    await rig.step(5 * MINUTE);
    expect(rig.notifier.shown.map((n) => n.sessionId)).toEqual([sales]);
  });

  it('private notifications (the agent setting) name the line and the time, never the caller or the number', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.updateSettings({ privateNotifications: true, language: 'es' });
    const id = ringingCall(rig, 'Grace Hopper');
    await rig.step(MINUTE + 10_000);
    rig.sim.control.missCall(id);
    await rig.step(2 * MINUTE);
    expect(rig.notifier.shown).toEqual([
      {
        title: 'Llamada perdida en Sales line',
        body: expect.stringMatching(/^hace \d+ minutos?$|^ahora$/),
        sessionId: id,
      },
    ]);
    expect(JSON.stringify(rig.notifier.shown)).not.toMatch(/Grace|5550123/);
    expect(rig.core.getState().missed, 'the console itself still lists who called').toMatchObject([
      { fromName: 'Grace Hopper' },
    ]);
  });

  it('the privateNotifications policy turns them on and the agent cannot turn them off', async () => {
    rig = await startRig();
    const store = withPolicy(rig.settings, { privateNotifications: true });
    expect(store.getSettings().privateNotifications).toBe(true);
    expect(store.setSettings({ privateNotifications: false }).privateNotifications).toBe(true);
    expect(store.lockedKeys).toContain('privateNotifications');
  });
});
