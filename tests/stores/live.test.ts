// The page's copy of the live board, runes compiled by the stores project: a snapshot's first rows at
// once and the rest fetched behind them, versioned patches applied in order (a gap asks for a
// resync), patches that came while rows were loading applied after, and the open call's details.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { live } from '../../src/renderer/src/state/live.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import { type LivePatch, packRows, type RowSnapshot } from '../../src/shared/live';
import { installPage, settle } from './fake-page';

const page = installPage();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute)).toISOString();
const call = (id: string, minute: number, fields: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  dateCreated: at(minute),
  callState: 'Connected',
  ...fields,
});

function snapshot(
  version: number,
  sessions: SessionInfo[],
  activity: SessionInfo[] = [],
  total = { sessions: sessions.length, activity: activity.length },
): RowSnapshot {
  return { version, sessions: packRows(sessions), activity: packRows(activity), total };
}

const ids = (rows: readonly SessionInfo[]) => rows.map((s) => s.id);
const changed = (version: number, id: string, set: Partial<SessionInfo>): LivePatch => ({
  version,
  sessions: { added: [], changed: [{ id, set }], removed: [] },
});

beforeEach(() => {
  vi.useFakeTimers();
  page.main.reset();
  live.clear();
});
afterEach(() => vi.useRealTimers());

describe('a snapshot', () => {
  it('shows its live calls newest first, counts them per state, and keeps ended ones out of the board', () => {
    expect(live.loaded).toBe(false);
    live.replace(
      snapshot(4, [
        call('a', 1),
        call('b', 3, { callState: 'Hold' }),
        call('c', 2, { ended: true }),
        call('d', 5, { callState: 'Ringing' }),
      ]),
    );
    expect(live.loaded).toBe(true);
    expect(live.version).toBe(4);
    expect(ids(live.ordered)).toEqual(['d', 'b', 'a']);
    expect(ids(live.sessions)).toEqual(['a', 'b', 'c', 'd']);
    expect(live.counts).toEqual({ ringing: 1, connected: 1, hold: 1, queued: 0, other: 0 });
    expect(live.session('c')?.ended).toBe(true);
    expect(live.session(undefined)).toBeUndefined();
    expect(page.main.sent, 'a whole snapshot asks for nothing more').toEqual([]);
  });

  it('fetches the rows beyond the first screen after it is painted, then applies the patches that came meanwhile', async () => {
    const first = [call('a', 9)];
    const rest = [call('b', 8), call('c', 7)];
    const olderActivity = [call('x', 1, { ended: true })];
    page.main.answer('live:rows', ({ sessions }) =>
      sessions === 1
        ? { ok: true, value: { sessions: packRows(rest.slice(0, 1)), activity: packRows([]) } }
        : sessions === 2
          ? { ok: true, value: { sessions: packRows(rest.slice(1)), activity: packRows(olderActivity) } }
          : { ok: true, value: { sessions: packRows([]), activity: packRows([]) } },
    );
    live.replace(snapshot(10, first, [], { sessions: 3, activity: 1 }));
    expect(ids(live.ordered)).toEqual(['a']);
    expect(live.apply(changed(11, 'c', { callState: 'Hold' })), 'held back, not a gap').toBe(true);
    expect(live.apply(changed(12, 'a', { callState: 'Ringing' }))).toBe(true);
    expect(live.version).toBe(10);
    expect(page.main.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(page.main.of('live:rows')).toEqual([
      { version: 10, sessions: 1, activity: 0 },
      { version: 10, sessions: 2, activity: 0 },
    ]);
    expect(ids(live.ordered)).toEqual(['a', 'b', 'c']);
    expect(ids(live.activity)).toEqual(['x']);
    expect(live.version).toBe(12);
    expect(live.counts).toEqual({ ringing: 1, connected: 1, hold: 1, queued: 0, other: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(page.main.of('live:rows'), 'loaded once, not again at the fallback timer').toHaveLength(2);
  });

  it('starts loading the rest at the fallback timer when no frame is painted (a hidden window)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      page.main.ok('live:rows', { sessions: packRows([call('b', 1)]), activity: packRows([]) });
      live.replace(snapshot(1, [call('a', 2)], [], { sessions: 2, activity: 0 }));
      await vi.advanceTimersByTimeAsync(249);
      expect(page.main.sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await settle();
      expect(ids(live.sessions)).toEqual(['a', 'b']);
    } finally {
      vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 16));
    }
  });

  it('stops at an empty chunk (the list shrank), and loads again when a chunk is refused', async () => {
    page.main.ok('live:rows', { sessions: packRows([]), activity: packRows([]) });
    live.replace(snapshot(1, [call('a', 2)], [], { sessions: 5, activity: 0 }));
    expect(live.apply(changed(2, 'a', { callState: 'Hold' }))).toBe(true);
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(page.main.of('live:rows')).toHaveLength(1);
    expect(live.version, 'the waiting patch applied').toBe(2);

    page.main.reset();
    page.main.refuse('live:rows', { code: 'not-found', message: 'That board is gone.' });
    page.main.ok('live:resync', snapshot(7, [call('z', 3)]));
    live.replace(snapshot(5, [call('a', 2)], [], { sessions: 2, activity: 0 }));
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(page.main.of('live:resync')).toHaveLength(1);
    expect(live.version).toBe(7);
    expect(ids(live.ordered)).toEqual(['z']);
  });

  it('drops the rows of an older load when a newer snapshot replaced it meanwhile', async () => {
    const release = page.main.hold('live:rows', {
      ok: true,
      value: { sessions: packRows([call('old', 1)]), activity: packRows([]) },
    });
    live.replace(snapshot(1, [call('a', 2)], [], { sessions: 2, activity: 0 }));
    await vi.advanceTimersByTimeAsync(20);
    live.replace(snapshot(3, [call('n', 4)]));
    await release();
    expect(ids(live.sessions)).toEqual(['n']);
    expect(live.version).toBe(3);
  });

  it('resyncs when a patch that waited for the rows does not follow on', async () => {
    page.main.ok('live:rows', { sessions: packRows([call('b', 1)]), activity: packRows([]) });
    page.main.ok('live:resync', snapshot(9, [call('r', 5)]));
    live.replace(snapshot(1, [call('a', 2)], [], { sessions: 2, activity: 0 }));
    live.apply(changed(3, 'a', { callState: 'Hold' }));
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(page.main.of('live:resync')).toHaveLength(1);
    expect(live.version).toBe(9);
  });
});

