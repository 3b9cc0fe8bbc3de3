// The dashboard's data as the page loads it, runes compiled by the stores project: the period
// from local midnight and the customer sent to main, only the latest answer shown, the customers
// offered from the board and the answer and kept while a filter narrows it, the time of the load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { dashboard } from '../../src/renderer/src/state/dashboard.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import type { AppHomeResponse } from '../../src/shared/evovoice';
import { packRows } from '../../src/shared/live';
import { installPage } from './fake-page';

const page = installPage();
const now = new Date(2026, 11, 5, 15, 30);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  page.main.reset();
  live.replace({
    version: 1,
    sessions: packRows([{ id: 's1', customerName: 'Board Co' }]),
    activity: packRows([]),
    total: { sessions: 1, activity: 0 },
  });
  dashboard.period = 'today';
  dashboard.customerId = undefined;
  dashboard.data = undefined;
  dashboard.error = undefined;
});
afterEach(() => vi.useRealTimers());

const answer = (calls: AppHomeResponse['calls']): AppHomeResponse => ({ calls }) as AppHomeResponse;

describe('loading', () => {
  it('asks for the period from local midnight, for the account or one customer', async () => {
    page.main.ok('dashboard:load', answer([]));
    await dashboard.load();
    dashboard.choose({ period: 'week', customerId: 'c9' });
    await vi.waitFor(() => expect(page.main.of('dashboard:load')).toHaveLength(2));
    dashboard.choose({ customerId: '' });
    await vi.waitFor(() => expect(page.main.of('dashboard:load')).toHaveLength(3));
    dashboard.choose({});
    await vi.waitFor(() => expect(page.main.of('dashboard:load')).toHaveLength(4));
    expect(page.main.of('dashboard:load')).toEqual([
      { fromDate: new Date(2026, 11, 5).toISOString() },
      { fromDate: new Date(2026, 10, 29).toISOString(), customerId: 'c9' },
      { fromDate: new Date(2026, 10, 29).toISOString() },
      { fromDate: new Date(2026, 10, 29).toISOString() },
    ]);
    expect(dashboard.period).toBe('week');
    expect(dashboard.customerId).toBeUndefined();
  });

  it('shows the answer with its period and when it came, and is loading until then', async () => {
    const release = page.main.hold('dashboard:load', { ok: true, value: answer([{ id: 'c1' }]) });
    const loading = dashboard.load();
    expect(dashboard.loading).toBe(true);
    await release();
    await loading;
    expect(dashboard.loading).toBe(false);
    expect(dashboard.data?.calls).toEqual([{ id: 'c1' }]);
    expect(dashboard.since).toBe(new Date(2026, 11, 5).toISOString());
    expect(dashboard.loadedAt).toBe(now.getTime());
  });

  it('shows only the latest request’s answer', async () => {
    const release = page.main.hold('dashboard:load', { ok: true, value: answer([{ id: 'old' }]) });
    const old = dashboard.load();
    page.main.ok('dashboard:load', answer([{ id: 'new' }]));
    await dashboard.load();
    await release();
    await old;
    expect(dashboard.data?.calls).toEqual([{ id: 'new' }]);
  });

  it('says why it did not load, and clears that on the next try', async () => {
    page.main.refuse('dashboard:load', { code: 'network', message: 'No link.' });
    await dashboard.load();
    expect(dashboard.error).toBe('No link.');
    expect(dashboard.loading).toBe(false);
    const release = page.main.hold('dashboard:load', { ok: true, value: answer([]) });
    const next = dashboard.load();
    expect(dashboard.error).toBeUndefined();
    await release();
    await next;
  });
});

describe('customers', () => {
  it('offers the customers of the board and of the answer, and keeps them when one is chosen', async () => {
    live.replace({
      version: 2,
      sessions: packRows([{ id: 's1', customerName: 'Board Co' }]),
      activity: packRows([]),
      total: { sessions: 1, activity: 0 },
    });
    page.main.ok(
      'dashboard:load',
      answer([
        { id: 'c1', customerId: 'k1', customerName: 'Acme' },
        { id: 'c2', customerId: 'k2', customerName: 'Beta' },
      ]),
    );
    await dashboard.load();
    expect(dashboard.customers).toEqual([
      { id: 'k1', name: 'Acme' },
      { id: 'k2', name: 'Beta' },
    ]);
    page.main.ok('dashboard:load', answer([{ id: 'c1', customerId: 'k1', customerName: 'Acme' }]));
    dashboard.choose({ customerId: 'k1' });
    await vi.waitFor(() => expect(dashboard.data?.calls).toHaveLength(1));
    expect(dashboard.customers.map((c) => c.id)).toEqual(['k1', 'k2']);
  });
});

describe('choosing', () => {
  it('keeps the customer when only the period changes', async () => {
    page.main.ok('dashboard:load', answer([]));
    dashboard.choose({ customerId: 'k1' });
    dashboard.choose({ period: 'month' });
    await vi.waitFor(() => expect(page.main.of('dashboard:load')).toHaveLength(2));
    expect(dashboard.customerId).toBe('k1');
    expect(page.main.of('dashboard:load')[1]).toEqual({
      fromDate: new Date(2026, 10, 6).toISOString(),
      customerId: 'k1',
    });
  });

  it('starts on today for the whole account, with nothing loaded', async () => {
    vi.resetModules();
    const { dashboard: fresh } = await import('../../src/renderer/src/state/dashboard.svelte');
    expect([fresh.period, fresh.customerId, fresh.loading, fresh.data, fresh.error]).toEqual([
      'today',
      undefined,
      false,
      undefined,
      undefined,
    ]);
    expect(fresh.customers).toEqual([]);
  });
});
