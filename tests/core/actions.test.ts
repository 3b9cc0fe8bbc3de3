// Hold/resume (optimistic, confirmed or rolled back, never flickering back on a late poll, never
// landing on another sign-in's board) and console-data edits through the durable outbox: offline
// edits that arrive later, across a restart, and conflicts surfaced, not overwritten.
import { afterEach, describe, expect, it } from 'vitest';

import type { CoreEvent } from '../../src/main/core/console';
import { CoreError } from '../../src/main/core/errors';
import { OUTBOX_RECORD } from '../../src/main/core/outbox';
import { noteKey, textHash } from '../../src/main/core/outbox-entry';
import type { Strictness } from '../../src/simulator/strictness';
import { DEMO_USER } from '../../src/simulator/types';
import { sentNotes } from '../support/sent-notes';
import { HeldAnswers } from './ports';
import { type Rig, rigWithCall } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const MINUTE = 60_000;
const patchRequests = () => rig.sim.control.requests({ method: 'PATCH' });

async function boardWithCall(
  fields: Record<string, unknown> = {},
  fetch?: typeof globalThis.fetch,
  strictness: Partial<Strictness> = {},
): Promise<string> {
  let id: string;
  ({ rig, id } = await rigWithCall(fields, { fetch, strictness }));
  return id;
}

describe('hold and resume', () => {
  it('a hold for a transfer shows at once, the server receives Transferring, and resume clears it', async () => {
    const id = await boardWithCall();
    rig.events.length = 0;
    const holding = rig.core.hold({ sessionId: id, action: 'hold', reason: 'Transferring' });
    const first = rig.events.find((e): e is Extract<CoreEvent, { type: 'patch' }> => e.type === 'patch');
    expect(first?.patch.sessions?.changed).toEqual([{ id, set: { callState: 'Hold', holdReason: 'Transferring' } }]);
    expect(rig.core.getState().holds).toEqual({ [id]: 'pending-hold' });

    await expect(rig.core.hold({ sessionId: id, action: 'resume' })).rejects.toMatchObject({ code: 'busy' });
    const held = await holding;
    expect(held.callState).toBe('Hold');
    expect(rig.core.getState().holds).toEqual({});
    expect(rig.sim.control.getSession(id)).toMatchObject({ callState: 'Hold', holdReason: 'Transferring' });
    expect(patchRequests()).toHaveLength(1);
    expect(patchRequests()[0]?.body).toEqual({ sessionId: id, callState: 'Hold', holdReason: 'Transferring' });

    await rig.core.hold({ sessionId: id, action: 'resume' });
    await rig.core.settled();
    expect(patchRequests()[1]?.body).toEqual({ sessionId: id, callState: 'Connected', holdReason: 'None' });
    expect(rig.sim.control.getSession(id)).toMatchObject({ callState: 'Connected', holdReason: 'None' });
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)).toMatchObject({
      callState: 'Connected',
      holdReason: 'None',
    });
  });

  it('a plain hold sends holdReason None; a resume in flight shows as pending-resume; refusals name why', async () => {
    const id = await boardWithCall();
    await rig.core.hold({ sessionId: id, action: 'hold' });
    expect(patchRequests()[0]?.body).toEqual({ sessionId: id, callState: 'Hold', holdReason: 'None' });
    const resuming = rig.core.hold({ sessionId: id, action: 'resume' });
    expect(rig.core.getState().holds).toEqual({ [id]: 'pending-resume' });
    await expect(rig.core.hold({ sessionId: id, action: 'hold' })).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/already being put on hold or resumed/),
    });
    await resuming;
    await expect(rig.core.hold({ sessionId: 'not-on-the-board', action: 'hold' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no longer on the board/),
    });
  });

  it('a failed resume says what failed and keeps the server status for support', async () => {
    const id = await boardWithCall({ callState: 'Hold' });
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'error-500', count: 1 });
    await expect(rig.core.hold({ sessionId: id, action: 'resume' })).rejects.toMatchObject({
      message: expect.stringMatching(/^Could not take the call off hold: /),
      status: 500,
    });
  });

  it('a poll already on its way when the server confirmed does not flip the call back', async () => {
    const answers = new HeldAnswers();
    const id = await boardWithCall({}, answers.fetch);
    const held = answers.hold((method, url) => method === 'GET' && url.pathname.endsWith('/sessions'));
    rig.core.pollNow();
    await held;
    rig.events.length = 0;
    await rig.core.hold({ sessionId: id, action: 'hold', reason: 'Transferring' });
    answers.release();
    await rig.core.settled();

    const seen = rig.events.flatMap((e) =>
      e.type === 'patch' ? (e.patch.sessions?.changed ?? []).filter((c) => c.id === id) : [],
    );
    expect(seen.map((c) => c.set.callState).filter(Boolean)).toEqual(['Hold']);
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)).toMatchObject({
      callState: 'Hold',
      holdReason: 'Transferring',
    });
  });

  it("a poll begun after the confirmation is the server's word: a resume by someone else shows", async () => {
    const id = await boardWithCall();
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.core.settled();
    rig.sim.control.updateSession(id, { callState: 'Connected' });
    rig.core.pollNow();
    await rig.core.settled();
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)?.callState).toBe('Connected');
  });

  it('rolls back with a clear error when the server refuses', async () => {
    const id = await boardWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'error-500', count: 1 });
    rig.events.length = 0;
    const error = await rig.core.hold({ sessionId: id, action: 'hold' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toMatch(/^Could not put the call on hold: /);
    expect((error as CoreError).code).toBe('server');
    const changes = rig.events.flatMap((e) => (e.type === 'patch' ? (e.patch.sessions?.changed ?? []) : []));
    expect(changes.map((c) => c.set.callState)).toEqual(['Hold', 'Connected']);
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)?.callState).toBe('Connected');
    expect(rig.core.getState().holds).toEqual({});
  });
});

