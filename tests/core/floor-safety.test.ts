// The floor-safety rules of the core against the strict simulator (stale reads on): one true hold
// time (the server's confirmation, or no earlier than the last poll that saw the call not held),
// whose call it is (the `mine` mark, members included), a colleague's call refused under 'deny',
// and a hold change that costs the IPC less than 1 KB on a board of 1,000 calls.
import { afterEach, describe, expect, it } from 'vitest';

import type { CoreEvent } from '../../src/main/core/console';
import type { BoardSession } from '../../src/shared/live';
import { unpackRows } from '../../src/shared/live';
import { type Rig, rigWithCall, startRig } from './rig';

let rig: Rig;
afterEach(() => rig.close());

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const boardCall = (id: string) => rig.core.getSnapshot().sessions.find((s) => s.id === id) as BoardSession | undefined;
const rowCall = (id: string) => unpackRows(rig.core.getRowSnapshot().sessions).find((s) => s.id === id) as BoardSession;

describe('one true hold time', () => {
  it("a hold the agent made starts at the server's confirmation, through a stale read right after it", async () => {
    let id: string;
    ({ rig, id } = await rigWithCall(
      { answeredByName: 'Demo Agent', fromName: 'Ada Lovelace' },
      { strictness: { staleReads: 2 } },
    ));
    // Connected for 13 minutes: the server's dateLastModified is that old when the agent holds.
    await rig.step(13 * MINUTE);
    const before = rig.clock.now();
    await rig.core.hold({ sessionId: id, action: 'hold' });
    const confirmedAt = rig.clock.now();
    expect(confirmedAt).toBe(before);
    await rig.step(2 * SECOND);
    await rig.step(2 * SECOND);
    await rig.step(2 * SECOND);

    const since = Date.parse(boardCall(id)?.heldSince ?? '');
    expect(since).toBe(confirmedAt);
    expect(rowCall(id).heldSince).toBe(new Date(confirmedAt).toISOString());
    expect(rig.core.callDetails(id).session).toMatchObject({ heldSince: new Date(confirmedAt).toISOString() });
    expect(rig.core.getState().heldSince).toEqual({ [id]: new Date(confirmedAt).toISOString() });
  });

  it('a hold first seen in a poll starts no earlier than the last poll that saw the call not held', async () => {
    let id: string;
    ({ rig, id } = await rigWithCall({ fromName: 'Kwame Haddad', answeredByName: 'Priya Shah' }));
    const connectedAt = rig.clock.now();
    await rig.step(10 * MINUTE);
    const lastNotHeld = rig.clock.now();
    rig.core.pollNow();
    await rig.core.settled();
    // The colleague's hold reaches us carrying an old modification time (a lagging replica).
    rig.sim.control.updateSession(id, {
      callState: 'Hold',
      heldByUserId: 'user-priya',
      dateLastModified: new Date(connectedAt).toISOString(),
    });
    await rig.step(3 * SECOND);
    const since = Date.parse(boardCall(id)?.heldSince ?? '');
    expect(since).toBeGreaterThanOrEqual(lastNotHeld);
    expect(since).toBeLessThanOrEqual(rig.clock.now());
  });

  it('the reminder counts from the same start as the row', async () => {
    let id: string;
    ({ rig, id } = await rigWithCall({ answeredByName: 'Demo Agent', fromName: 'Ada Lovelace' }));
    await rig.step(13 * MINUTE);
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(61 * SECOND);
    const reminders = rig.notifier.shown.filter((n) => n.title.startsWith('Caller on hold'));
    expect(reminders.map((n) => n.title)).toEqual(['Caller on hold for 1 min']);
  });
});

