// The benchmarks `npm run bench` runs, in order, each in a child process of its own.
import { browserProblem } from './browser';
import { heapGrowth, type HeapSample } from './heap';
import { ipcBytes } from './ipc-bytes';
import { missedLatency } from './missed-latency';
import { pollCost, type PollCostPoint } from './poll-cost';
import { type FirstPaintPoint, rendererBench } from './renderer';
import { requestRate } from './request-rate';
import type { Row } from './table';
import { webStart } from './web-start';

export interface BenchmarkResult {
  rows: Row[];
  pollCost?: PollCostPoint[];
  firstPaint?: FirstPaintPoint[];
  heap?: HeapSample[];
}

export const benchmarks = {
  'poll-cost': async (): Promise<BenchmarkResult> => {
    const { rows, points } = await pollCost();
    return { rows, pollCost: points };
  },
  'ipc-bytes': async (): Promise<BenchmarkResult> => ({ rows: await ipcBytes() }),
  'missed-latency': async (): Promise<BenchmarkResult> => ({ rows: await missedLatency() }),
  'request-rate': async (): Promise<BenchmarkResult> => ({ rows: await requestRate() }),
  heap: async (): Promise<BenchmarkResult> => {
    const { rows, samples } = await heapGrowth();
    return { rows, heap: samples };
  },
  renderer: async (): Promise<BenchmarkResult> => {
    if (browserProblem()) return { rows: notRun('5', browserProblem()) };
    const { rows, points } = await rendererBench();
    return { rows, firstPaint: points };
  },
  'web-start': async (): Promise<BenchmarkResult> => ({
    rows: browserProblem() ? notRun('7', browserProblem()) : await webStart(),
  }),
} satisfies Record<string, () => Promise<BenchmarkResult>>;

/** A row that says why a benchmark could not run here. */
function notRun(id: string, why: string | undefined): Row[] {
  return [{ id, measure: 'browser benchmark', unit: '', met: false, note: `not run: ${why}` }];
}

export type BenchmarkName = keyof typeof benchmarks;