describe('patches', () => {
  beforeEach(() => live.replace(snapshot(1, [call('a', 1), call('b', 2)], [call('x', 0, { ended: true })])));

  it('applies the next version, ignores one already applied, and says when one does not follow on', () => {
    expect(live.apply(changed(2, 'a', { callState: 'Hold' }))).toBe(true);
    expect(live.session('a')?.callState).toBe('Hold');
    expect(live.counts).toMatchObject({ connected: 1, hold: 1 });
    expect(live.apply(changed(2, 'a', { callState: 'Ringing' })), 'an old version').toBe(true);
    expect(live.apply(changed(1, 'a', { callState: 'Ringing' }))).toBe(true);
    expect(live.session('a')?.callState).toBe('Hold');
    expect(live.apply(changed(4, 'a', { callState: 'Ringing' })), 'version 3 missing').toBe(false);
    expect(live.version).toBe(2);
    expect(live.session('a')?.callState).toBe('Hold');
  });

  it('ignores patches before the first snapshot', () => {
    live.clear();
    expect(live.apply(changed(5, 'a', {}))).toBe(true);
    expect(live.version).toBe(-1);
  });

  it('adds, moves and removes board rows, and updates the activity feed', () => {
    live.apply({
      version: 2,
      sessions: { added: [call('c', 5)], changed: [{ id: 'a', set: { dateCreated: at(9) } }], removed: ['b'] },
      activity: { added: [call('y', 3, { ended: true })], changed: [], removed: ['x'] },
    });
    expect(ids(live.ordered)).toEqual(['a', 'c']);
    expect(ids(live.sessions)).toEqual(['a', 'c']);
    expect(ids(live.activity)).toEqual(['y']);
    expect(live.find('y')?.ended).toBe(true);
    expect(live.find('b')).toBeUndefined();
    expect(live.find(undefined)).toBeUndefined();
  });

  it('keeps the board’s rows and counts as they were when a patch changes only ended calls', () => {
    live.replace(snapshot(1, [call('a', 1), call('e', 2, { ended: true })]));
    const rows = live.ordered;
    const counts = live.counts;
    live.apply(changed(2, 'e', { fromName: 'Late' }));
    expect(live.ordered).toBe(rows);
    expect(live.counts).toBe(counts);
    expect(live.session('e')?.fromName).toBe('Late');
  });

  it('reloads the board from main, unless a newer snapshot came first', async () => {
    page.main.ok('live:resync', snapshot(8, [call('r', 1)]));
    await live.reload();
    expect(live.version).toBe(8);
    const release = page.main.hold('live:resync', { ok: true, value: snapshot(9, [call('old', 1)]) });
    const reload = live.reload();
    live.replace(snapshot(10, [call('new', 1)]));
    await release();
    await reload;
    expect(ids(live.sessions)).toEqual(['new']);
    page.main.refuse('live:resync', { code: 'network', message: 'gone' });
    await live.reload();
    expect(live.version).toBe(10);
  });
});

