// A lagging read replica: for a few list answers after a PATCH, a session still shows as it was
// before the PATCH (the strictness's `staleReads`), as a real server behind a cache can.
import type { SessionInfo } from '../shared/evovoice';

interface Lagging {
  before: SessionInfo;
  left: number;
}

export class StaleReplica {
  private readonly lagging = new Map<string, Lagging>();
  private readonly shown = new Set<string>();
  private copies = 0;

  /** Bumped whenever a stale copy starts or stops lagging: lists sorted as the replica has the sessions key on it. */
  get version(): number {
    return this.copies;
  }

  /** Call before a PATCH changes `session`: the next `reads` list answers show this copy. */
  beforePatch(session: SessionInfo, reads: number): void {
    const id = session.id;
    if (id === undefined || reads <= 0) return;
    const earlier = this.lagging.get(id);
    this.lagging.set(id, { before: earlier?.before ?? structuredClone(session), left: reads });
    this.copies++;
  }

  /**
   * The session as the replica has it; counts an answer that showed a stale copy (or, for a list
   * sorted as the replica has it, had it in its set on any page: a replica lags in time, not in pages).
   */
  readonly view = (session: SessionInfo): SessionInfo => {
    const lag = session.id === undefined ? undefined : this.lagging.get(session.id);
    if (lag === undefined) return session;
    this.shown.add(session.id as string);
    return lag.before;
  };

  /** A list answer whose set (kept from an earlier answer) holds the sessions `holds` says: its stale copies count as read. */
  showIn(holds: (id: string) => boolean): void {
    for (const id of this.lagging.keys()) if (holds(id)) this.shown.add(id);
  }

  /** One answer went out: each stale copy it showed has one read fewer left. */
  answered(): void {
    for (const id of this.shown) {
      const lag = this.lagging.get(id);
      if (lag !== undefined && --lag.left <= 0) {
        this.lagging.delete(id);
        this.copies++;
      }
    }
    this.shown.clear();
  }
}
