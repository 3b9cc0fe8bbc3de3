// The renderer's copy of the live board: the snapshot from main kept current by versioned patches.
import type { SessionInfo } from '../../../shared/evovoice';
import { applyListPatch, type ListPatch, type LivePatch, type LiveSnapshot } from '../../../shared/live';
import { boardOrder, nextBoardOrder } from '../lib/boardOrder';

class LiveBoard {
  /** Raw (unproxied) lists: rows keep object identity across patches that do not touch them. */
  sessions = $state.raw<SessionInfo[]>([]);
  activity = $state.raw<SessionInfo[]>([]);
  /** The live (not ended) sessions, newest first; kept in step with each patch without re-sorting when nothing moved. */
  ordered = $state.raw<SessionInfo[]>([]);
  version = $state(-1);
  loaded = $state(false);

  replace(snapshot: LiveSnapshot): void {
    this.sessions = snapshot.sessions;
    this.activity = snapshot.activity;
    this.ordered = boardOrder(snapshot.sessions);
    this.version = snapshot.version;
    this.loaded = true;
  }

  /** Applies the next patch; false when it does not follow on (the caller resyncs). */
  apply(patch: LivePatch): boolean {
    if (!this.loaded || patch.version <= this.version) return true;
    if (patch.version !== this.version + 1) return false;
    if (patch.sessions) this.applySessions(patch.sessions);
    if (patch.activity) this.activity = applyListPatch(this.activity, patch.activity);
    this.version = patch.version;
    return true;
  }

  private applySessions(patch: ListPatch): void {
    const sessions = applyListPatch(this.sessions, patch);
    this.sessions = sessions;
    this.ordered = nextBoardOrder(this.ordered, sessions, patch);
  }

  clear(): void {
    this.sessions = [];
    this.activity = [];
    this.ordered = [];
    this.version = -1;
    this.loaded = false;
  }

  find(sessionId: string | undefined): SessionInfo | undefined {
    if (!sessionId) return undefined;
    return this.sessions.find((s) => s.id === sessionId) ?? this.activity.find((s) => s.id === sessionId);
  }
}

export const live = new LiveBoard();
