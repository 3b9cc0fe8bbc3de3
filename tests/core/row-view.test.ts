// The board as the renderer receives it, against the simulator: live calls first, every row once
// across the chunks, a load that fell behind refused, and details only for the open call.
import { afterEach, describe, expect, it } from 'vitest';

import { FIRST_ROWS, ROWS_PER_CHUNK } from '../../src/main/core/row-view';
import type { LivePatch } from '../../src/shared/live';
import { unpackRows } from '../../src/shared/live';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const rowPatches = (r: Rig): LivePatch[] => r.events.flatMap((e) => (e.type === 'patch' ? [e.rows] : []));

describe('the row snapshot', () => {
  it('comes live calls first, newest first, then every other row exactly once, in chunks', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.sim.control.loadSessions(FIRST_ROWS + ROWS_PER_CHUNK + 300, { accountId: 'acct-north' });
    rig.core.pollNow();
    await rig.core.settled();
    const board = rig.core.getSnapshot();
    const first = rig.core.getRowSnapshot();
    expect(first.total.sessions).toBe(board.sessions.length);
    const rows = unpackRows(first.sessions);
    expect(rows.length).toBe(FIRST_ROWS);
    expect(rows.every((s) => s.ended !== true)).toBe(true);
    const created = rows.map((s) => s.dateCreated ?? '');
    expect(created).toEqual([...created].sort().reverse());
    expect(rows[0]).not.toHaveProperty('log');

    const activity = unpackRows(first.activity);
    while (rows.length < first.total.sessions || activity.length < first.total.activity) {
      const chunk = rig.core.snapshotRows({
        version: first.version,
        sessions: rows.length,
        activity: activity.length,
      });
      rows.push(...unpackRows(chunk.sessions));
      activity.push(...unpackRows(chunk.activity));
    }
    expect(new Set(rows.map((s) => s.id)).size).toBe(board.sessions.length);
    expect(rows.map((s) => s.id).sort()).toEqual(board.sessions.map((s) => s.id).sort());
    expect(activity.map((s) => s.id)).toEqual(board.activity.map((s) => s.id));
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(board).length / 20);
  });

  it('refuses rows of a snapshot the board has moved on from', async () => {
    rig = await startRig();
    await rig.signIn();
    liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    const first = rig.core.getRowSnapshot();
    rig.core.getRowSnapshot();
    liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    rig.core.getRowSnapshot();
    expect(() => rig.core.snapshotRows({ version: first.version, sessions: 1, activity: 0 })).toThrow(/loading again/);
  });
});

describe('call details', () => {
  it('answers the open call in full, and only its patches carry details', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    const open = liveCall(rig.sim, { consoleData: 'first' });
    const closed = liveCall(rig.sim, { consoleData: 'first' });
    rig.core.pollNow();
    await rig.core.settled();
    const details = rig.core.callDetails(open);
    expect(details.version).toBe(rig.core.getSnapshot().version);
    expect(details.session).toMatchObject({ id: open, consoleData: 'first', log: expect.any(Array) });

    rig.events.length = 0;
    rig.sim.control.updateSession(open, { consoleData: 'second' });
    rig.sim.control.updateSession(closed, { consoleData: 'second' });
    rig.core.pollNow();
    await rig.core.settled();
    const changed = rowPatches(rig).flatMap((p) => p.sessions?.changed ?? []);
    expect(changed.find((c) => c.id === open)?.set.consoleData).toBe('second');
    expect(changed.find((c) => c.id === closed)?.set ?? {}).not.toHaveProperty('consoleData');

    rig.core.callDetails(undefined);
    rig.events.length = 0;
    rig.sim.control.updateSession(open, { consoleData: 'third' });
    rig.core.pollNow();
    await rig.core.settled();
    const later = rowPatches(rig).flatMap((p) => p.sessions?.changed ?? []);
    expect(later.find((c) => c.id === open)?.set ?? {}).not.toHaveProperty('consoleData');
    expect(rig.core.callDetails(open).session?.consoleData).toBe('third');
  });
});
