// The notes the simulator was sent, read from its request log: the consoleData of each PATCH, in
// order, optionally for one call and only those the server accepted. Shared by the outbox tests,
// the chaos and crash runs and the e2e console-data spec.
import type { RequestRecord } from '../../src/simulator/types';

export interface SentNotesFilter {
  /** Only this call's PATCHes. */
  sessionId?: string;
  /** Only PATCHes the server answered 200 (applied). */
  accepted?: boolean;
}

/** Works on any list of request records (`sim.control.requests()` or a log kept by the test). */
export function sentNotes(
  log: readonly Pick<RequestRecord, 'method' | 'path' | 'body' | 'status'>[],
  filter: SentNotesFilter = {},
): string[] {
  return log
    .filter(
      (r) =>
        r.method === 'PATCH' &&
        (!filter.accepted || r.status === 200) &&
        (filter.sessionId === undefined || r.path.endsWith(`/${filter.sessionId}`)),
    )
    .map((r) => (r.body as { consoleData?: unknown } | undefined)?.consoleData)
    .filter((text): text is string => typeof text === 'string');
}
