// The outbox's less travelled paths, against the simulator: a call the server no longer has, a
// note the server already holds, a hand merge after a conflict, an edit typed while the lookup
// before a save is in flight, notes of another agent on a shared workstation, a password changed
// while a note waits, and a waiting note sent by the first good poll instead of the backoff timer.
import { afterEach, describe, expect, it } from 'vitest';

import { OUTBOX_RECORD } from '../../src/main/core/outbox';
import { noteKey, type OutboxRecord, textHash } from '../../src/main/core/outbox-entry';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type SimUser } from '../../src/simulator/types';
import { sentNotes } from '../support/sent-notes';
import { HeldAnswers } from './ports';
import { liveCall, type Rig, rigWithCall, START, startRig } from './rig';

let rig: Rig;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await rig.close();
  for (const close of closing.splice(0)) await close();
});

const MINUTE = 60_000;
const patches = () => sentNotes(rig.sim.control.requests({ method: 'PATCH' }), { accepted: true });

async function signedInWithCall(fields: Record<string, unknown> = {}, fetch?: typeof globalThis.fetch) {
  let id: string;
  ({ rig, id } = await rigWithCall(fields, { fetch }));
  return id;
}

describe('outbox paths', () => {
  it('a note for a call the server no longer has is refused in words and kept to copy', async () => {
    await signedInWithCall();
    await rig.core.saveConsoleData({ sessionId: 'sess-999999', text: 'call back Monday', base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData['sess-999999']).toEqual({
      sessionId: 'sess-999999',
      state: 'failed',
      pending: 'call back Monday',
      message: 'Could not save the note: This call is no longer on Evo Voice: copy your note elsewhere.',
    });
    expect(patches()).toEqual([]);
    expect(rig.log.lines).toContainEqual(expect.stringMatching(/^warn console data refused .*"code":"not-found"/));
  });

  it('an edit of the note the server shows is saved over it, not taken for a conflict', async () => {
    const id = await signedInWithCall({ consoleData: 'original' });
    const shown = rig.core.getSnapshot().sessions.find((s) => s.id === id);
    await rig.core.saveConsoleData({
      sessionId: id,
      text: 'original, and a callback at 3',
      base: { value: shown?.consoleData },
    });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]).toEqual({ sessionId: id, state: 'saved' });
    expect(patches()).toEqual(['original, and a callback at 3']);
  });

  it('a note in conflict is still in conflict, with when theirs was written, after a restart', async () => {
    const id = await signedInWithCall({ consoleData: 'original' });
    const theirs = rig.sim.control.setConsoleData(id, 'Priya: called back');
    await rig.core.saveConsoleData({ sessionId: id, text: 'mine', base: { value: 'original' } });
    await rig.core.settled();
    const conflict = {
      sessionId: id,
      state: 'conflict',
      pending: 'mine',
      theirs: 'Priya: called back',
      theirsModified: theirs.dateLastModified,
    };
    expect(rig.core.getState().consoleData[id]).toMatchObject(conflict);
    // The restart signs the agent in again from the keychain ("remember me").
    await rig.restart();
    await rig.step(MINUTE);
    expect(rig.core.getState().identity?.userName).toBe(DEMO_USER.userName);
    expect(rig.core.getState().consoleData[id]).toMatchObject(conflict);
    expect(patches()).toEqual([]);
  });

  it('a server that keeps refusing the signed-in agent (401 after re-sign-ins) leaves the note waiting, sent after signing in again', async () => {
    const id = await signedInWithCall();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized', rate: 1 });
    await rig.core.saveConsoleData({ sessionId: id, text: 'kept through refusals', base: {} });
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().connection.status).toBe('signed-out');
    rig.sim.control.clearFaults();
    await rig.signIn();
    await rig.step(MINUTE);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('kept through refusals');
  });

  it('signing out while a note is on its way keeps it for the next sign-in, without asking to retry', async () => {
    const held = new HeldAnswers();
    const id = await signedInWithCall({}, held.fetch);
    const lookup = held.hold((method, url) => method === 'GET' && url.searchParams.get('SpecificIds') === id);
    void rig.core.saveConsoleData({ sessionId: id, text: 'typed just before signing out', base: {} });
    await lookup;
    await rig.core.signOut();
    held.release();
    await rig.core.settled();
    expect(patches()).toEqual([]);
    await rig.signIn();
    await rig.step(MINUTE);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('typed just before signing out');
  });

  it('while Evo Voice is unreachable the note backs off: a few lookups in ten minutes, not one a second', async () => {
    const id = await signedInWithCall();
    rig.sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    rig.sim.control.clearRequests();
    await rig.core.saveConsoleData({ sessionId: id, text: 'offline', base: {} });
    await rig.step(10 * MINUTE);
    const lookups = rig.sim.control.requests({ pathPrefix: '/sessions' }).filter((r) => r.query.SpecificIds === id);
    expect(lookups.length).toBeGreaterThanOrEqual(5);
    expect(lookups.length).toBeLessThanOrEqual(25);
  });

  it('remembers its own confirmed saves for the newest 500 calls, forgetting the oldest (and what it knew of them)', async () => {
    const id = await signedInWithCall();
    const key = (sessionId: string) => noteKey({ owner: `${rig.sim.url}|${DEMO_USER.userName}`, sessionId });
    const perCall = (ids: string[], value: (id: string) => string) =>
      Object.fromEntries(ids.map((sessionId) => [key(sessionId), value(sessionId)]));
    // What the outbox kept of 500 earlier saves, as a restart finds it on disk.
    const earlier = Array.from({ length: 500 }, (_, i) => `sess-earlier-${i}`);
    rig.settings.setRecord(OUTBOX_RECORD, {
      entries: [],
      confirmed: perCall(earlier, (sessionId) => textHash(key(sessionId), `note on ${sessionId}`)),
      confirmedAt: perCall(earlier, () => '2026-11-23T11:00:00.000Z'),
      replaced: perCall(earlier, (sessionId) => textHash(key(sessionId), '')),
    });
    await rig.restart();
    await rig.step(MINUTE);
    await rig.core.saveConsoleData({ sessionId: id, text: `note on ${id}`, base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    const record = rig.settings.getRecord<OutboxRecord>(OUTBOX_RECORD) as OutboxRecord;
    const kept = [...earlier.slice(1), id].map(key);
    expect(Object.keys(record.confirmed)).toEqual(kept);
    expect(Object.keys(record.confirmedAt)).toEqual(kept);
    expect(Object.keys(record.replaced)).toEqual(kept);
    expect(record.confirmed[key(id)]).toBe(textHash(key(id), `note on ${id}`));
    expect(JSON.stringify(rig.settings.records.get(OUTBOX_RECORD)), 'hashes, not notes').not.toContain('note on');
  });

  it("signing out forgets what the outbox learned of the agent's saved notes, and only theirs", async () => {
    const id = await signedInWithCall();
    const mine = noteKey({ owner: `${rig.sim.url}|${DEMO_USER.userName}`, sessionId: id });
    const theirs = noteKey({ owner: `${rig.sim.url}|someone-else`, sessionId: id });
    rig.settings.setRecord(OUTBOX_RECORD, {
      entries: [],
      confirmed: { [theirs]: textHash(theirs, 'their note') },
      confirmedAt: { [theirs]: '2026-11-23T11:00:00.000Z' },
      replaced: { [theirs]: textHash(theirs, '') },
    });
    await rig.restart();
    await rig.core.saveConsoleData({ sessionId: id, text: 'my note', base: {} });
    await rig.core.settled();
    const learned = () => rig.settings.getRecord<OutboxRecord>(OUTBOX_RECORD) as OutboxRecord;
    expect(Object.keys(learned().confirmed).sort()).toEqual([mine, theirs].sort());
    await rig.core.signOut();
    for (const part of [learned().confirmed, learned().confirmedAt, learned().replaced]) {
      expect(Object.keys(part)).toEqual([theirs]);
    }
  });

  it('a note the server already holds (our write whose answer was lost, or the same words) is saved without a PATCH', async () => {
    const id = await signedInWithCall({ consoleData: 'original' });
    rig.sim.control.setConsoleData(id, 'Refund approved');
    await rig.core.saveConsoleData({ sessionId: id, text: 'Refund approved', base: { value: 'original' } });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]).toEqual({ sessionId: id, state: 'saved' });
    expect(patches()).toEqual([]);
  });

  it('a save whose answer has no date is not dated by the save before: our text, later, is still ours', async () => {
    // The server's answers to PATCH come without dateLastModified (the reads keep theirs).
    let undated = false;
    const id = await signedInWithCall({ consoleData: 'original' }, async (input, init) => {
      const answer = await globalThis.fetch(input, init);
      if (!undated || init?.method !== 'PATCH') return answer;
      const { dateLastModified: _dropped, ...session } = (await answer.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(session), { status: answer.status, headers: answer.headers });
    });
    await rig.core.saveConsoleData({ sessionId: id, text: 'first', base: { value: 'original' } });
    await rig.core.settled();
    await rig.step(MINUTE);
    undated = true;
    await rig.core.saveConsoleData({ sessionId: id, text: 'second', base: { value: 'first' } });
    await rig.core.settled();
    await rig.step(MINUTE);
    // An edit begun on a page still showing "first": the server's "second" is our own save, dated after "first".
    await rig.core.saveConsoleData({ sessionId: id, text: 'third', base: { value: 'first' } });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]).toEqual({ sessionId: id, state: 'saved' });
    expect(patches()).toEqual(['first', 'second', 'third']);
  });

  it('after a conflict, an edit begun from their text (a hand merge) is sent without asking again', async () => {
    const id = await signedInWithCall({ consoleData: 'original' });
    rig.sim.control.setConsoleData(id, 'Priya: called back');
    await rig.core.saveConsoleData({ sessionId: id, text: 'mine', base: { value: 'original' } });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('conflict');

    const merged = await rig.core.saveConsoleData({
      sessionId: id,
      text: 'Priya: called back. Mine: refund sent',
      base: { value: 'Priya: called back' },
    });
    expect(merged).toEqual({ sessionId: id, state: 'saving', pending: 'Priya: called back. Mine: refund sent' });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(patches()).toEqual(['Priya: called back. Mine: refund sent']);
  });

  it('an edit typed in the conflict, still begun from the old text, stays a conflict with the new text', async () => {
    const id = await signedInWithCall({ consoleData: 'original' });
    rig.sim.control.setConsoleData(id, 'Priya: called back');
    await rig.core.saveConsoleData({ sessionId: id, text: 'mine', base: { value: 'original' } });
    await rig.core.settled();
    const again = await rig.core.saveConsoleData({ sessionId: id, text: 'mine, more', base: { value: 'original' } });
    expect(again).toMatchObject({ state: 'conflict', pending: 'mine, more', theirs: 'Priya: called back' });
    await rig.core.settled();
    expect(patches()).toEqual([]);
  });

  it('an edit typed while the lookup before a save is on its way: only the newer text is sent', async () => {
    const held = new HeldAnswers();
    const id = await signedInWithCall({}, held.fetch);
    const lookup = held.hold((method, url) => method === 'GET' && url.searchParams.get('SpecificIds') === id);
    void rig.core.saveConsoleData({ sessionId: id, text: 'first', base: {} });
    await lookup;
    await rig.core.saveConsoleData({ sessionId: id, text: 'first, then more', base: {} });
    held.release();
    await rig.core.settled();
    expect(patches()).toEqual(['first, then more']);
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
  });

  it('a note saved while another is failing is tried at once, with it, not after the backoff', async () => {
    const held = new HeldAnswers();
    const first = await signedInWithCall({}, held.fetch);
    const second = liveCall(rig.sim);
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
    const lookup = held.hold((method, url) => method === 'GET' && url.searchParams.get('SpecificIds') === first);
    void rig.core.saveConsoleData({ sessionId: first, text: 'one', base: {} });
    await lookup;
    await rig.core.saveConsoleData({ sessionId: second, text: 'two', base: {} });
    held.release();
    await rig.core.settled();
    expect(rig.sim.control.getSession(first)?.consoleData).toBe('one');
    expect(rig.sim.control.getSession(second)?.consoleData).toBe('two');
  });

  it('a waiting note is sent by the first good poll after an outage, not when the backoff timer ends', async () => {
    const id = await signedInWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
    await rig.core.saveConsoleData({ sessionId: id, text: 'written offline', base: {} });
    await rig.step(10 * MINUTE);
    expect(rig.core.getState().consoleData[id]).toMatchObject({
      state: 'waiting-for-network',
      message: expect.stringMatching(/^Kept on this computer; it will be sent when the network is back\. \(/),
    });
    // The outbox's own retry is 30 to 60 s away by now; polls (every 5 s here) still succeed.
    rig.sim.control.clearFaults();
    await rig.step(10_000);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('written offline');
  });

  it('the server refusing for a while says Evo Voice, not the network, is what the note waits for', async () => {
    const id = await signedInWithCall();
    rig.sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', rate: 1 });
    await rig.core.saveConsoleData({ sessionId: id, text: 'kept', base: {} });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.message).toMatch(
      /^Kept on this computer; it will be sent when Evo Voice answers again\. \(/,
    );
  });

  it("on a shared workstation, another agent neither sees nor sends the first agent's unsent note", async () => {
    const second: SimUser = {
      userName: 'second@evovoice.example',
      password: 'second-password',
      displayName: 'Second Agent',
      userId: 'user-second',
      accountIds: ['acct-north'],
    };
    const sim = await startSimulator({
      clock: 'manual',
      scenario: false,
      seed: 3,
      startTime: START,
      users: [DEMO_USER, second],
    });
    closing.push(() => sim.close());
    rig = await startRig({ sim });
    await rig.signIn();
    const id = liveCall(sim);
    sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    await rig.core.saveConsoleData({ sessionId: id, text: 'first agent: refund promised', base: {} });
    await rig.core.settled();
    await rig.core.signOut();
    sim.control.clearFaults();

    await rig.core.signIn({
      serverUrl: sim.url,
      userName: second.userName,
      password: second.password,
      remember: false,
    });
    await rig.core.selectAccount('acct-north');
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().consoleData[id], 'not shown to the second agent').toBeUndefined();
    expect(sim.control.getSession(id)?.consoleData ?? '').toBe('');
    expect(() => rig.core.discardConsoleData({ sessionId: id })).toThrowError(/no unsent note for this call/);

    await rig.core.saveConsoleData({ sessionId: id, text: 'second agent: called back', base: {} });
    await rig.core.settled();
    expect(sim.control.getSession(id)?.consoleData).toBe('second agent: called back');
    await rig.core.signOut();

    await rig.signIn();
    await rig.step(MINUTE);
    expect(rig.core.getState().consoleData[id]).toMatchObject({
      state: 'conflict',
      pending: 'first agent: refund promised',
      theirs: 'second agent: called back',
    });
  });

  it('a password changed while a note waits: the note is kept, and sent after the agent signs in again', async () => {
    const user: SimUser = { ...DEMO_USER, accountIds: [...DEMO_USER.accountIds] };
    const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 4, startTime: START, users: [user] });
    closing.push(() => sim.close());
    rig = await startRig({ sim });
    await rig.signIn();
    const id = liveCall(sim);
    user.password = 'changed-by-the-admin';
    sim.control.expireLogins();
    await rig.core.saveConsoleData({ sessionId: id, text: 'kept through a new password', base: {} });
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().connection.status).toBe('signed-out');
    expect(rig.settings.getRecord<{ entries: { text: string }[] }>(OUTBOX_RECORD)?.entries).toMatchObject([
      { text: 'kept through a new password' },
    ]);

    await rig.core.signIn({ serverUrl: sim.url, userName: user.userName, password: user.password, remember: false });
    await rig.core.selectAccount('acct-north');
    await rig.step(MINUTE);
    expect(sim.control.getSession(id)?.consoleData).toBe('kept through a new password');
  });
});
