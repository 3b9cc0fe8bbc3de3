// The renderer's copy of the live board: the snapshot from main kept current by versioned patches, each costing what it touches.
import type { SessionInfo } from '../../../shared/evovoice';
import { PatchedList, type ListPatch, type LivePatch, type LiveSnapshot } from '../../../shared/live';
import { BoardOrder, emptyCounts } from '../lib/boardOrder';
import type { BoardState } from '../lib/callState';

class LiveBoard {
  /** Plain (unproxied) rows by id: rows keep object identity across patches that do not touch them. */
  #sessions = new PatchedList();
  #activity = new PatchedList();
  #order = new BoardOrder();
  /** Bumped when a list changes: what reads a list or finds a row depends on it. */
  #sessionsRevision = $state(0);
  #activityRevision = $state(0);
  #sessionsList: SessionInfo[] | undefined;
  #activityList: SessionInfo[] | undefined;
  /** The live (not ended) sessions, newest first; a patch moves only the rows whose creation date changed. */
  ordered = $state.raw<SessionInfo[]>([]);
  /** Live sessions per board state, as the server has them (optimistic holds are the board's). */
  counts = $state.raw<Record<BoardState, number>>(emptyCounts());
  version = $state(-1);
  loaded = $state(false);

  /** Every session in the core's list order (O(n): for views that list them all). */
  get sessions(): SessionInfo[] {
    void this.#sessionsRevision;
    return (this.#sessionsList ??= this.#sessions.values());
  }

  get activity(): SessionInfo[] {
    void this.#activityRevision;
    return (this.#activityList ??= this.#activity.values());
  }

  replace(snapshot: LiveSnapshot): void {
    this.#sessions = new PatchedList(snapshot.sessions);
    this.#activity = new PatchedList(snapshot.activity);
    this.#order.reset(snapshot.sessions);
    this.#sessionsChanged();
    this.#activityChanged();
    this.ordered = this.#order.rows();
    this.counts = this.#order.counts();
    this.version = snapshot.version;
    this.loaded = true;
  }

  /** Applies the next patch; false when it does not follow on (the caller resyncs). */
  apply(patch: LivePatch): boolean {
    if (!this.loaded || patch.version <= this.version) return true;
    if (patch.version !== this.version + 1) return false;
    if (patch.sessions) this.#applySessions(patch.sessions);
    if (patch.activity) {
      this.#activity.apply(patch.activity);
      this.#activityChanged();
    }
    this.version = patch.version;
    return true;
  }

  #applySessions(patch: ListPatch): void {
    let boardChanged = false;
    this.#sessions.apply(patch, (before, after) => {
      if (this.#order.update(before, after)) boardChanged = true;
    });
    this.#sessionsChanged();
    if (!boardChanged) return;
    this.ordered = this.#order.rows();
    this.counts = this.#order.counts();
  }

  #sessionsChanged(): void {
    this.#sessionsList = undefined;
    this.#sessionsRevision++;
  }

  #activityChanged(): void {
    this.#activityList = undefined;
    this.#activityRevision++;
  }

  clear(): void {
    this.replace({ version: -1, sessions: [], activity: [] });
    this.loaded = false;
  }

  /** A session on the board, O(1). */
  session(sessionId: string | undefined): SessionInfo | undefined {
    void this.#sessionsRevision;
    return sessionId ? this.#sessions.get(sessionId) : undefined;
  }

  /** A session on the board or in the activity feed, O(1). */
  find(sessionId: string | undefined): SessionInfo | undefined {
    void this.#activityRevision;
    return this.session(sessionId) ?? (sessionId ? this.#activity.get(sessionId) : undefined);
  }
}

export const live = new LiveBoard();
