// The portal endpoints over HTTP: activity feed, call history and the home dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppHomeResponse, ListResponse, SessionInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { call, START, start } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ scenario: true, seed: 11 });
  sim.control.advance(20 * 60_000);
});
afterAll(() => sim.close());

const newestFirst = (items: SessionInfo[]): boolean =>
  items.every((s, i) => i === 0 || (items[i - 1]?.dateCreated as string) >= (s.dateCreated as string));

describe('GET /portal/activity', () => {
  it('lists recent sessions of every reachable account, newest first, missed ones included', async () => {
    const { status, body } = await call<ListResponse<SessionInfo>>(sim, '/portal/activity?All=true');
    expect(status).toBe(200);
    const items = body.items ?? [];
    expect(newestFirst(items)).toBe(true);
    expect(new Set(items.map((s) => s.accountId))).toEqual(new Set(['acct-north', 'acct-south']));
    expect(
      items.some(
        (s) => s.wasMissed === true && s.ended === true && s.outcome === 'Missed' && s.callState === 'Disconnected',
      ),
    ).toBe(true);
    expect(items.some((s) => s.ended !== true)).toBe(true);
    expect(body.totalCount).toBe(items.length);
  });

  it('filters by AccountId, address and time window', async () => {
    const south = (await call(sim, '/portal/activity?AccountId=acct-south&All=true')).body.items as SessionInfo[];
    expect(south.length).toBeGreaterThan(0);
    expect(south.every((s) => s.accountId === 'acct-south')).toBe(true);
    const from = south[0]?.fromAddress as string;
    const byFrom = (await call(sim, `/portal/activity?FromAddressFilter=${encodeURIComponent(from)}&All=true`)).body
      .items as SessionInfo[];
    expect(byFrom.length).toBeGreaterThan(0);
    expect(byFrom.every((s) => s.fromAddress?.includes(from))).toBe(true);
    const startAt = new Date(START - 5 * 60_000).toISOString();
    const windowed = (await call(sim, `/portal/activity?StartDateTime=${startAt}&All=true`)).body
      .items as SessionInfo[];
    expect(windowed.length).toBeGreaterThan(0);
    expect(windowed.every((s) => (s.dateCreated as string) >= startAt)).toBe(true);
    const before = (await call(sim, `/portal/activity?EndDateTime=${startAt}&All=true`)).body.items as SessionInfo[];
    expect(before.every((s) => (s.dateCreated as string) <= startAt)).toBe(true);
    expect(before.length + windowed.length).toBe((await call(sim, '/portal/activity?All=true')).body.items.length);
  });

  it('pages like every list (CountPerPage, Page)', async () => {
    const page = (await call(sim, '/portal/activity?CountPerPage=5&Page=1')).body;
    expect(page.items).toHaveLength(5);
    expect(page.hasMorePages).toBe(true);
  });

  it('refuses a bad StartDateTime and a foreign AccountId', async () => {
    const bad = await call(sim, '/portal/activity?StartDateTime=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.responseStatus.errors[0].fieldName).toBe('StartDateTime');
    expect((await call(sim, '/portal/activity?AccountId=acct-west')).status).toBe(403);
  });
});

describe('GET /portal/call-history', () => {
  it('lists ended calls only, newest first, archived ones included', async () => {
    const items = (await call(sim, '/portal/call-history?All=true')).body.items as SessionInfo[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.ended === true)).toBe(true);
    expect(newestFirst(items)).toBe(true);
    const archived = (await call(sim, '/sessions?SearchArchive=true&All=true')).body.items as SessionInfo[];
    expect(archived.length).toBeGreaterThan(0);
    const historyIds = new Set(items.map((s) => s.id));
    expect(archived.every((s) => historyIds.has(s.id))).toBe(true);
  });

  it('pages with the default 25', async () => {
    const body = (await call(sim, '/portal/call-history')).body;
    expect(body.items).toHaveLength(25);
    expect(body.totalCount).toBeGreaterThan(25);
  });
});

describe('GET /portal/home', () => {
  it('answers the dashboard: conversations, recent calls, metrics, voicemail, forms', async () => {
    const { status, body } = await call<AppHomeResponse>(sim, '/portal/home');
    expect(status).toBe(200);
    expect(body.conversations?.[0]?.mostRecentMessage).toMatchObject({
      text: expect.any(String),
      direction: expect.any(String),
    });
    expect(body.calls?.length).toBe(10);
    expect(newestFirst(body.calls ?? [])).toBe(true);
    expect(body.callMetrics?.map((m) => m.metricKey)).toEqual([
      'InboundCalls',
      'OutboundCalls',
      'MissedCalls',
      'AverageTalkTime',
    ]);
    for (const m of body.callMetrics ?? [])
      expect(m).toEqual({ metricKey: expect.any(String), total: expect.any(Number), average: expect.any(Number) });
    const missed = (body.callMetrics ?? []).find((m) => m.metricKey === 'MissedCalls');
    expect(missed?.total).toBeGreaterThan(0);
    expect(body.voicemail?.length).toBeGreaterThan(0);
    for (const v of body.voicemail ?? []) {
      expect(v).toMatchObject({
        type: 'VoiceMessage',
        recordingDuration: expect.any(Number),
        transcription: expect.any(String),
      });
    }
    expect(body.forms?.[0]?.fields?.[0]).toEqual({ name: expect.any(String), values: [expect.any(String)] });
  });

  it('narrows to one account and to a FromDate', async () => {
    const south = (await call<AppHomeResponse>(sim, '/portal/home?AccountId=acct-south')).body;
    expect(south.calls?.every((s) => s.accountId === 'acct-south')).toBe(true);
    expect(south.voicemail?.every((v) => v.accountId === 'acct-south')).toBe(true);
    const future = (await call<AppHomeResponse>(sim, '/portal/home?FromDate=2030-01-01')).body;
    expect(future.calls).toEqual([]);
    expect(future.callMetrics?.find((m) => m.metricKey === 'InboundCalls')?.total).toBe(0);
  });
});
