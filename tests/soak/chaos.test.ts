// Chaos, soak version: 10,000 requests with one in five faulted (EVO_SOAK_REQUESTS and
// EVO_SOAK_SEED change the load and the replayable seed). Runs only under vitest.soak.config.ts.
import { describe, expect, it } from 'vitest';

import { checkChaos } from '../reliability/chaos-checks';
import { runChaos } from '../reliability/chaos-run';

const requests = Number(process.env.EVO_SOAK_REQUESTS ?? 10_000);
const seed = Number(process.env.EVO_SOAK_SEED ?? 20_261_123);

describe.runIf(process.env.EVO_SOAK)('chaos soak', () => {
  it(`survives ${requests} requests with 20% faulted`, async () => {
    const report = await runChaos({ requests, seed });
    console.info(
      `chaos soak (seed ${seed}): ${report.requests} requests, ${report.faulted} faulted ${JSON.stringify(report.faultsByKind)}, ` +
        `${report.notes.reduce((n, x) => n + x.edits, 0)} edits on ${report.notes.length} notes, ` +
        `${report.holds.reduce((n, x) => n + x.choices, 0)} holds (${report.holdFailuresTold} told failed), ` +
        `${report.missed.length} missed calls, ${report.wallMs} ms`,
    );
    checkChaos(report);
    expect(report.requests).toBeGreaterThanOrEqual(requests);
  });
});
