// GET /sessions: every filter on its reference page, the paging fields, query keys in any case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { call, start } from './support';

const ids = (body: { items: SessionInfo[] }): string[] => body.items.map((s) => s.id as string);

describe('GET /sessions filters', () => {
  let sim: Simulator;
  let a: SessionInfo, b: SessionInfo, c: SessionInfo, d: SessionInfo;

  beforeAll(async () => {
    sim = await start();
    a = sim.control.addSession({
      accountId: 'acct-north',
      endpointId: 'ep-north-sales',
      customerId: 'cust-harbor-clinic',
      fromAddress: '+12125550101',
      fromName: 'Olivia Turner',
      toAddress: '+12125550100',
      dateCreated: '2026-11-21T09:00:00.000Z',
      log: [{ date: '2026-11-21T09:00:00.000Z', message: 'Caller asked about a refund' }],
    });
    b = sim.control.addSession({
      accountId: 'acct-south',
      endpointId: 'ep-south-billing',
      customerId: 'cust-rapid-freight',
      fromAddress: '+13125550188',
      fromName: 'James Nguyen',
      toAddress: '+13125550155',
      dateCreated: '2026-11-22T12:00:00.000Z',
      log: [{ date: '2026-11-22T12:00:00.000Z', message: 'Queued on Billing' }],
    });
    c = sim.control.addSession(
      {
        accountId: 'acct-north',
        endpointId: 'ep-north-support',
        customerId: 'cust-elm-dental',
        fromAddress: '+12125550100',
        fromName: 'Sales line',
        toAddress: '+14155550123',
        dateCreated: '2026-11-23T09:30:00.000Z',
        log: [{ date: '2026-11-23T09:30:00.000Z', message: 'Transfer from the sales line' }],
      },
      { parentSessionId: 'placeholder' },
    );
    d = sim.control.addSession({ accountId: 'acct-south', dateCreated: '2026-11-23T09:00:00.000Z' });
    sim.control.endSession(d.id as string);
    sim.control.updateSession(d.id as string, { dateCompleted: '2026-11-23T09:40:00.000Z' });
  });
  afterAll(() => sim.close());

  const list = async (query: string) => {
    const res = await call(sim, `/sessions${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: SessionInfo[]; totalCount?: number; totalPages?: number; hasMorePages?: boolean };
  };

  it('lists live sessions of every account the user reaches, newest first, with totals', async () => {
    const body = await list('');
    expect(ids(body)).toEqual([c.id, b.id, a.id]);
    expect(body).toMatchObject({ totalCount: 3, totalPages: 1, hasMorePages: false });
  });

  it('moves a session ended over 15 minutes ago to the archive (SearchArchive=true)', async () => {
    expect(ids(await list('?SearchArchive=true'))).toEqual([d.id]);
    expect(ids(await list('?SearchArchive=false'))).not.toContain(d.id);
  });

  it('filters by AccountIds (comma-separated) and refuses an account the user cannot reach', async () => {
    expect(ids(await list('?AccountIds=acct-south'))).toEqual([b.id]);
    expect(ids(await list('?AccountIds=acct-north,acct-south'))).toEqual([c.id, b.id, a.id]);
    const res = await call(sim, '/sessions?AccountIds=acct-west');
    expect(res.status).toBe(403);
    expect(res.body.responseStatus.errorCode).toBe('Forbidden');
  });

  it('filters by StartDate and EndDate (YYYY-MM-DD, inclusive, on dateCreated)', async () => {
    expect(ids(await list('?StartDate=2026-11-22'))).toEqual([c.id, b.id]);
    expect(ids(await list('?EndDate=2026-11-22'))).toEqual([b.id, a.id]);
    expect(ids(await list('?StartDate=2026-11-22&EndDate=2026-11-22'))).toEqual([b.id]);
  });

  it('filters by CustomerIds and EndpointIds', async () => {
    expect(ids(await list('?CustomerIds=cust-harbor-clinic,cust-rapid-freight'))).toEqual([b.id, a.id]);
    expect(ids(await list('?EndpointIds=ep-north-support'))).toEqual([c.id]);
  });

  it('searches From in fromAddress and fromName, To in toAddress, case-insensitively', async () => {
    expect(ids(await list('?From=OLIVIA'))).toEqual([a.id]);
    expect(ids(await list('?From=%2B131255501'))).toEqual([b.id]);
    expect(ids(await list('?To=5550155'))).toEqual([b.id]);
  });

  it('searches the log text and filters by ParentSessionId', async () => {
    expect(ids(await list('?Log=REFUND'))).toEqual([a.id]);
    expect(ids(await list('?ParentSessionId=placeholder'))).toEqual([c.id]);
    expect(ids(await list('?ParentSessionId=sess-999999'))).toEqual([]);
  });

  it('reads query keys in any case, like ServiceStack', async () => {
    expect(ids(await list('?accountids=acct-south'))).toEqual([b.id]);
    expect(ids(await list('?ACCOUNTIDS=acct-south&from=james'))).toEqual([b.id]);
  });
});

describe('GET /sessions paging', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
    sim.control.loadSessions(60);
  });
  afterAll(() => sim.close());

  it('pages 25 at a time from Page 0 by default, with totals', async () => {
    const first = (await call(sim, '/sessions')).body;
    expect(first.items).toHaveLength(25);
    expect(first).toMatchObject({ totalCount: 60, totalPages: 3, hasMorePages: true });
    const last = (await call(sim, '/sessions?Page=2')).body;
    expect(last.items).toHaveLength(10);
    expect(last.hasMorePages).toBe(false);
    expect((await call(sim, '/sessions?Page=3')).body.items).toEqual([]);
  });

  it('covers every session exactly once across pages of CountPerPage', async () => {
    const seen: string[] = [];
    for (let page = 0; page < 6; page++)
      seen.push(...ids((await call(sim, `/sessions?Page=${page}&CountPerPage=11`)).body));
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('returns everything with All=true', async () => {
    const body = (await call(sim, '/sessions?All=true')).body;
    expect(body.items).toHaveLength(60);
    expect(body).toMatchObject({ totalCount: 60, totalPages: 1, hasMorePages: false });
  });

  it('drops the totals with SimplifiedPaging and ends with an empty page', async () => {
    const body = (await call(sim, '/sessions?SimplifiedPaging=true&CountPerPage=50')).body;
    expect(Object.keys(body).sort()).toEqual(['hasMorePages', 'items']);
    expect(body.items).toHaveLength(50);
    expect((await call(sim, '/sessions?SimplifiedPaging=true&CountPerPage=50&Page=1')).body.items).toHaveLength(10);
    expect((await call(sim, '/sessions?SimplifiedPaging=true&CountPerPage=50&Page=2')).body.items).toEqual([]);
  });

  it('returns only SpecificIds', async () => {
    const [x, y] = sim.control.listSessions();
    const body = (await call(sim, `/sessions?SpecificIds=${x?.id},${y?.id}`)).body;
    expect(ids(body).sort()).toEqual([x?.id, y?.id].sort());
  });

  it('sorts by any SessionInfo field in camel or Pascal case, both orders', async () => {
    const asc = ids((await call(sim, '/sessions?All=true&SortField=fromAddress&SortOrder=Ascend')).body);
    const pascal = ids((await call(sim, '/sessions?All=true&SortField=FromAddress&SortOrder=Ascend')).body);
    const desc = ids((await call(sim, '/sessions?All=true&SortField=fromAddress&SortOrder=Descend')).body);
    expect(pascal).toEqual(asc);
    expect(desc).toEqual([...asc].reverse());
    const from = new Map(sim.control.listSessions().map((s) => [s.id, s.fromAddress as string]));
    const values = asc.map((id) => from.get(id) as string);
    expect(values).toEqual([...values].sort());
  });

  it('refuses an unknown SortField or SortOrder with 400 naming the field', async () => {
    const field = await call(sim, '/sessions?SortField=shoeSize');
    expect(field.status).toBe(400);
    expect(field.body.responseStatus.errors).toEqual([expect.objectContaining({ fieldName: 'SortField' })]);
    const order = await call(sim, '/sessions?SortOrder=Sideways');
    expect(order.status).toBe(400);
    expect(order.body.responseStatus.errors[0].fieldName).toBe('SortOrder');
  });
});
