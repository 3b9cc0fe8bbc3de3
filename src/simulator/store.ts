// Everything the simulated Evo Voice knows: live and archived sessions by id, voicemail, forms,
// text conversations; ended calls move to the archive 15 simulated minutes after they end; and the
// sessions' version, which every change to them bumps (the sorted lists of GET /sessions key on it).
import type { ConversationInfo, FileInfo, HostedSuiteCompletedForm, SessionInfo } from '../shared/evovoice';

export const ARCHIVE_AFTER_MS = 15 * 60_000;

export class SessionStore {
  readonly live = new Map<string, SessionInfo>();
  readonly archive = new Map<string, SessionInfo>();
  readonly parents = new Map<string, string>();
  readonly voicemail: FileInfo[] = [];
  readonly forms: HostedSuiteCompletedForm[] = [];
  readonly conversations: ConversationInfo[] = [];
  private counter = 0;
  private sessionsVersion = 0;
  /** The earliest end of a live ended call, as of `dueVersion`: no sweep is needed before it is due. */
  private nextDue = '';
  private dueVersion = -1;

  /** `idTag` keeps the ids of a second store (the generated archive) apart from this one's. */
  constructor(private readonly idTag = '') {}

  /**
   * Bumped by every change to the sessions: which are live or archived (here), and any session's
   * fields (a PATCH, a control call, a scenario step: their callers call `changed()`).
   */
  get version(): number {
    return this.sessionsVersion;
  }

  /** Some session, or which sessions are live or archived, changed. */
  changed(): void {
    this.sessionsVersion++;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.idTag}${String(this.counter).padStart(6, '0')}`;
  }

  get(id: string): SessionInfo | undefined {
    return this.live.get(id) ?? this.archive.get(id);
  }

  add(session: SessionInfo & { id: string }, parentSessionId?: string): void {
    this.live.set(session.id, session);
    if (parentSessionId !== undefined) this.parents.set(session.id, parentSessionId);
    this.changed();
  }

  /** A finished call straight into the archive. */
  addArchived(session: SessionInfo & { id: string }): void {
    this.archive.set(session.id, session);
    this.changed();
  }

  /** Every live session gone (and their parent links): a bulk load replaces them. */
  clearLive(): void {
    for (const id of this.live.keys()) this.parents.delete(id);
    this.live.clear();
    this.changed();
  }

  /** Live and archived sessions, in insertion order. */
  *all(): Iterable<SessionInfo> {
    yield* this.archive.values();
    yield* this.live.values();
  }

  /** Moves an ended call to the archive; false when it is not a live ended call. */
  archiveNow(id: string): boolean {
    const s = this.live.get(id);
    if (s === undefined || s.ended !== true) return false;
    this.live.delete(id);
    this.archive.set(id, s);
    this.changed();
    return true;
  }

  /** Archives the ended calls due by `now`; looks through the live set only when one may be due. */
  archiveDue(now: number, afterMs = ARCHIVE_AFTER_MS): void {
    const cutoff = new Date(now - afterMs).toISOString();
    if (this.dueVersion === this.sessionsVersion && (this.nextDue === '' || cutoff < this.nextDue)) return;
    let moved = false;
    let next = '';
    for (const [id, s] of this.live) {
      if (s.ended !== true || s.dateCompleted === undefined) continue;
      if (s.dateCompleted <= cutoff) {
        this.live.delete(id);
        this.archive.set(id, s);
        moved = true;
      } else if (next === '' || s.dateCompleted < next) next = s.dateCompleted;
    }
    if (moved) this.changed();
    this.nextDue = next;
    this.dueVersion = this.sessionsVersion;
  }
}