describe('hold against a strict server', () => {
  it('a PATCH answer that did not change the call is a failed hold: rolled back, with words', async () => {
    const id = await boardWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'patch-ignored', count: 1 });
    const error = await rig.core.hold({ sessionId: id, action: 'hold' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toMatch(/^Could not put the call on hold: .*Connected/);
    await rig.core.settled();
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)?.callState).toBe('Connected');
    expect(rig.core.getState().holds).toEqual({});
  });

  it('stale list answers after a hold and a resume never flip the call back', async () => {
    const id = await boardWithCall();
    rig.sim.control.setStrictness({ staleReads: 2 });
    rig.events.length = 0;
    await rig.core.hold({ sessionId: id, action: 'hold', reason: 'Transferring' });
    await rig.step(10_000);
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)).toMatchObject({
      callState: 'Hold',
      holdReason: 'Transferring',
    });
    await rig.core.hold({ sessionId: id, action: 'resume' });
    await rig.step(10_000);
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)).toMatchObject({
      callState: 'Connected',
      holdReason: 'None',
    });
    const states = rig.events.flatMap((e) =>
      e.type === 'patch' ? (e.patch.sessions?.changed ?? []).filter((c) => c.id === id && c.set.callState) : [],
    );
    expect(states.map((c) => c.set.callState)).toEqual(['Hold', 'Connected']);
  });
});

describe('results of an older sign-in', () => {
  it("an account switch drops the old account's poll and hold answers", async () => {
    const answers = new HeldAnswers();
    // Every GET is held below: picking the account must not need one (GET /auth/status lists them).
    const id = await boardWithCall({}, answers.fetch, { authStatus: 'full' });
    const south = rig.sim.control.addSession({ accountId: 'acct-south', callState: 'Connected', ended: false });
    const held = answers.hold((method) => method === 'PATCH' || method === 'GET');
    const holding = rig.core.hold({ sessionId: id, action: 'hold' });
    rig.core.pollNow();
    await held;
    await rig.core.selectAccount('acct-south');
    expect(rig.core.getState().holds).toEqual({});
    rig.events.length = 0;
    answers.release();
    await holding;
    await rig.core.settled();

    const shown = rig.events.flatMap((e) => (e.type === 'patch' ? (e.patch.sessions?.added ?? []) : []));
    expect(shown.map((s) => s.id)).toEqual([south.id]);
    expect(rig.events.some((e) => e.type === 'state' && e.state.holds[id])).toBe(false);
    expect(rig.core.getSnapshot().sessions.map((s) => s.id)).toEqual([south.id]);
  });

  it('sign-out while a poll is on its way: the board stays empty', async () => {
    const answers = new HeldAnswers();
    await boardWithCall({}, answers.fetch);
    const held = answers.hold((method, url) => method === 'GET' && url.pathname.endsWith('/sessions'));
    rig.core.pollNow();
    await held;
    const out = rig.core.signOut();
    answers.release();
    await out;
    await rig.core.settled();
    expect(rig.core.getSnapshot().sessions).toEqual([]);
    expect(rig.core.getState()).toMatchObject({ connection: { status: 'signed-out' }, holds: {} });
  });
});

