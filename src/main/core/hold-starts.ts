// When each held call's hold started, the one hold time the row, the details, the tray and the
// reminder show: a hold the agent made starts at the server's confirmation; a hold first seen in
// a poll at its dateLastModified, unless that is older than the last poll that saw the call not
// held (a lagging replica's read, or a server that did not touch it): then at first sight. Never
// earlier than the hold itself.
import type { SessionInfo } from '../../shared/evovoice';

export class HoldStarts {
  /** Hold starts (ms) by call id. */
  private readonly starts = new Map<string, number>();
  /** Calls the board showed not held at its last publish. */
  private notHeld = new Set<string>();
  /** The next list's: filled while the board lays its facts over a list. */
  private nextNotHeld = new Set<string>();
  private seen = new Set<string>();
  /** Start of the latest poll whose sessions list the board has applied. */
  private lastPoll: number | undefined;
  /** Start of the poll whose list is being applied now. */
  private incoming: number | undefined;

  constructor(private readonly now: () => number) {}

  /** A poll that started at `at` answered with its sessions list: the board applies it next. */
  polled(at: number): void {
    this.incoming = at;
  }

  /** The poll's list is applied (changed or not): every call it showed not held was not held then. */
  settled(): void {
    if (this.incoming !== undefined) this.lastPoll = this.incoming;
    this.incoming = undefined;
  }

  /** The server confirmed a hold the agent asked for: it starts now. */
  confirmed(sessionId: string): void {
    this.starts.set(sessionId, this.now());
  }

  /** Starts a pass over a list: `of` for each call, then `end`. */
  begin(): void {
    this.nextNotHeld = new Set();
    this.seen = new Set();
  }

  /**
   * The ISO hold start of `session` as the board shows it, or undefined when it is not held or
   * its hold is still in flight (`pending`: the server has not confirmed the agent's change).
   */
  of(session: SessionInfo, pending: boolean): string | undefined {
    const id = session.id;
    if (id === undefined) return undefined;
    this.seen.add(id);
    const held = session.callState === 'Hold' && session.ended !== true;
    if (!held) {
      // A resume in flight keeps the start: if the server refuses it, the hold goes on.
      if (pending) return undefined;
      this.starts.delete(id);
      this.nextNotHeld.add(id);
      return undefined;
    }
    let start = this.starts.get(id);
    if (start === undefined) {
      if (pending) return undefined;
      // The modification time names the hold when it is plausible: not in the future, and not
      // before a poll that still saw the call not held. Otherwise the hold happened between that
      // poll and now, and now is the one time never earlier than it.
      const now = this.now();
      const modified = Date.parse(session.dateLastModified ?? '');
      const lastNotHeld = this.notHeld.has(id) ? this.lastPoll : undefined;
      const plausible =
        Number.isFinite(modified) && modified <= now && (lastNotHeld === undefined || modified >= lastNotHeld);
      start = plausible ? modified : now;
      this.starts.set(id, start);
    }
    return new Date(start).toISOString();
  }

  /** Ends the pass: calls no longer on the board are forgotten. */
  end(): void {
    this.notHeld = this.nextNotHeld;
    for (const id of this.starts.keys()) if (!this.seen.has(id)) this.starts.delete(id);
  }

  clear(): void {
    this.starts.clear();
    this.notHeld = new Set();
    this.lastPoll = undefined;
    this.incoming = undefined;
  }
}
