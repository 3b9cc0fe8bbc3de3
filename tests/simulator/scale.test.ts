// 10,000 sessions: loading them and serving them both stay well under a second on a quiet machine
// (asserted generously, < 3 s, because test machines are shared).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ListResponse, SessionInfo } from '../../src/shared/evovoice';
import { parseSessionList } from '../../src/shared/wire';
import type { Simulator } from '../../src/simulator/index';
import { basic, call, start } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

describe('10,000 sessions', () => {
  it('load, then answer a page and the whole list quickly (timed warm, after a first round)', async () => {
    /** Until the last byte arrives; the client's own JSON.parse is not the simulator's time. */
    const timed = async (path: string) => {
      const t = performance.now();
      const res = await fetch(sim.url + path, { headers: { authorization: basic() } });
      const text = await res.text();
      return { ms: performance.now() - t, body: JSON.parse(text) as ListResponse<SessionInfo> };
    };
    const round = async () => {
      const t0 = performance.now();
      sim.control.loadSessions(10_000);
      const loadMs = performance.now() - t0;
      const page = await timed('/sessions?CountPerPage=100');
      const all = await timed('/sessions?All=true');
      return { page: page.body, all: all.body, loadMs, pageMs: page.ms, allMs: all.ms };
    };
    const cold = await round();
    const warm = await round();
    const ms = (r: typeof cold) =>
      `load ${r.loadMs.toFixed(0)}, page of 100 ${r.pageMs.toFixed(0)}, All=true ${r.allMs.toFixed(0)}`;
    console.info(`10k sessions (ms): cold ${ms(cold)}; warm ${ms(warm)}`);
    expect(warm.page.totalCount).toBe(10_000);
    expect(warm.all.items).toHaveLength(10_000);
    expect(parseSessionList(warm.all).dropped).toEqual([]);
    expect(warm.loadMs).toBeLessThan(3000);
    expect(warm.pageMs).toBeLessThan(3000);
    expect(warm.allMs).toBeLessThan(3000);
  });

  it('loads for one account when asked, replacing what was live', async () => {
    sim.control.loadSessions(50, { accountId: 'acct-south' });
    const body = (await call(sim, '/sessions?All=true')).body;
    expect(body.totalCount).toBe(50);
    expect(body.items.every((s: { accountId: string }) => s.accountId === 'acct-south')).toBe(true);
  });
});
