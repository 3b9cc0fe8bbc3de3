// Chaos, quick version: about 1,000 requests with one in five faulted (every fault kind the
// simulator has); every note arrives as last written and in order, every missed call is announced
// exactly once, holds match the agent's last choice or the agent was told, and the core is back
// online within one backoff cap. The soak runs the same with 10,000 requests.
import { describe, expect, it } from 'vitest';

import { checkChaos } from './chaos-checks';
import { runChaos } from './chaos-run';

describe('chaos run', () => {
  it('survives ~1,000 requests with 20% faulted', { timeout: 80_000 }, async () => {
    const report = await runChaos({ requests: 1000, seed: 7 });
    checkChaos(report);
    console.info(
      `chaos: ${report.requests} requests, ${report.faulted} faulted ${JSON.stringify(report.faultsByKind)}, ` +
        `${report.notes.reduce((n, x) => n + x.edits, 0)} edits on ${report.notes.length} notes, ` +
        `${report.holds.reduce((n, x) => n + x.choices, 0)} holds (${report.holdFailuresTold} told failed), ` +
        `${report.missed.length} missed calls, ${report.wallMs} ms`,
    );
    expect(report.requests).toBeGreaterThanOrEqual(1000);
  });
});
