// What a chaos run must show afterwards, shared by the quick run and the soak.
import { expect } from 'vitest';

import { BACKOFF_CAP_MS } from '../../src/main/core/backoff';
import { UNREAD_CAP } from '../../src/main/core/missed-calls';
import { FAULT_KINDS } from '../../src/simulator/faults';
import type { ChaosReport } from './chaos-run';

export function checkChaos(report: ChaosReport): void {
  const share = report.faulted / report.requests;
  expect(share, 'share of requests faulted').toBeGreaterThan(0.15);
  expect(share, 'share of requests faulted').toBeLessThan(0.25);
  expect(Object.keys(report.faultsByKind).sort(), 'every fault kind struck').toEqual([...FAULT_KINDS].sort());

  expect(report.notes.length).toBeGreaterThan(0);
  for (const note of report.notes) {
    expect(note.onServer, `note on ${note.sessionId}`).toBe(note.lastWritten);
    expect(note.status?.state, `note status on ${note.sessionId}`).toBe('saved');
    const sorted = [...note.appliedOrder].sort((a, b) => a - b);
    expect(note.appliedOrder, `edits applied in order on ${note.sessionId}`).toEqual(sorted);
    expect(note.appliedOrder.at(-1)).toBe(note.edits);
    for (let edit = 1; edit <= note.edits; edit++) {
      const reached = note.appliedOrder.some((applied) => applied >= edit);
      expect(reached, `edit #${edit} on ${note.sessionId} is on the server or replaced by a later one that is`).toBe(
        true,
      );
    }
  }
  for (const shown of report.savedShown) {
    expect(shown.onServer, `"saved" shown for ${shown.sessionId}: the server had the text last typed`).toBe(
      shown.typed,
    );
  }

  expect(report.board.length).toBeGreaterThan(0);
  for (const call of report.board) {
    expect(call.console, `call ${call.sessionId} on the board as on the server`).toEqual(call.server);
  }

  expect(report.holds.length).toBeGreaterThan(0);
  for (const hold of report.holds) {
    if (!hold.toldFailed) expect(hold.onServer, `hold state of ${hold.sessionId}`).toBe(hold.lastChoice);
  }
  expect(report.holdFailuresTold, 'some holds failed, so the board check covers a rollback').toBeGreaterThan(0);

  expect(report.missed.length).toBeGreaterThan(0);
  for (const [id, count] of report.notifiedSingles) {
    expect(report.missed, `notified ${id} was missed`).toContain(id);
    expect(count, `notifications for ${id}`).toBe(1);
  }
  expect(report.notifiedSingles.size + report.summarised, 'each missed call announced once').toBe(report.missed.length);
  expect(new Set(report.unread).size, 'unread list without repeats').toBe(report.unread.length);
  for (const id of report.unread) expect(report.missed, `unread ${id} was missed`).toContain(id);
  expect(report.unread.length, 'unread list (kept to the newest UNREAD_CAP)').toBe(
    Math.min(report.missed.length, UNREAD_CAP),
  );

  expect(report.onlineAfterMs, 'online within one backoff cap after faults stop').toBeLessThanOrEqual(BACKOFF_CAP_MS);
}
