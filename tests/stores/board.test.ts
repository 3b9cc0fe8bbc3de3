// The live board as the agent filters and sorts it, runes compiled by the stores project: counts
// per state with holds in flight moved to the state they show, the state and "mine" filters, the
// search, and the column sorts (caller, line, state, time in state) that flip and then reset.
import { beforeEach, describe, expect, it } from 'vitest';

import { board } from '../../src/renderer/src/state/board.svelte';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { holds } from '../../src/renderer/src/state/holds.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { type BoardSession, packRows } from '../../src/shared/live';
import { installPage, signedInState } from './fake-page';

installPage();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute)).toISOString();

const state = signedInState();

const rows: BoardSession[] = [
  {
    id: 'ring',
    dateCreated: at(6),
    callState: 'Ringing',
    fromName: 'Bea',
    endpointName: 'Sales',
    dateLastModified: at(6),
  },
  {
    id: 'queue',
    dateCreated: at(5),
    callState: 'Ringing',
    queueState: 'Queued',
    fromName: 'Al',
    endpointName: 'Support',
    dateLastModified: at(5),
  },
  {
    id: 'held',
    dateCreated: at(4),
    callState: 'Hold',
    fromName: 'Cy',
    endpointName: 'Billing',
    dateLastModified: at(9),
    heldSince: at(7),
  },
  {
    id: 'mine',
    dateCreated: at(3),
    callState: 'Connected',
    fromName: 'Di',
    endpointName: 'Accounts',
    dateLastModified: at(8),
    // A hold start left from an earlier hold: the call is connected now, so its time counts from its last change.
    heldSince: at(0),
    mine: true,
  },
  {
    id: 'talk',
    dateCreated: at(2),
    callState: 'Connected',
    fromName: 'Ed',
    fromAddress: '+15550199',
    accountName: 'Acme West',
    dateLastModified: at(1),
  },
  { id: 'done', dateCreated: at(1), callState: 'Ringing', ended: true, fromName: 'Flo' },
];

const ids = (list: readonly SessionInfo[]) => list.map((s) => s.id);

beforeEach(() => {
  consoleMirror.state = state;
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  holds.requested = {};
  live.replace({
    version: 1,
    sessions: packRows(rows),
    activity: packRows([]),
    total: { sessions: rows.length, activity: 0 },
  });
  board.filter = 'all';
  board.search = '';
  board.sort = undefined;
});

describe('counts', () => {
  it('counts live calls per state, and how many are the agent’s', () => {
    expect(board.sessions).toBe(live.ordered);
    expect(board.counts).toEqual({ ringing: 1, connected: 2, hold: 1, queued: 1, other: 0 });
    expect(board.mineCount).toBe(1);
  });

  it('moves a hold or resume in flight to the state it shows, and ignores ones for calls not on the board', () => {
    consoleMirror.state = { ...state, holds: { talk: 'pending-hold', held: 'pending-resume', gone: 'pending-hold' } };
    expect(board.counts).toEqual({ ringing: 1, connected: 2, hold: 1, queued: 1, other: 0 });
    consoleMirror.state = { ...state, holds: { talk: 'pending-hold', done: 'pending-hold' } };
    expect(board.counts).toEqual({ ringing: 1, connected: 1, hold: 2, queued: 1, other: 0 });
    expect(live.counts, 'the live store keeps the server’s counts').toMatchObject({ connected: 2, hold: 1 });
  });
});

describe('filters and search', () => {
  it('shows every live call newest first with no filter, the same list', () => {
    expect(ids(board.shown)).toEqual(['ring', 'queue', 'held', 'mine', 'talk']);
    expect(board.shown).toBe(live.ordered);
  });

  it('filters by the state each call shows, holds in flight included, or by the agent’s own calls', () => {
    board.filter = 'connected';
    expect(ids(board.shown)).toEqual(['mine', 'talk']);
    consoleMirror.state = { ...state, holds: { talk: 'pending-hold' } };
    expect(ids(board.shown)).toEqual(['mine']);
    board.filter = 'hold';
    expect(ids(board.shown)).toEqual(['held', 'talk']);
    board.filter = 'queued';
    expect(ids(board.shown)).toEqual(['queue']);
    board.filter = 'mine';
    expect(ids(board.shown)).toEqual(['mine']);
  });

  it('searches caller, number, line and account, trimmed and in any case', () => {
    board.search = '  ACME west ';
    expect(ids(board.shown)).toEqual(['talk']);
    board.search = '0199';
    expect(ids(board.shown)).toEqual(['talk']);
    board.search = 'sales';
    expect(ids(board.shown)).toEqual(['ring']);
    board.filter = 'connected';
    expect(ids(board.shown), 'the filter and the search together').toEqual([]);
    board.search = '   ';
    expect(ids(board.shown)).toEqual(['mine', 'talk']);
  });
});

describe('sorting by a column', () => {
  it('sorts ascending, then descending, then back to newest first', () => {
    board.sortBy('caller');
    expect(board.sort).toEqual({ key: 'caller', descending: false });
    expect(ids(board.shown)).toEqual(['queue', 'ring', 'held', 'mine', 'talk']);
    board.sortBy('caller');
    expect(board.sort).toEqual({ key: 'caller', descending: true });
    expect(ids(board.shown)).toEqual(['talk', 'mine', 'held', 'ring', 'queue']);
    board.sortBy('caller');
    expect(board.sort).toBeUndefined();
    expect(ids(board.shown)).toEqual(['ring', 'queue', 'held', 'mine', 'talk']);
  });

  it('a new column starts ascending', () => {
    board.sortBy('caller');
    board.sortBy('caller');
    board.sortBy('line');
    expect(board.sort).toEqual({ key: 'line', descending: false });
    expect(ids(board.shown)).toEqual(['talk', 'mine', 'held', 'ring', 'queue']);
  });

  it('sorts by state: ringing, queued, on hold, connected', () => {
    board.sortBy('state');
    expect(ids(board.shown)).toEqual(['ring', 'queue', 'held', 'mine', 'talk']);
    consoleMirror.state = { ...state, holds: { talk: 'pending-hold' } };
    expect(ids(board.shown)).toEqual(['ring', 'queue', 'held', 'talk', 'mine']);
    consoleMirror.state = state;
    board.sortBy('state');
    expect(ids(board.shown)).toEqual(['mine', 'talk', 'held', 'queue', 'ring']);
  });

  it('sorts by time in state: a held call from its hold’s start, others from their last change, longest first', () => {
    board.sortBy('time');
    // talk 09:01, ring 09:06, queue 09:05, held 09:07 (held since, not its 09:09 change), mine 09:08.
    expect(ids(board.shown)).toEqual(['talk', 'queue', 'ring', 'held', 'mine']);
    board.sortBy('time');
    expect(ids(board.shown)).toEqual(['mine', 'held', 'ring', 'queue', 'talk']);
  });
});
