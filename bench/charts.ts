// The plots `npm run bench` writes: poll cost against its JSON.parse floor, and heap over polls.
import type { PollCostPoint } from './poll-cost';
import type { HeapSample } from './heap';
import { lineChart } from './plot';

export function pollCostChart(points: readonly PollCostPoint[]): string {
  const ratio = (changed: boolean) =>
    points.filter((p) => p.changed === changed).map((p) => ({ x: p.size, y: p.ratio }));
  return lineChart({
    title: 'One poll of GET /sessions: core cost ÷ JSON.parse of the same bodies',
    xLabel: 'sessions on the account',
    yLabel: 'times the JSON.parse floor (median)',
    logX: true,
    series: [
      { label: 'parse + validate + diff, nothing changed', color: '#1f77b4', points: ratio(false) },
      { label: 'parse + validate + diff, 1% of calls changed', color: '#ff7f0e', points: ratio(true) },
    ],
    rule: { y: 2, label: 'target at 10,000: 2×' },
  });
}

export function heapChart(samples: readonly HeapSample[]): string {
  const base = samples[0]?.heapMB ?? 0;
  return lineChart({
    title: 'Core heap after forced GC, over polls with churn',
    xLabel: 'polls',
    yLabel: 'heap used (MB)',
    series: [
      { label: 'heapUsed after gc()', color: '#1f77b4', points: samples.map((s) => ({ x: s.polls, y: s.heapMB })) },
    ],
    rule: { y: base + 2, label: 'baseline + 2 MB (target)' },
  });
}
