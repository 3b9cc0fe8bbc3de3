// Everything the simulated Evo Voice knows: live and archived sessions by id, voicemail, forms,
// text conversations; ended calls move to the archive 15 simulated minutes after they end.
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

  /** `idTag` keeps the ids of a second store (the generated archive) apart from this one's. */
  constructor(private readonly idTag = '') {}

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
    return true;
  }

  archiveDue(now: number, afterMs = ARCHIVE_AFTER_MS): void {
    const cutoff = new Date(now - afterMs).toISOString();
    for (const [id, s] of this.live) {
      if (s.ended === true && s.dateCompleted !== undefined && s.dateCompleted <= cutoff) {
        this.live.delete(id);
        this.archive.set(id, s);
      }
    }
  }
}
