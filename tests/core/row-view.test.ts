// The board as the renderer receives it, against the simulator: live calls first, every row once
// across the chunks, a load that fell behind refused, and details only for the open call.
import { afterEach, describe, expect, it } from 'vitest';

import { LiveBoard } from '../../src/main/core/live-board';
import { FIRST_ROWS, ROWS_PER_CHUNK, RowView } from '../../src/main/core/row-view';
import type { SessionInfo } from '../../src/shared/evovoice';
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

  it('puts live calls newest first whatever order the server lists them in', async () => {
    rig = await startRig();
    rig.sim.control.setStrictness({ oldestFirst: true });
    await rig.signIn();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      rig.sim.control.advance(1_000);
      ids.push(liveCall(rig.sim));
    }
    rig.core.pollNow();
    await rig.core.settled();
    const rows = unpackRows(rig.core.getRowSnapshot().sessions);
    expect(rows.map((s) => s.id)).toEqual([...ids].reverse());
  });

  it('hands out the same first rows until the board changes, then the new ones', async () => {
    rig = await startRig();
    await rig.signIn();
    const first = liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    const before = rig.core.getRowSnapshot();
    expect(rig.core.getRowSnapshot()).toBe(before);
    rig.sim.control.advance(1_000);
    const second = liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    const after = rig.core.getRowSnapshot();
    expect(unpackRows(after.sessions).map((s) => s.id)).toEqual([second, first]);
    expect(after.total.sessions).toBe(2);
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

describe('the row view over a board (no server)', () => {
  const call = (id: string, fields: Partial<SessionInfo> = {}): SessionInfo => ({
    id,
    callState: 'Connected',
    ended: false,
    ...fields,
  });
  const ids = (rows: Parameters<typeof unpackRows>[0]) => unpackRows(rows).map((s) => s.id);

  it('live calls newest first (equal times in list order), ended calls after in list order', () => {
    const board = new LiveBoard();
    board.update({
      sessions: [
        call('ended-1', { ended: true, dateCreated: '2026-11-23T12:09:00Z' }),
        call('old', { dateCreated: '2026-11-23T11:00:00Z' }),
        call('undated'),
        call('new', { dateCreated: '2026-11-23T12:00:00Z' }),
        call('same-a', { dateCreated: '2026-11-23T11:30:00Z' }),
        call('same-b', { dateCreated: '2026-11-23T11:30:00Z' }),
        call('ended-2', { ended: true, dateCreated: '2026-11-23T12:10:00Z' }),
      ],
      activity: [call('act-1', { ended: true }), call('act-2', { ended: true })],
    });
    const view = new RowView(board);
    const first = view.snapshot();
    expect(ids(first.sessions)).toEqual(['new', 'same-a', 'same-b', 'old', 'undated', 'ended-1', 'ended-2']);
    expect(ids(first.activity)).toEqual(['act-1', 'act-2']);
    expect(first.total).toEqual({ sessions: 7, activity: 2 });
    expect(first.version).toBe(board.snapshot().version);
    // The same board: the same answer; a changed board: a new one.
    expect(view.snapshot()).toBe(first);
    board.update({ activity: [call('act-3', { ended: true })] });
    const next = view.snapshot();
    expect(next).not.toBe(first);
    expect(ids(next.activity)).toEqual(['act-3']);
  });

  it('the first answer fills up with activity to the first rows; chunks give activity after the sessions', () => {
    const board = new LiveBoard();
    const sessions = Array.from({ length: FIRST_ROWS - 2 }, (_, i) => call(`s${i}`));
    const activity = Array.from({ length: 5 }, (_, i) => call(`a${i}`, { ended: true }));
    board.update({ sessions, activity });
    const view = new RowView(board);
    const first = view.snapshot();
    expect(ids(first.activity)).toEqual(['a0', 'a1']);
    const rest = view.rows({ version: first.version, sessions: FIRST_ROWS - 2, activity: 2 });
    expect(ids(rest.sessions)).toEqual([]);
    expect(ids(rest.activity)).toEqual(['a2', 'a3', 'a4']);
  });

  it('a full chunk of sessions carries no activity; a load of a version never answered is refused', () => {
    const board = new LiveBoard();
    const sessions = Array.from({ length: FIRST_ROWS + ROWS_PER_CHUNK + 1 }, (_, i) => call(`s${i}`));
    board.update({ sessions, activity: [call('a0', { ended: true })] });
    const view = new RowView(board);
    expect(() => view.rows({ version: 0, sessions: 0, activity: 0 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    const first = view.snapshot();
    expect(unpackRows(first.activity)).toEqual([]);
    const chunk = view.rows({ version: first.version, sessions: FIRST_ROWS, activity: 0 });
    expect(unpackRows(chunk.sessions)).toHaveLength(ROWS_PER_CHUNK);
    expect(unpackRows(chunk.activity)).toEqual([]);
    const last = view.rows({ version: first.version, sessions: FIRST_ROWS + ROWS_PER_CHUNK, activity: 0 });
    expect(ids(last.sessions)).toEqual([`s${FIRST_ROWS + ROWS_PER_CHUNK}`]);
    expect(ids(last.activity)).toEqual(['a0']);
  });

  it('details of a live call or of one in the activity list; none for another id or no call', () => {
    const board = new LiveBoard();
    board.update({ sessions: [call('live', { consoleData: 'x' })], activity: [call('done', { ended: true })] });
    const view = new RowView(board);
    const { version } = board.snapshot();
    expect(view.details('live')).toEqual({ version, session: call('live', { consoleData: 'x' }) });
    expect(view.details('done')).toEqual({ version, session: call('done', { ended: true }) });
    expect(view.details('elsewhere')).toEqual({ version });
    expect(view.details(undefined)).toEqual({ version });
  });
});
