// The live board at its edges: a board built without options (its own clock), what a reset leaves,
// calls without an id, and a hold first seen in a poll, judged from when that poll began (not when
// it answered).
import { describe, expect, it } from 'vitest';

import { LiveBoard } from '../../src/main/core/live-board';
import type { SessionInfo } from '../../src/shared/evovoice';

const T0 = Date.parse('2026-11-23T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('LiveBoard edges', () => {
  it('without options it times holds on the computer clock and marks nobody', () => {
    const board = new LiveBoard();
    const before = Date.now();
    board.update({ sessions: [{ id: 'a', callState: 'Hold', ended: false, heldByUserId: 'user-demo' }] });
    const start = Date.parse(board.find('a')?.heldSince ?? '');
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThanOrEqual(Date.now());
    expect(board.find('a')?.mine).toBeUndefined();
  });

  it('after a reset no call is known: none has ended, none is reused, none takes a PATCH answer', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    board.update({ sessions: [{ id: 'a', callState: 'Connected', ended: false }] });
    board.reset();
    expect(board.callEnded([])).toBe(false);
    expect(board.known({ id: 'a', callState: 'Connected', ended: false })).toBeUndefined();
    expect(board.upsert({ id: 'a', callState: 'Hold' })).toBeUndefined();
    expect(board.snapshot().sessions).toEqual([]);
  });

  it('a call without an id is never matched to another without one', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    const nameless: SessionInfo = { callState: 'Disconnected', ended: true };
    board.update({ sessions: [{ id: 'a', callState: 'Connected', ended: false }, nameless] });
    // A new call already ended, even when the board had another without an id.
    expect(board.callEnded([{ id: 'a', callState: 'Connected', ended: false }, { ...nameless }])).toBe(true);
    expect(board.known({ callState: 'Disconnected', ended: true })).toBeUndefined();
    expect(board.upsert({ consoleData: 'answer without an id' })).toBeUndefined();
  });

  it('a hold first seen in a poll may start after that poll began, even before it answered', () => {
    let now = T0;
    const board = new LiveBoard({ now: () => now, agent: () => undefined });
    const call = (fields: Partial<SessionInfo>): SessionInfo => ({ id: 'a', ended: false, ...fields });
    // The first poll begins at T0 and answers 10 s later: the call is not held.
    const first = board.pollStarted();
    now += 10_000;
    board.update({ sessions: [call({ callState: 'Connected' })] }, first);
    // Held 5 s after the first poll began (while it was on its way), seen by the next poll.
    now += 20_000;
    const second = board.pollStarted();
    now += 1_000;
    board.update({ sessions: [call({ callState: 'Hold', dateLastModified: iso(T0 + 5_000) })] }, second);
    expect(board.find('a')?.heldSince).toBe(iso(T0 + 5_000));
  });
});

describe("an action's overlay, the edges", () => {
  const call = (id: string, fields: Partial<SessionInfo> = {}): SessionInfo => ({
    id,
    callState: 'Connected',
    ended: false,
    ...fields,
  });

  it('a hold the agent made starts when the server confirmed it, not when the answer says it changed', () => {
    let now = T0;
    const board = new LiveBoard({ now: () => now, agent: () => undefined });
    board.update({ sessions: [call('a')] }, board.pollStarted());
    board.overlay('a', { callState: 'Hold' });
    now += 3_000;
    board.confirm('a', call('a', { callState: 'Hold', dateLastModified: iso(T0 + 1_000) }));
    expect(board.find('a')?.heldSince).toBe(iso(T0 + 3_000));
  });

  it('a poll begun before the confirmation is not the server word, even showing another change', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    board.update({ sessions: [call('a')] }, board.pollStarted());
    board.overlay('a', { callState: 'Hold' });
    const early = board.pollStarted();
    board.confirm('a', call('a', { callState: 'Hold' }));
    board.update({ sessions: [call('a', { consoleData: 'typed meanwhile' })] }, early);
    expect(board.find('a')).toMatchObject({ callState: 'Hold', consoleData: 'typed meanwhile' });
  });

  it('the call as it was before the action is that call, not the first on the board', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    const rows = [call('other'), call('a')];
    board.update({ sessions: rows }, board.pollStarted());
    board.overlay('a', { callState: 'Hold' });
    board.confirm('a', call('a', { callState: 'Hold' }));
    // A lagging read still shows the call as before: masked.
    board.update({ sessions: [call('other'), call('a')] }, board.pollStarted());
    expect(board.find('a')?.callState).toBe('Hold');
    // The caller's list is never changed by the board.
    expect(rows[1]).toEqual(call('a'));
  });

  it('a confirmation without an action in flight (it was rolled back) takes the answer', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    board.update({ sessions: [call('a'), call('b')] }, board.pollStarted());
    board.confirm('b', call('b', { consoleData: 'answer' }));
    expect(board.find('b')?.consoleData).toBe('answer');
    expect(board.find('a')).toEqual(call('a'));
  });
});

describe('lists and agents at the edges', () => {
  it('a shorter list that starts with the same objects is a change: the missing call goes', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => undefined });
    const a: SessionInfo = { id: 'a', callState: 'Connected', ended: false };
    board.update({ sessions: [a, { id: 'b', callState: 'Connected', ended: false }] });
    expect(board.callEnded([a])).toBe(true);
    board.update({ sessions: [a] });
    expect(board.liveSessions.map((s) => s.id)).toEqual(['a']);
  });

  it('an agent with neither a user id nor a name owns no call, even one whose agent member has neither', () => {
    const board = new LiveBoard({ now: () => T0, agent: () => ({ userId: '', displayName: '' }) });
    board.update({
      sessions: [
        {
          id: 'a',
          callState: 'Connected',
          ended: false,
          members: [{ role: 'Agent', identity: '', displayName: '', callState: 'Connected' }],
        },
      ],
    });
    expect(board.find('a')?.mine).toBeUndefined();
  });
});