describe('reminders that help instead of bury', () => {
  it('one reminder names every overdue hold, longest first, and no more than one comes per period', async () => {
    rig = await startRig();
    await rig.signIn();
    const ids = ['Ada', 'Ben', 'Cy'].map(
      (name) =>
        rig.sim.control.addSession({
          accountId: 'acct-north',
          callState: 'Connected',
          answeredByName: 'Demo Agent',
          fromName: name,
        }).id as string,
    );
    rig.core.pollNow();
    await rig.core.settled();
    for (const id of ids) {
      await rig.core.hold({ sessionId: id, action: 'hold' });
      await rig.step(5 * SECOND);
    }
    const reminders = () => rig.notifier.shown.filter((n) => /on hold/.test(n.title));
    // Ada's hold reaches the minute first: one reminder; Ben and Cy wait for the next period.
    await rig.step(60 * SECOND);
    expect(reminders().map((n) => n.title)).toEqual(['Caller on hold for 1 min']);
    await rig.step(40 * SECOND);
    expect(reminders()).toHaveLength(1);
    await rig.step(10 * SECOND);
    expect(reminders()[1]).toEqual({
      title: '3 callers on hold, longest 2 min',
      body: expect.stringMatching(
        /^Ada \(\+\d+\), Ben \(\+\d+\), Cy \(\+\d+\): open a call to take it off hold$/,
      ) as unknown,
      sessionId: ids[0],
      onHold: true,
    });
    expect(reminders()).toHaveLength(2);
  });
});

describe("the agent's calls and other people's", () => {
  it('marks the agent\'s calls "mine" in the rows, members included; a colleague\'s call is not', async () => {
    let id: string;
    ({ rig, id } = await rigWithCall({ members: [{ role: 'Agent', identity: 'user-demo', displayName: 'Desk 4' }] }));
    const other = rig.sim.control.addSession({
      accountId: 'acct-north',
      callState: 'Connected',
      answeredByName: 'Priya Shah',
    }).id as string;
    rig.core.pollNow();
    await rig.core.settled();
    expect(rowCall(id).mine).toBe(true);
    expect(rowCall(other).mine).toBeUndefined();
  });

  it("refuses a colleague's call under 'deny' (the page cannot bypass it) and still holds the agent's own", async () => {
    rig = await startRig({ settings: { holdOthersCalls: 'deny' } });
    await rig.signIn();
    const theirs = rig.sim.control.addSession({
      accountId: 'acct-north',
      callState: 'Connected',
      answeredByName: 'Priya Shah',
    }).id as string;
    const mine = rig.sim.control.addSession({
      accountId: 'acct-north',
      callState: 'Connected',
      answeredByName: 'Demo Agent',
    }).id as string;
    rig.core.pollNow();
    await rig.core.settled();

    await expect(rig.core.hold({ sessionId: theirs, action: 'hold' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining("Priya Shah's call") as unknown,
    });
    expect(rig.sim.control.requests({ method: 'PATCH' })).toEqual([]);
    await rig.core.hold({ sessionId: mine, action: 'hold' });
    expect(rig.sim.control.getSession(mine)?.callState).toBe('Hold');
  });
});

describe('IPC cost of one hold change', () => {
  it('stays under 1 KB a message on a board of 1,000 calls with 300 on hold', async () => {
    rig = await startRig({ settings: { holdAlertSeconds: 0 } });
    await rig.signIn();
    for (let i = 0; i < 1000; i++) {
      rig.sim.control.addSession({
        accountId: 'acct-north',
        callState: i % 10 < 3 ? 'Hold' : 'Connected',
        fromName: `Caller ${i}`,
      });
    }
    rig.core.pollNow();
    await rig.core.settled();
    const id = rig.core.getSnapshot().sessions.find((s) => s.callState === 'Connected')?.id as string;
    const sent: CoreEvent[] = [];
    const stop = rig.core.subscribe((e) => sent.push(e));
    sent.length = 0;
    await rig.core.hold({ sessionId: id, action: 'hold' });
    await rig.step(3 * SECOND);
    stop();
    // What goes over IPC: the row patches and the state (the full patch stays in main).
    const bytes = sent
      .map((e) => (e.type === 'patch' ? e.rows : e.type === 'state' ? e.state : undefined))
      .filter((payload) => payload !== undefined)
      .map((payload) => JSON.stringify(payload).length);
    const total = bytes.reduce((a, b) => a + b, 0);
    console.info(`one hold change, 1,000 sessions: ${bytes.length} messages, ${total} B (${bytes.join(' + ')})`);
    // Each message of the change (shown, confirmed, the polls after) stays small however many are held.
    expect(Math.max(...bytes)).toBeLessThanOrEqual(1000);
    expect(total).toBeLessThanOrEqual(1500);
  });
});