describe('the open call', () => {
  beforeEach(() => live.replace(snapshot(1, [call('a', 1, { fromName: 'Row' })], [call('x', 0, { ended: true })])));

  it('shows the full details main sends, kept current by later patches', async () => {
    page.main.ok('call:details', { version: 1, session: call('a', 1, { fromName: 'Row', consoleData: 'note' }) });
    await live.open('a');
    expect(page.main.of('call:details')).toEqual([{ sessionId: 'a' }]);
    expect(live.find('a')?.consoleData).toBe('note');
    live.apply(changed(2, 'a', { consoleData: 'newer' }));
    expect(live.find('a')?.consoleData).toBe('newer');
    expect(live.session('a')?.consoleData, 'the row itself').toBe('newer');
    live.close('other');
    expect(live.find('a')?.consoleData).toBe('newer');
    live.close('a');
    expect(page.main.of('call:details')).toEqual([{ sessionId: 'a' }, {}]);
    live.apply(changed(3, 'a', { consoleData: 'after close' }));
    expect(live.find('a')?.consoleData).toBe('after close');
  });

  it('applies patches that came before the details, only those newer than the details', async () => {
    const release = page.main.hold('call:details', {
      ok: true,
      value: { version: 2, session: call('a', 1, { fromName: 'Row', answeredByName: 'v2' }) },
    });
    const opening = live.open('a');
    live.apply(changed(2, 'a', { answeredByName: 'patch 2' }));
    live.apply(changed(3, 'a', { fromName: 'patch 3' }));
    await release();
    await opening;
    expect(live.find('a')).toMatchObject({ answeredByName: 'v2', fromName: 'patch 3' });
  });

  it('follows a call that left the board in the activity feed, and forgets a call removed', async () => {
    page.main.ok('call:details', { version: 1, session: call('x', 0, { ended: true, outcome: 'Answered' }) });
    await live.open('x');
    live.apply({
      version: 2,
      sessions: { added: [], changed: [{ id: 'x', set: { outcome: 'wrong list' } }], removed: [] },
      activity: { added: [], changed: [{ id: 'x', set: { consoleData: 'feed' } }], removed: [] },
    });
    expect(live.find('x')).toMatchObject({ outcome: 'Answered', consoleData: 'feed' });
    live.apply({ version: 3, activity: { added: [], changed: [], removed: ['x'] } });
    expect(live.find('x')).toBeUndefined();
  });

  it('keeps the row when main has no details, and ignores an answer for a call no longer open', async () => {
    page.main.ok('call:details', { version: 1 });
    await live.open('a');
    expect(live.find('a')?.fromName).toBe('Row');
    page.main.refuse('call:details', { code: 'network', message: 'gone' });
    await live.open('a');
    expect(live.find('a')?.fromName).toBe('Row');
    const release = page.main.hold('call:details', {
      ok: true,
      value: { version: 1, session: call('a', 1, { fromName: 'Stale details' }) },
    });
    const first = live.open('a');
    page.main.ok('call:details', { version: 1, session: call('x', 0, { fromName: 'Second' }) });
    await live.open('x');
    await release();
    await first;
    expect(live.find('a')?.fromName).toBe('Row');
    expect(live.find('x')?.fromName).toBe('Second');
  });

  it('forgets the open call when the board is cleared', async () => {
    page.main.ok('call:details', { version: 1, session: call('a', 1, { fromName: 'Details' }) });
    await live.open('a');
    live.clear();
    expect(live.loaded).toBe(false);
    expect(live.find('a')).toBeUndefined();
    expect(live.ordered).toEqual([]);
    expect(live.counts).toEqual({ ringing: 0, connected: 0, hold: 0, queued: 0, other: 0 });
  });
});

