// The plots `npm run bench` writes: poll cost against its JSON.parse floor, heap over polls, and
// first paint of the live view against the number of sessions.
import type { HeapSample } from './heap';
import { lineChart } from './plot';
import type { PollCostPoint } from './poll-cost';
import type { FirstPaintPoint } from './renderer';

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
    rule: { y: 1.5, label: 'target at 10,000, 1% changed: 1.5× (unchanged: 0.3×)' },
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

export function firstPaintChart(points: readonly FirstPaintPoint[]): string {
  return lineChart({
    title: 'Live view: page load → first rows painted',
    xLabel: 'sessions on the account',
    yLabel: 'first paint (ms, median of 5 loads)',
    logX: true,
    series: [
      {
        label: 'console (web shell, Chromium)',
        color: '#1f77b4',
        points: points.map((p) => ({ x: p.sessions, y: p.ms })),
      },
    ],
    rule: { y: 200, label: 'target at 10,000: 200 ms' },
  });
}
