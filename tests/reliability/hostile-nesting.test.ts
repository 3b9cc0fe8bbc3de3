// A server that nests an unknown field 100,000 levels deep: the update still reaches the agent,
// the state still crosses the IPC boundary (JSON.stringify, structured clone), one log line says why.
import { afterEach, expect, it } from 'vitest';

import { MemorySettings } from '../core/ports';
import { liveCall } from '../core/rig';
import { type Harness, startHarness } from './harness';
import { type HostileServer, json, startHostileServer } from './hostile-server';

let harness: Harness;
let hostile: HostileServer;
afterEach(async () => {
  await harness.close();
  await hostile.close();
});

it('an unknown field nested 100,000 levels deep is dropped with one log line; the update survives', async () => {
  harness = await startHarness({ settings: new MemorySettings(), requestTimeoutMs: 20_000 });
  hostile = await startHostileServer(harness.sim.url);
  await harness.signIn({ serverUrl: hostile.url });
  liveCall(harness.sim);
  await harness.step(65_000);
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  hostile.arm(
    json(
      `{"items":[{"id":"deep-1","accountId":"acct-north","callState":"Connected","fromName":"Nested caller","custom":${deep}}]}`,
    ),
  );
  harness.core.pollNow();
  await harness.core.settled();
  const snapshot = harness.core.getSnapshot();
  expect(snapshot.sessions.find((s) => s.id === 'deep-1')?.fromName).toBe('Nested caller');
  expect(() => JSON.stringify(snapshot)).not.toThrow();
  expect(() => structuredClone(snapshot)).not.toThrow();
  expect(harness.log.lines.filter((l) => l.includes('items[0].custom'))).toHaveLength(1);
});
