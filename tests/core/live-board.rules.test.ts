// The live board case by case: which polls show a call ended (the quiet pace's cue to read the
// activity feed), who called, a reset, the activity list, PATCH answers, and an action's overlay
// from the click to the server's word (kept over polls begun before the confirmation and over a
// few stale reads, showing what the answer changed, rolled back on refusal), with `mine` and
// `heldSince` laid over the server's rows.
import { describe, expect, it } from 'vitest';

import { LiveBoard } from '../../src/main/core/live-board';
import type { SessionInfo } from '../../src/shared/evovoice';

const T0 = Date.parse('2026-11-23T12:00:00.000Z');
const call = (id: string, fields: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  callState: 'Connected',
  ended: false,
  fromName: `Caller ${id}`,
  fromAddress: '+15550100',
  dateLastModified: new Date(T0 - 60_000).toISOString(),
  ...fields,
});

function board(agent: { userId?: string; displayName?: string } | 'nobody' = { userId: 'user-demo' }) {
  let now = T0;
  const b = new LiveBoard({ now: () => now, agent: () => (agent === 'nobody' ? undefined : agent) });
  return {
    b,
    tick: (ms: number) => (now += ms),
    poll(sessions: SessionInfo[]) {
      const n = b.pollStarted();
      return b.update({ sessions }, n);
    },
    shown: (id: string) => b.find(id),
  };
}

describe('callEnded', () => {
  const ended = (id: string) => call(id, { ended: true, callState: 'Disconnected' });

  it('the same list, or only live calls coming and staying: no call ended', () => {
    const { b, poll } = board();
    expect(b.callEnded([])).toBe(false);
    const list = [call('a'), ended('old')];
    poll(list);
    expect(b.callEnded(list)).toBe(false);
    expect(b.callEnded([call('a', { consoleData: 'x' }), call('b'), ended('old')])).toBe(false);
    // An ended call leaving the list, or still ended, is not news.
    expect(b.callEnded([call('a')])).toBe(false);
    expect(b.callEnded([call('a'), { ...ended('old') }])).toBe(false);
  });

  it('a live call now ended, a live call gone from the list, or a new call already ended: a call ended', () => {
    const { b, poll } = board();
    poll([call('a'), call('b'), ended('old')]);
    expect(b.callEnded([ended('a'), call('b'), ended('old')])).toBe(true);
    expect(b.callEnded([call('b'), ended('old')])).toBe(true);
    expect(b.callEnded([call('a'), call('b'), ended('old'), ended('short')])).toBe(true);
    // A call without an id is never matched to one the board had.
    expect(b.callEnded([call('a'), call('b'), ended('old'), { callState: 'Connected' }])).toBe(false);
    expect(b.callEnded([call('a'), call('b'), ended('old'), { ended: true }])).toBe(true);
  });
});

describe('callerOf', () => {
  it('name and number, either alone (the number from the callback number too), or nothing', () => {
    const { b, poll } = board();
    poll([
      call('both'),
      call('name', { fromAddress: undefined }),
      call('number', { fromName: undefined }),
      call('callback', { fromName: undefined, fromAddress: undefined, callbackNumber: '+15550142' }),
      call('none', { fromName: undefined, fromAddress: undefined }),
    ]);
    expect(b.callerOf('both')).toBe('Caller both (+15550100)');
    expect(b.callerOf('name')).toBe('Caller name');
    expect(b.callerOf('number')).toBe('+15550100');
    expect(b.callerOf('callback')).toBe('+15550142');
    expect(b.callerOf('none')).toBeUndefined();
    expect(b.callerOf('not-on-the-board')).toBeUndefined();
  });
});

describe('versions, reset and activity', () => {
  it('each published change is the next version; nothing changed publishes nothing', () => {
    const { b, poll } = board();
    expect(b.snapshot()).toEqual({ version: 0, sessions: [], activity: [] });
    const list = [call('a')];
    expect(poll(list)?.version).toBe(1);
    expect(poll(list)).toBeUndefined();
    expect(poll([call('a')])).toBeUndefined();
    expect(poll([call('a', { consoleData: 'note' })])).toEqual({
      version: 2,
      sessions: { added: [], changed: [{ id: 'a', set: { consoleData: 'note' } }], removed: [] },
    });
    expect(b.liveSessions).toEqual([call('a', { consoleData: 'note' })]);
  });

  it('the activity list on its own: published when it changed, its objects kept otherwise', () => {
    const { b } = board();
    const activity = [call('x', { ended: true })];
    expect(b.update({ activity })).toEqual({
      version: 1,
      activity: { added: activity, changed: [], removed: [] },
    });
    expect(b.update({ activity })).toBeUndefined();
    expect(b.update({ activity: [call('x', { ended: true })] })).toBeUndefined();
    expect(b.snapshot()).toEqual({ version: 1, sessions: [], activity });
  });

  it('reset empties the board and its overlays, as a new version', () => {
    const { b, poll, shown } = board();
    poll([call('a')]);
    b.update({ activity: [call('x')] });
    b.overlay('a', { callState: 'Hold' });
    expect(b.reset()).toEqual({ version: 4, sessions: [], activity: [] });
    poll([call('a')]);
    expect(shown('a')?.callState).toBe('Connected');
    // The last poll's objects are forgotten too: the same object again is news.
    const list = [call('b')];
    poll(list);
    b.reset();
    expect(poll(list)?.sessions?.added).toEqual(list);
  });
});

