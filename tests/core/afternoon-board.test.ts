// The board of a busy afternoon (issue 25): more calls than 100 pages hold on a server that caps
// its pages, as a 600-seat centre's 2,000 live + 20,000 ended calls are 220 pages of 100. Found by
// the fleet benchmark at the size: every console stood degraded with an empty board.
import { afterEach, expect, it } from 'vitest';

import { startSimulator } from '../../src/simulator/index';
import { STRICT } from '../../src/simulator/strictness';
import type { Simulator } from '../../src/simulator/types';
import { type Rig, START, startRig } from './rig';

let rig: Rig | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  await rig?.close();
  await sim?.close();
  rig = undefined;
  sim = undefined;
});

it('120 pages at a page cap of 10 (the shape of 22,000 calls at 100): the whole set on the board, not an error', async () => {
  sim = await startSimulator({
    clock: 'manual',
    scenario: false,
    seed: 1,
    startTime: START,
    strictness: STRICT,
    archiveAfterMinutes: 24 * 60,
  });
  sim.control.setStrictness({ maxPageSize: 10 });
  sim.control.loadSessions(200, { accountId: 'acct-north', endedToday: 1_000 });
  rig = await startRig({ sim, requestTimeoutMs: 5_000 });
  await rig.signIn();
  rig.core.pollNow();
  await rig.core.settled();
  expect(rig.core.getState().connection.status).toBe('online');
  expect(new Set(rig.core.getSnapshot().sessions.map((s) => s.id)).size).toBe(1_200);
  const pages = sim.control.requests({ pathPrefix: '/sessions' }).filter((q) => q.query.SortField === undefined);
  expect(pages.map((q) => Number(q.query.Page)).sort((a, b) => b - a)[0]).toBe(119);
}, 30_000);
