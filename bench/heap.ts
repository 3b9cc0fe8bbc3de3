// Benchmark 6: heap growth of the core over 10,000 polls of a simulator running the call-centre
// scenario (calls arriving, answered, missed, ended), after forced GC, against the heap after
// the first 100 polls. The simulator runs in its own process so that only the core is measured.
import { fileURLToPath } from 'node:url';

import { startProcess } from '../tests/support/ready-process';
import { ACCOUNT, startCoreRig } from './core-rig';
import { START } from './core-rig';
import type { Row } from './table';

const POLLS = 10_000;
const BASELINE_AT = 100;
const SAMPLE_EVERY = 500;
const STEP_MS = 2000;
/** The simulator is moved on in 10 s strides (one control request per five steps of the core). */
const ADVANCE_EVERY = 5;
/** Activity feed of the last hour (the smallest setting) keeps 10,000 polls within the time budget. */
const ACTIVITY_WINDOW_HOURS = 1;
const WARM_UP_MS = 2 * 3_600_000;
const TARGET_BYTES = 2 * 1024 * 1024;

export interface HeapSample {
  polls: number;
  heapMB: number;
}

async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
}

export async function heapGrowth(target = POLLS): Promise<{ rows: Row[]; samples: HeapSample[] }> {
  const script = fileURLToPath(new URL('./sim-process.ts', import.meta.url));
  /** Two hours of scenario first: the activity feed is full and the board at its steady size. */
  const sim = await startProcess(
    ['--import', 'tsx', script, String(START - WARM_UP_MS), String(WARM_UP_MS)],
    'SIM_URL',
  );
  const control = async (op: string, args: unknown[] = []) => {
    const res = await fetch(`${sim.value}/__sim/control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ op, args }),
    });
    if (!res.ok) throw new Error(`Simulator control ${op} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { result: unknown }).result;
  };
  let polls = 0;
  const samples: HeapSample[] = [];
  try {
    const rig = await startCoreRig({
      simUrl: sim.value,
      startTime: (await control('now')) as number,
      settings: { activityWindowHours: ACTIVITY_WINDOW_HOURS },
      fetch: (input, init) => {
        const url = new URL(String(input));
        if (url.pathname === '/sessions' && url.searchParams.get('Page') === '0') polls++;
        return globalThis.fetch(input, init);
      },
    });
    const wall = performance.now();
    let baseline = 0;
    let next = BASELINE_AT;
    for (let steps = 0; polls < target; steps++) {
      if (steps % ADVANCE_EVERY === 0) await control('advance', [STEP_MS * ADVANCE_EVERY]);
      await rig.step(STEP_MS);
      if (polls < next) continue;
      const heap = await settledHeap();
      if (next === BASELINE_AT) baseline = heap;
      samples.push({ polls, heapMB: heap / 2 ** 20 });
      next = next === BASELINE_AT ? SAMPLE_EVERY : next + SAMPLE_EVERY;
    }
    const final = await settledHeap();
    samples.push({ polls, heapMB: final / 2 ** 20 });
    const wallS = (performance.now() - wall) / 1000;
    const board = rig.core.getSnapshot();
    await rig.close();
    const growth = final - baseline;
    const heaps = samples.map((s) => s.heapMB);
    return {
      samples,
      rows: [
        {
          id: '6 heap',
          measure: `core heap growth over ${polls} polls with churn, after GC`,
          value: growth / 2 ** 20,
          unit: 'MB',
          spread: `heap ${Math.min(...heaps).toFixed(1)}–${Math.max(...heaps).toFixed(1)} MB in ${samples.length} samples`,
          baseline: { label: `heap after ${BASELINE_AT} polls`, value: baseline / 2 ** 20, unit: 'MB' },
          ratio: final / baseline,
          target: '< 2 MB growth',
          met: growth < TARGET_BYTES,
          note: `${(STEP_MS / 1000).toFixed(0)} s simulated per step, ${((polls * STEP_MS) / 3_600_000).toFixed(1)} simulated hours, ${wallS.toFixed(0)} s wall; board at the end: ${board.sessions.length} sessions, ${board.activity.length} activity rows (account ${ACCOUNT}).`,
        },
      ],
    };
  } finally {
    await sim.stop();
  }
}