describe('console data', () => {
  const down = () => rig.sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });

  it('saves only consoleData when the server is up', async () => {
    const id = await boardWithCall();
    const status = await rig.core.saveConsoleData({ sessionId: id, text: 'Wants a callback', base: {} });
    expect(status.state).toBe('saving');
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]).toEqual({ sessionId: id, state: 'saved' });
    expect(patchRequests().map((r) => r.body)).toEqual([{ sessionId: id, consoleData: 'Wants a callback' }]);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('Wants a callback');
  });

  it('on a slow disk, a note is answered once it is on disk, and sent only after the disk knows it was sent', async () => {
    /** What the disk said of the note each time a PATCH left for the server. */
    const onDiskAtPatch: unknown[] = [];
    const watching: typeof globalThis.fetch = (input, init) => {
      if (init?.method === 'PATCH') onDiskAtPatch.push(rig.settings.records.get(OUTBOX_RECORD));
      return globalThis.fetch(input, init);
    };
    const id = await boardWithCall({}, watching);
    rig.settings.writeDelayMs = 30;
    const answer = rig.core.saveConsoleData({ sessionId: id, text: 'Callback at 3 pm', base: {} });
    const onDisk = () => rig.settings.records.get(OUTBOX_RECORD) as { entries: { text: string }[] } | undefined;
    expect(onDisk()?.entries ?? [], 'not on disk yet').toEqual([]);
    await answer;
    expect(
      onDisk()?.entries.map((e) => e.text),
      'on disk when answered',
    ).toEqual(['Callback at 3 pm']);
    await rig.core.settled();
    // `sent` is kept as the text's hash (issue 21: no note text on disk where equality is enough).
    const sent = textHash(
      noteKey({ owner: `${rig.sim.url}|${DEMO_USER.userName}`, sessionId: id }),
      'Callback at 3 pm',
    );
    expect(onDiskAtPatch).toMatchObject([{ entries: [{ sessionId: id, sent }] }]);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('Callback at 3 pm');
  });

  it('keeps edits made while the server is down and sends the last one, in order, when it returns', async () => {
    const id = await boardWithCall();
    down();
    rig.core.saveConsoleData({ sessionId: id, text: 'first draft', base: {} });
    expect(rig.settings.getRecord<{ entries: unknown[] }>(OUTBOX_RECORD)?.entries).toHaveLength(1);
    await rig.core.settled();
    const status = await rig.core.saveConsoleData({ sessionId: id, text: 'final text', base: {} });
    expect(status.pending).toBe('final text');
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('waiting-for-network');
    await rig.step(10 * MINUTE);
    expect(rig.core.getState().consoleData[id]?.state).toBe('waiting-for-network');

    rig.sim.control.clearFaults();
    await rig.step(2 * MINUTE);
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('final text');
    expect(sentNotes(patchRequests(), { accepted: true })).toEqual(['final text']);
    expect(rig.settings.getRecord<{ entries: unknown[] }>(OUTBOX_RECORD)?.entries).toEqual([]);
  });

  it('an edit made while the server is down survives a restart of the core and arrives afterwards', async () => {
    const id = await boardWithCall();
    down();
    rig.core.saveConsoleData({ sessionId: id, text: 'written offline', base: {} });
    await rig.core.stop();
    rig.sim.control.clearFaults();
    await rig.restart();
    await rig.step(MINUTE);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('written offline');
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
  });

  it('surfaces a conflict instead of overwriting what someone else wrote, then sends the chosen text', async () => {
    const id = await boardWithCall({ consoleData: 'original' });
    const base = rig.core.getSnapshot().sessions.find((s) => s.id === id);
    rig.sim.control.setConsoleData(id, 'Priya: customer called back');
    const status = await rig.core.saveConsoleData({
      sessionId: id,
      text: 'mine',
      base: { value: base?.consoleData, dateLastModified: base?.dateLastModified },
    });
    expect(status.state).toBe('saving');
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]).toMatchObject({
      state: 'conflict',
      pending: 'mine',
      theirs: 'Priya: customer called back',
    });
    expect(patchRequests()).toHaveLength(0);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('Priya: customer called back');

    await rig.step(5 * MINUTE);
    expect(patchRequests()).toHaveLength(0);

    rig.core.resolveConflict({ sessionId: id, text: 'mine + Priya: customer called back' });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('mine + Priya: customer called back');
  });

  it("our own earlier save is not mistaken for someone else's change", async () => {
    const id = await boardWithCall({ consoleData: 'original' });
    const base = rig.core.getSnapshot().sessions.find((s) => s.id === id);
    const from = { value: base?.consoleData, dateLastModified: base?.dateLastModified };
    rig.core.saveConsoleData({ sessionId: id, text: 'one', base: from });
    await rig.core.settled();
    rig.core.saveConsoleData({ sessionId: id, text: 'one two', base: from });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('one two');
  });

  it('a stale read right after our confirmed save is not a conflict', async () => {
    const id = await boardWithCall({ consoleData: 'original' });
    rig.sim.control.setStrictness({ staleReads: 3 });
    // The save happens later than the call's last change: a stale read carries the older date.
    rig.sim.control.advance(5_000);
    const first = rig.core.getSnapshot().sessions.find((s) => s.id === id);
    rig.core.saveConsoleData({
      sessionId: id,
      text: 'one',
      base: { value: first?.consoleData, dateLastModified: first?.dateLastModified },
    });
    await rig.core.settled();
    const saved = rig.sim.control.getSession(id);
    rig.core.saveConsoleData({
      sessionId: id,
      text: 'one two',
      base: { value: saved?.consoleData, dateLastModified: saved?.dateLastModified },
    });
    await rig.core.settled();
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('one two');
  });

  it('a note for a call that ended and was archived is looked up in the archive; unsent, it can be retried or discarded', async () => {
    const id = await boardWithCall({ fromName: 'Ada Lovelace', fromAddress: '+15550199' });
    rig.sim.control.endSession(id);
    rig.sim.control.archiveSession(id);
    rig.core.saveConsoleData({ sessionId: id, text: 'call back Monday', base: {} });
    await rig.core.settled();
    const lookups = rig.sim.control
      .requests({ method: 'GET', pathPrefix: '/sessions' })
      .filter((r) => r.query.SpecificIds === id);
    expect(lookups.map((r) => r.query.SearchArchive)).toEqual([undefined, 'true']);
    expect(patchRequests()).toHaveLength(1);
    expect(rig.core.getState().consoleData[id]).toMatchObject({
      state: 'failed',
      pending: 'call back Monday',
      caller: 'Ada Lovelace (+15550199)',
      message: expect.stringMatching(/^Could not save the note: /),
    });

    rig.core.retryConsoleData({ sessionId: id });
    await rig.core.settled();
    expect(patchRequests()).toHaveLength(2);
    expect(rig.core.getState().consoleData[id]?.state).toBe('failed');

    rig.core.discardConsoleData({ sessionId: id });
    expect(rig.core.getState().consoleData[id]).toBeUndefined();
    expect(rig.settings.getRecord<{ entries: unknown[] }>(OUTBOX_RECORD)?.entries).toEqual([]);
    await rig.step(10 * MINUTE);
    expect(patchRequests()).toHaveLength(2);
  });
});
