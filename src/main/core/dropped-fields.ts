// Fields the wire parser had to drop (wrong type, or an unknown field nested too deep): logged
// once each and counted for the status bar, so a support person sees that the server sends
// something the console does not expect. A field is counted once however many polls and
// endpoints carry it (the sessions and the activity feed bring the same calls).
import type { IgnoredFields } from '../../shared/live';
import type { Logger } from './ports';

/** Distinct fields kept for the details; the count goes on past it. */
const KEPT = 50;

export class DroppedFields {
  private readonly seen = new Set<string>();
  private readonly fields: string[] = [];

  constructor(
    private readonly log: Logger,
    private readonly onNew: () => void,
  ) {}

  /** One parsed response's dropped paths; `items[3].callState` and `items[7].callState` are one field. */
  record(endpoint: string, dropped: readonly string[]): void {
    const fresh = [...new Set(dropped.map((path) => path.replace(/\[\d+\]/g, '[]')))].filter(
      (field) => !this.seen.has(field),
    );
    if (!fresh.length) return;
    for (const field of fresh) {
      this.seen.add(field);
      if (this.fields.length < KEPT) this.fields.push(`${field} (${endpoint})`);
    }
    this.log.warn('Evo Voice sent fields of the wrong type or nested too deep; dropped', {
      path: endpoint,
      fields: dropped.slice(0, 20),
    });
    this.onNew();
  }

  get summary(): IgnoredFields | undefined {
    return this.seen.size ? { count: this.seen.size, fields: this.fields.slice() } : undefined;
  }
}