describe('patches and loads at their edges', () => {
  beforeEach(() => live.replace(snapshot(1, [call('a', 1)], [call('x', 0, { ended: true })])));

  it('asks for no more rows for a whole snapshot, and loads the rest when only the feed is incomplete', async () => {
    await vi.advanceTimersByTimeAsync(300);
    expect(page.main.sent).toEqual([]);
    page.main.ok('live:rows', { sessions: packRows([]), activity: packRows([call('z', 0, { ended: true })]) });
    live.replace(snapshot(3, [call('a', 1)], [call('x', 0, { ended: true })], { sessions: 1, activity: 2 }));
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(page.main.of('live:rows')).toEqual([{ version: 3, sessions: 1, activity: 1 }]);
    expect(ids(live.activity)).toEqual(['x', 'z']);
  });

  it('keeps the open call’s details for a patch that only touches the feed', async () => {
    page.main.ok('call:details', { version: 1, session: call('a', 1, { consoleData: 'note' }) });
    await live.open('a');
    live.apply({
      version: 2,
      activity: { added: [], changed: [{ id: 'x', set: { outcome: 'Answered' } }], removed: [] },
    });
    expect(live.find('a')?.consoleData).toBe('note');
    expect(live.find('x')?.outcome).toBe('Answered');
    expect(live.version).toBe(2);
  });
});

describe('the open call against the board', () => {
  beforeEach(() => live.replace(snapshot(1, [call('a', 1)], [call('x', 0, { ended: true })])));

  it('keeps details read at a newer version than a patch that arrives after them', async () => {
    page.main.ok('call:details', { version: 3, session: call('a', 1, { consoleData: 'v3' }) });
    await live.open('a');
    live.apply(changed(2, 'a', { consoleData: 'v2' }));
    expect(live.find('a')?.consoleData).toBe('v3');
    live.apply(changed(3, 'a', { consoleData: 'also v3' }));
    expect(live.find('a')?.consoleData, 'the version the details were read at').toBe('v3');
    live.apply(changed(4, 'a', { consoleData: 'v4' }));
    expect(live.find('a')?.consoleData).toBe('v4');
  });

  it('follows a call on the board in a patch that also changes the feed', async () => {
    page.main.ok('call:details', { version: 1, session: call('a', 1, { consoleData: 'note' }) });
    await live.open('a');
    live.apply({
      version: 2,
      sessions: { added: [], changed: [{ id: 'a', set: { consoleData: 'edited' } }], removed: [] },
      activity: { added: [], changed: [{ id: 'x', set: { outcome: 'Missed' } }], removed: [] },
    });
    expect(live.find('a')?.consoleData).toBe('edited');
  });

  it('closes nothing when no call is open', () => {
    expect(() => live.close('a')).not.toThrow();
    expect(page.main.sent).toEqual([]);
  });

  it('has no board, no rows and no version before the first snapshot', async () => {
    vi.resetModules();
    const { live: fresh } = await import('../../src/renderer/src/state/live.svelte');
    expect([fresh.loaded, fresh.version, fresh.ordered, fresh.sessions, fresh.activity]).toEqual([
      false,
      -1,
      [],
      [],
      [],
    ]);
    expect(fresh.counts).toEqual({ ringing: 0, connected: 0, hold: 0, queued: 0, other: 0 });
  });
});