describe('PATCH answers (upsert)', () => {
  it('a fresh copy of a call on the board replaces it; a call not on the board is ignored', () => {
    const { b, poll, shown } = board();
    poll([call('a'), call('b')]);
    expect(b.upsert(call('c', { consoleData: 'x' }))).toBeUndefined();
    expect(b.upsert({ consoleData: 'no id' })).toBeUndefined();
    expect(b.upsert(call('a', { consoleData: 'saved' }))).toEqual({
      version: 2,
      sessions: { added: [], changed: [{ id: 'a', set: { consoleData: 'saved' } }], removed: [] },
    });
    expect(shown('a')?.consoleData).toBe('saved');
    expect(shown('b')).toEqual(call('b'));
    expect(b.liveSessions.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe("an action's overlay", () => {
  const held = (fields: Partial<SessionInfo> = {}) =>
    call('a', {
      callState: 'Hold',
      heldByUserId: 'user-demo',
      dateLastModified: new Date(T0 + 1000).toISOString(),
      ...fields,
    });

  it('shows at once, without a hold start until the server confirms; a refusal shows the server again', () => {
    const { b, poll, shown } = board();
    poll([call('a'), call('b')]);
    const patch = b.overlay('a', { callState: 'Hold' });
    expect(patch?.sessions?.changed).toEqual([{ id: 'a', set: { callState: 'Hold' } }]);
    expect(shown('a')?.heldSince).toBeUndefined();
    // A poll meanwhile (the server has not applied it yet) keeps showing the action.
    poll([call('a'), call('b')]);
    expect(shown('a')?.callState).toBe('Hold');
    b.rollBack('a');
    expect(shown('a')).toEqual(call('a'));
  });

  it('after the confirmation: kept over a poll begun before it, the server is the word of one begun after', () => {
    const { b, poll, shown, tick } = board();
    poll([call('a')]);
    b.overlay('a', { callState: 'Hold' });
    const early = b.pollStarted();
    tick(1000);
    b.confirm('a', held());
    expect(shown('a')).toMatchObject({ callState: 'Hold', heldByUserId: 'user-demo', mine: true });
    expect(shown('a')?.heldSince).toBe(new Date(T0 + 1000).toISOString());
    // The poll begun before the confirmation still shows the call connected: not believed.
    b.update({ sessions: [call('a')] }, early);
    expect(shown('a')?.callState).toBe('Hold');
    // One begun after it showing something else (someone resumed it): the server's word.
    poll([call('a', { consoleData: 'resumed by Priya' })]);
    expect(shown('a')).toEqual(call('a', { consoleData: 'resumed by Priya' }));
  });

  it('a poll begun after the confirmation that still shows the call as before is stale: masked three times, then believed', () => {
    const { b, poll, shown, tick } = board();
    poll([call('a')]);
    b.overlay('a', { callState: 'Hold' });
    tick(1000);
    b.confirm('a', held({ holdReason: 'Transferring' }));
    for (let i = 0; i < 3; i++) {
      poll([call('a')]);
      // Everything the answer changed shows, not only the field asked for.
      expect(shown('a')).toMatchObject({ callState: 'Hold', heldByUserId: 'user-demo', holdReason: 'Transferring' });
    }
    poll([call('a')]);
    expect(shown('a')).toEqual(call('a'));
  });

  it('an action on a call the board does not have yet: shown when it comes, the server believed after', () => {
    const { b, poll, shown } = board();
    poll([call('b')]);
    b.overlay('a', { callState: 'Hold' });
    b.confirm('a', held());
    expect(shown('a')).toBeUndefined();
    poll([call('a'), call('b')]);
    expect(shown('a')?.callState).toBe('Connected');
  });

  it('a resume confirmed: no hold start kept from the hold before', () => {
    const { b, poll, shown, tick } = board();
    poll([held()]);
    // First seen held, dated in the future: the hold starts at first sight.
    expect(shown('a')?.heldSince).toBe(new Date(T0).toISOString());
    b.overlay('a', { callState: 'Connected' });
    tick(5000);
    b.confirm('a', call('a', { heldByUserId: undefined }));
    expect(shown('a')?.callState).toBe('Connected');
    expect(shown('a')?.heldSince).toBeUndefined();
  });
});

describe('mine', () => {
  it("the agent's calls are marked, by user id or display name; nobody's without an agent who has either", () => {
    const rows = [
      call('held', { callState: 'Hold', heldByUserId: 'user-demo' }),
      call('answered', { answeredByName: 'Demo Agent' }),
      call('theirs', { answeredByName: 'Priya Shah' }),
    ];
    const byId = board({ userId: 'user-demo' });
    byId.poll(rows);
    expect(byId.b.liveSessions.map((s) => [s.id, s.mine ?? false])).toEqual([
      ['held', true],
      ['answered', false],
      ['theirs', false],
    ]);
    const byName = board({ displayName: 'Demo Agent' });
    byName.poll(rows);
    expect(byName.b.liveSessions.map((s) => s.mine ?? false)).toEqual([false, true, false]);
    for (const agent of ['nobody' as const, {}, { userId: '', displayName: '' }]) {
      const nobody = board(agent);
      nobody.poll(rows);
      expect(nobody.b.liveSessions.map((s) => s.mine ?? false)).toEqual([false, false, false]);
      // An unmarked row without a hold start is the server's own object.
      expect(nobody.b.liveSessions[1]).toBe(rows[1]);
    }
  });
});
