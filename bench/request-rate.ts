// Benchmark 4: requests an hour one agent sends to the server (idle and hidden, idle and visible,
// on a live call), an hour stepped on the simulated clock; and, on the live call, how long a state
// change takes to reach the UI as a patch. Baseline: a fixed 2 s poll of both endpoints.
import type { CoreEvent } from '../src/main/core/index';
import { DEFAULT_SETTINGS } from '../src/shared/ipc';
import { startSimulator } from '../src/simulator/index';
import type { Simulator } from '../src/simulator/types';
import { ACCOUNT, type CoreRig, START, startCoreRig } from './core-rig';
import { quantile } from './stats';
import type { Row } from './table';

const HOUR = 3_600_000;
/** A fixed 2-second poll of GET /sessions and GET /portal/activity. */
const NAIVE_PER_HOUR = (HOUR / 2000) * 2;
const IDLE_HIDDEN_TARGET = 70;

interface Hour {
  requests: number;
  wallMs: number;
  /** Live call only: simulated ms from a state change at the server to its patch. */
  delays: number[];
}

async function oneHour(kind: 'hidden' | 'visible' | 'live'): Promise<Hour> {
  const sim: Simulator = await startSimulator({ clock: 'manual', scenario: false, seed: 14, startTime: START });
  const delays: number[] = [];
  let waiting: { id: string; callState: string; since: number } | undefined;
  let rig: CoreRig | undefined;
  const onEvent = (event: CoreEvent) => {
    if (event.type !== 'patch' || !waiting || !rig) return;
    const change = event.patch.sessions?.changed.find((c) => c.id === waiting?.id);
    if (change?.set.callState !== waiting.callState) return;
    delays.push(rig.clock.now() - waiting.since);
    waiting = undefined;
  };
  try {
    rig = await startCoreRig({ simUrl: sim.url, startTime: sim.control.now(), onEvent });
    const step = (ms: number) => (rig as CoreRig).step(ms, (delta) => sim.control.advance(delta));
    if (kind !== 'hidden') rig.core.setWindowVisible(true);
    const call =
      kind === 'live'
        ? sim.control.addSession({ accountId: ACCOUNT, callState: 'Connected', ended: false })
        : undefined;
    await step(60_000);
    sim.control.clearRequests();
    const wall = performance.now();
    if (!call) await step(HOUR);
    for (let t = 0, i = 0; call && t < HOUR; i++) {
      /** A state change every 20–60 s, at a moment unrelated to the poll timer. */
      const gap = 20_000 + ((i * 7919) % 40_000) + (i % 7) * 131;
      await step(Math.min(gap, HOUR - t));
      t += gap;
      if (t >= HOUR) break;
      const callState = i % 2 === 0 ? 'Hold' : 'Connected';
      sim.control.updateSession(call.id as string, { callState });
      waiting = { id: call.id as string, callState, since: sim.control.now() };
    }
    const wallMs = performance.now() - wall;
    const requests = sim.control.requests().length;
    await rig.close();
    return { requests, wallMs, delays };
  } finally {
    await sim.close();
  }
}

export async function requestRate(): Promise<Row[]> {
  const naive = { label: 'fixed 2 s poll, both endpoints', value: NAIVE_PER_HOUR, unit: 'req/h' };
  const hidden = await oneHour('hidden');
  const visible = await oneHour('visible');
  const live = await oneHour('live');
  const p95 = quantile(live.delays, 0.95);
  const fast = DEFAULT_SETTINGS.pollLiveMs;
  const wall = (h: Hour) => `one simulated hour in ${(h.wallMs / 1000).toFixed(1)} s wall`;
  return [
    {
      id: '4 idle hidden',
      measure: 'requests per hour, idle, window hidden',
      value: hidden.requests,
      unit: 'req/h',
      spread: wall(hidden),
      baseline: naive,
      ratio: hidden.requests / NAIVE_PER_HOUR,
      target: `≤ ${IDLE_HIDDEN_TARGET} req/h`,
      met: hidden.requests <= IDLE_HIDDEN_TARGET,
    },
    {
      id: '4 idle visible',
      measure: 'requests per hour, idle, window visible',
      value: visible.requests,
      unit: 'req/h',
      spread: wall(visible),
      baseline: naive,
      ratio: visible.requests / NAIVE_PER_HOUR,
      target: 'reported',
    },
    {
      id: '4 live call',
      measure: 'requests per hour, live call, window hidden',
      value: live.requests,
      unit: 'req/h',
      spread: wall(live),
      baseline: naive,
      ratio: live.requests / NAIVE_PER_HOUR,
      target: 'reported',
    },
    {
      id: '4 live change',
      measure: `live call: state change → patch to the UI, p95 of ${live.delays.length}`,
      value: p95,
      unit: 'ms',
      spread: `median ${quantile(live.delays, 0.5).toFixed(0)} ms, max ${Math.max(...live.delays).toFixed(0)} ms`,
      baseline: { label: 'fast interval', value: fast, unit: 'ms' },
      ratio: p95 / fast,
      target: `p95 ≤ ${fast} ms`,
      met: live.delays.length > 0 && p95 <= fast,
    },
  ];
}
