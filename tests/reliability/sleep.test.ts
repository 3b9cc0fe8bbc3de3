// Sleep run: an 8-hour suspend during which 30 calls are missed; on resume one summary
// notification, the right unread count, and polling back at the interval the settings ask for.
import { afterEach, describe, expect, it } from 'vitest';

import { BURST_LIMIT } from '../../src/main/core/missed-calls';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { MemorySettings } from '../core/ports';
import { type Harness, startHarness } from './harness';

let rig: Harness;
afterEach(() => rig.close());

const MINUTE = 60_000;
const HOURS_ASLEEP = 8;
const MISSED_ASLEEP = 30;

describe('sleep run', () => {
  it('8 hours asleep, 30 calls missed: one summary, 30 unread, polling resumes at the visible interval', async () => {
    rig = await startHarness({ settings: new MemorySettings() });
    await rig.signIn();
    rig.core.setWindowVisible(true);
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().connection.status).toBe('online');
    const before = rig.notifier.shown.length;

    rig.power.emit('suspend');
    rig.sim.control.clearRequests();
    const gap = (HOURS_ASLEEP * 60 * MINUTE) / MISSED_ASLEEP;
    const missed: string[] = [];
    for (let i = 0; i < MISSED_ASLEEP; i++) {
      const call = rig.sim.control.addSession({
        accountId: 'acct-north',
        callState: 'Ringing',
        fromName: `Night ${i}`,
      });
      rig.sim.control.missCall(call.id as string);
      missed.push(call.id as string);
      await rig.step(gap);
    }
    expect(rig.sim.control.requests(), 'no request while asleep').toEqual([]);
    expect(rig.clock.pending(), 'no timer while asleep').toEqual([]);

    rig.power.emit('resume');
    await rig.core.settled();
    const shown = rig.notifier.shown.slice(before);
    expect(MISSED_ASLEEP).toBeGreaterThan(BURST_LIMIT);
    expect(shown).toEqual([{ title: 'Missed calls', body: `${MISSED_ASLEEP} missed calls while you were away` }]);
    expect(
      rig.core
        .getState()
        .missed.map((m) => m.sessionId)
        .sort(),
    ).toEqual(missed.sort());
    expect(rig.core.getState().connection.status).toBe('online');

    const [next] = rig.clock.pending();
    expect(next).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.pollVisibleMs * 0.9);
    expect(next).toBeLessThanOrEqual(DEFAULT_SETTINGS.pollVisibleMs * 1.1);
    rig.sim.control.clearRequests();
    await rig.step(DEFAULT_SETTINGS.pollVisibleMs * 1.1);
    expect(rig.sim.control.requests({ pathPrefix: '/sessions' })).toHaveLength(1);
    await rig.step(10 * MINUTE);
    expect(rig.notifier.shown.slice(before), 'nothing announced twice').toHaveLength(1);
    expect(rig.core.getState().missed).toHaveLength(MISSED_ASLEEP);
  });
});
