// What a crash run must show afterwards, shared by the quick run and the soak.
import { expect } from 'vitest';

import type { CrashReport } from './crash-run';

export function checkCrashes(report: CrashReport): void {
  expect(report.editsAcked).toBeGreaterThan(0);
  for (const note of report.notes) {
    if (note.lastSent === 0) continue;
    const where = `note on ${note.sessionId}`;
    expect(['saved', undefined], `${where}: nothing left unsent (${note.state})`).toContain(note.state);
    expect(note.onServer, `${where}: the last saved edit arrived`).toBeGreaterThanOrEqual(note.lastAcked);
    expect(note.onServer, where).toBeLessThanOrEqual(note.lastSent);
    const sorted = [...note.appliedOrder].sort((a, b) => a - b);
    expect(note.appliedOrder, `${where}: edits applied in order`).toEqual(sorted);
  }
  const singles = new Map<string, number>();
  let summarised = 0;
  for (const n of report.notifications) {
    if (n.sessionId) singles.set(n.sessionId, (singles.get(n.sessionId) ?? 0) + 1);
    else summarised += Number(/^(\d+) missed calls/.exec(n.body)?.[1] ?? Number.NaN);
  }
  for (const [id, count] of singles) {
    expect(report.missed, `${id} was missed`).toContain(id);
    expect(count, `notifications for ${id}`).toBe(1);
  }
  expect(singles.size + summarised, 'no missed call announced twice').toBeLessThanOrEqual(report.missed.length);
  expect([...report.unread].sort(), 'every missed call is in the unread list once').toEqual([...report.missed].sort());
}
