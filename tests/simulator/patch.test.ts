// PATCH /sessions/{sessionId}: only the fields sent change, hold bookkeeping, errors, the log.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import type { SessionInfo, SessionMemberInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { call, start } from './support';

let sim: Simulator;
let live: SessionInfo;

beforeEach(async () => {
  await sim?.close();
  sim = await start();
  live = sim.control.addSession({ accountId: 'acct-north', consoleData: 'first note' });
  sim.control.updateSession(live.id as string, {
    callState: 'Connected',
    members: [
      { displayName: 'Olivia Turner', role: 'Caller', callState: 'Connected' },
      { displayName: 'Demo Agent', role: 'Agent', callState: 'Connected' },
      { displayName: 'Still ringing', role: 'Transfer', callState: 'Ringing' },
    ],
  });
  sim.control.advance(5_000);
});
afterAll(() => sim.close());

const patch = (id: string, body: unknown, query = '') =>
  call(sim, `/sessions/${id}${query}`, { method: 'PATCH', body: JSON.stringify(body) });

describe('PATCH /sessions/{sessionId}', () => {
  it('puts a call on hold: callState, heldByUserId, members, log, dateLastModified; nothing else', async () => {
    const before = sim.control.getSession(live.id as string) as SessionInfo;
    const res = await patch(live.id as string, { callState: 'Hold', holdReason: 'Transferring' });
    expect(res.status).toBe(200);
    const after = res.body;
    expect(after).toMatchObject({ callState: 'Hold', holdReason: 'Transferring', heldByUserId: 'user-demo' });
    expect(after.members?.map((m: SessionMemberInfo) => m.callState)).toEqual(['Hold', 'Hold', 'Ringing']);
    expect(after.dateLastModified).toBe('2026-11-23T10:00:05.000Z');
    expect(after.log?.at(-1)).toEqual({
      date: '2026-11-23T10:00:05.000Z',
      message: expect.stringContaining('Demo Agent'),
    });
    expect(after.log).toHaveLength((before.log?.length ?? 0) + 1);
    for (const key of ['consoleData', 'queueState', 'fromAddress', 'dateCreated', 'endpointId'] as const) {
      expect(after[key]).toEqual(before[key]);
    }
    expect(sim.control.getSession(live.id as string)).toEqual(after);
  });

  it('clears heldByUserId when the call is Connected again', async () => {
    await patch(live.id as string, { callState: 'Hold' });
    const res = await patch(live.id as string, { callState: 'Connected' });
    expect(res.body.heldByUserId).toBeUndefined();
    expect(res.body.members?.map((m: SessionMemberInfo) => m.callState)).toEqual(['Connected', 'Connected', 'Ringing']);
  });

  it('changes console data alone, and accepts fields in the query string', async () => {
    const note = await patch(live.id as string, { consoleData: '{"ticket":"T-1"}' });
    expect(note.body).toMatchObject({ consoleData: '{"ticket":"T-1"}', callState: 'Connected' });
    expect(note.body.heldByUserId).toBeUndefined();
    const viaQuery = await patch(live.id as string, {}, '?QueueState=Queued&consoleData=from%20query');
    expect(viaQuery.body).toMatchObject({ queueState: 'Queued', consoleData: 'from query' });
  });

  it('clears console data with an empty string', async () => {
    expect((await patch(live.id as string, { consoleData: '' })).body.consoleData).toBe('');
  });

  it('refuses an unknown enum name with 400 naming the field, changing nothing', async () => {
    const before = sim.control.getSession(live.id as string);
    const res = await patch(live.id as string, { callState: 'Parked', consoleData: 'not saved' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      responseStatus: {
        errorCode: expect.any(String),
        errors: [{ fieldName: 'CallState', message: expect.stringContaining('Parked') }],
      },
    });
    for (const [field, value] of [
      ['HoldReason', 'Coffee'],
      ['QueueState', 'Lost'],
    ]) {
      const other = await patch(live.id as string, { [field as string]: value });
      expect(other.status).toBe(400);
      expect(other.body.responseStatus.errors[0].fieldName).toBe(field);
    }
    expect(sim.control.getSession(live.id as string)).toEqual(before);
  });

  it('answers 404 for an unknown id and for an archived call', async () => {
    const res = await patch('sess-424242', { callState: 'Hold' });
    expect(res.status).toBe(404);
    expect(res.body.responseStatus.errorCode).toBe('NotFound');
    sim.control.endSession(live.id as string);
    sim.control.advance(16 * 60_000);
    expect((await patch(live.id as string, { callState: 'Hold' })).status).toBe(404);
  });

  it("refuses a call of another user's account", async () => {
    const other = await start({
      users: [{ userName: 'ana', password: 'pw', displayName: 'Ana', userId: 'user-ana', accountIds: ['acct-south'] }],
    });
    try {
      const north = other.control.addSession({ accountId: 'acct-north' });
      const res = await call(other, `/sessions/${north.id}`, {
        method: 'PATCH',
        headers: { authorization: `Basic ${Buffer.from('ana:pw').toString('base64')}` },
        body: JSON.stringify({ callState: 'Hold' }),
      });
      expect(res.status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('records what the console sent', async () => {
    sim.control.clearRequests();
    await patch(live.id as string, { callState: 'Hold', holdReason: 'None' });
    expect(sim.control.requests({ method: 'patch' })).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: `/sessions/${live.id}`,
        body: { callState: 'Hold', holdReason: 'None' },
        auth: 'basic',
        status: 200,
      }),
    ]);
  });

  it('shows a change made behind the console back with a later dateLastModified', async () => {
    const mine = await patch(live.id as string, { consoleData: 'mine' });
    const theirs = sim.control.setConsoleData(live.id as string, 'theirs');
    expect(theirs.consoleData).toBe('theirs');
    expect(Date.parse(theirs.dateLastModified as string)).toBeGreaterThan(
      Date.parse(mine.body.dateLastModified as string),
    );
  });
});
