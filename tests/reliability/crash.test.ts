// Crash, quick version: the core host process is SIGKILLed 8 times at random points while note
// edits are pending, and restarted on the same data folder; no saved edit is lost or applied out
// of order, no missed call is announced twice. Once more on a slow disk (every write in the
// background), where a notification or an acknowledged note must still wait for the disk: that
// run failed before they did (a missed call announced twice, a saved note shown as a conflict).
// The soak runs the same 50 times.
import { describe, expect, it } from 'vitest';

import { checkCrashes } from './crash-checks';
import { runCrashes } from './crash-run';

describe('crash run', () => {
  it('survives 8 SIGKILLs of the core host with edits pending', { timeout: 80_000 }, async () => {
    const report = await runCrashes({ crashes: 8, seed: 11 });
    console.info(
      `crash: ${report.crashes} kills, ${report.editsSent} edits sent, ${report.editsAcked} acknowledged, ` +
        `${report.missed.length} missed calls, ${report.notifications.length} notifications`,
    );
    checkCrashes(report);
    expect(report.crashes).toBe(8);
  });

  it('survives 8 SIGKILLs on a slow disk, where every write goes to the background', { timeout: 80_000 }, async () => {
    const report = await runCrashes({ crashes: 8, seed: 12, slowDisk: true });
    checkCrashes(report);
    expect(report.crashes).toBe(8);
  });
});
