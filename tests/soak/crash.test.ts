// Crash, soak version: 50 SIGKILLs of the core host (EVO_SOAK_CRASHES and EVO_SOAK_SEED change
// the load and the replayable seed; EVO_SOAK_SLOW_DISK=1 sends every settings write to the background). Runs only under vitest.soak.config.ts.
import { describe, expect, it } from 'vitest';

import { checkCrashes } from '../reliability/crash-checks';
import { runCrashes } from '../reliability/crash-run';

const crashes = Number(process.env.EVO_SOAK_CRASHES ?? 50);
const seed = Number(process.env.EVO_SOAK_SEED ?? 20_261_123);
const slowDisk = process.env.EVO_SOAK_SLOW_DISK === '1';

describe.runIf(process.env.EVO_SOAK)('crash soak', () => {
  it(`survives ${crashes} SIGKILLs of the core host`, async () => {
    const report = await runCrashes({ crashes, seed, slowDisk });
    console.info(
      `crash soak (seed ${seed}): ${report.crashes} kills, ${report.editsSent} edits sent, ${report.editsAcked} acknowledged, ` +
        `${report.missed.length} missed calls, ${report.notifications.length} notifications`,
    );
    checkCrashes(report);
    expect(report.crashes).toBe(crashes);
  });
});
