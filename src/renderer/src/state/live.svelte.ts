// The renderer's copy of the live board: rows from main (the first screen at once, the rest in chunks) kept current by versioned patches, each costing what it touches, and the open call's full details.
import type { SessionInfo } from '../../../shared/evovoice';
import {
  type BoardSession,
  type ListPatch,
  type LivePatch,
  PatchedList,
  type RowSnapshot,
  unpackRows,
} from '../../../shared/live';
import { BoardOrder, emptyCounts } from '../lib/boardOrder';
import type { BoardState } from '../lib/callState';
import { request } from './api';

/** The call the agent opened: its details from main, then kept current by the patches. */
interface OpenCall {
  id: string;
  /** The board version the details were read at; later patches apply to them. */
  version: number;
  session?: BoardSession;
  /** Patches that arrived before the details did (undefined once they have). */
  early?: LivePatch[];
}

/** Runs `work` once the first rows have been painted (or soon, where frames do not run: a hidden window). */
function afterFirstPaint(work: () => Promise<void>): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void work();
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 250);
}

class LiveBoard {
  /** Plain (unproxied) rows by id: rows keep object identity across patches that do not touch them. */
  #sessions = new PatchedList();
  #activity = new PatchedList();
  #order = new BoardOrder();
  /** Bumped when a list changes: what reads a list or finds a row depends on it. */
  #sessionsRevision = $state(0);
  #activityRevision = $state(0);
  #detailsRevision = $state(0);
  #sessionsList: BoardSession[] | undefined;
  #activityList: SessionInfo[] | undefined;
  /** Patches that came while the snapshot's rows were still arriving; applied once they are all in. */
  #waiting: LivePatch[] | undefined;
  /** Which snapshot is loading: a newer one makes an older load stop. */
  #load = 0;
  #open: OpenCall | undefined;
  /** The live (not ended) sessions, newest first; a patch moves only the rows whose creation date changed. */
  ordered = $state.raw<BoardSession[]>([]);
  /** Live sessions per board state, as the server has them (optimistic holds are the board's). */
  counts = $state.raw<Record<BoardState, number>>(emptyCounts());
  version = $state(-1);
  loaded = $state(false);

  /** Every session in the core's list order (O(n): for views that list them all). */
  get sessions(): BoardSession[] {
    void this.#sessionsRevision;
    return (this.#sessionsList ??= this.#sessions.values());
  }

  get activity(): SessionInfo[] {
    void this.#activityRevision;
    return (this.#activityList ??= this.#activity.values());
  }

  /** A new snapshot: its first rows show at once, the rest are fetched in chunks behind them. */
  replace(snapshot: RowSnapshot): void {
    const sessions = unpackRows(snapshot.sessions);
    const activity = unpackRows(snapshot.activity);
    this.#sessions = new PatchedList(sessions);
    this.#activity = new PatchedList(activity);
    this.#order.reset(sessions);
    this.#sessionsChanged();
    this.#activityChanged();
    this.ordered = this.#order.rows();
    this.counts = this.#order.counts();
    this.version = snapshot.version;
    this.loaded = true;
    const load = ++this.#load;
    const complete = sessions.length >= snapshot.total.sessions && activity.length >= snapshot.total.activity;
    this.#waiting = complete ? undefined : [];
    if (!complete)
      afterFirstPaint(() => this.#loadRest(snapshot, load, { sessions: sessions.length, activity: activity.length }));
  }

  async #loadRest(snapshot: RowSnapshot, load: number, have: { sessions: number; activity: number }): Promise<void> {
    while (have.sessions < snapshot.total.sessions || have.activity < snapshot.total.activity) {
      const result = await request('live:rows', { version: snapshot.version, ...have });
      if (load !== this.#load) return;
      if (!result.ok) return void this.reload();
      const sessions = unpackRows(result.value.sessions);
      const activity = unpackRows(result.value.activity);
      if (sessions.length + activity.length === 0) break;
      this.#applySessions({ added: sessions, changed: [], removed: [] });
      this.#activity.apply({ added: activity, changed: [], removed: [] });
      this.#activityChanged();
      have = { sessions: have.sessions + sessions.length, activity: have.activity + activity.length };
    }
    const waiting = this.#waiting ?? [];
    this.#waiting = undefined;
    for (const patch of waiting) if (!this.apply(patch)) return void this.reload();
  }

  /** Loads the board again from main (a patch did not follow on, or a load failed). */
  async reload(): Promise<void> {
    const load = this.#load;
    const result = await request('live:resync', {});
    if (result.ok && load === this.#load) this.replace(result.value);
  }

  /** Applies the next patch; false when it does not follow on (the caller resyncs). */
  apply(patch: LivePatch): boolean {
    if (!this.loaded || patch.version <= this.version) return true;
    const open = this.#open;
    if (open?.early) open.early.push(patch);
    else if (open && patch.version > open.version) this.#patchDetails(open, patch);
    if (this.#waiting) {
      this.#waiting.push(patch);
      return true;
    }
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

  /** Opens a call: its full details come from main, and with every patch while it stays open. */
  async open(sessionId: string): Promise<void> {
    const open: OpenCall = { id: sessionId, version: Infinity, early: [] };
    this.#open = open;
    const result = await request('call:details', { sessionId });
    if (this.#open !== open) return;
    const early = open.early ?? [];
    open.early = undefined;
    if (!result.ok) return;
    open.version = result.value.version;
    if (result.value.session) open.session = result.value.session;
    for (const patch of early) if (patch.version > open.version) this.#patchDetails(open, patch);
    this.#detailsRevision++;
  }

  /** The agent closed the call: main stops sending its details. */
  close(sessionId: string): void {
    if (this.#open?.id !== sessionId) return;
    this.#open = undefined;
    this.#detailsRevision++;
    void request('call:details', {});
  }

  #patchDetails(open: OpenCall, patch: LivePatch): void {
    const list = this.#sessions.get(open.id) || !patch.activity ? patch.sessions : patch.activity;
    if (!list) return;
    const copy = new PatchedList(open.session ? [open.session] : []);
    copy.apply(list);
    const session = copy.get(open.id);
    if (session === open.session) return;
    if (session) open.session = session;
    else delete open.session;
    this.#detailsRevision++;
  }

  clear(): void {
    this.replace({
      version: -1,
      sessions: { strings: [], rows: [] },
      activity: { strings: [], rows: [] },
      total: { sessions: 0, activity: 0 },
    });
    this.#open = undefined;
    this.loaded = false;
  }

  /** A session on the board, O(1): its row. */
  session(sessionId: string | undefined): BoardSession | undefined {
    void this.#sessionsRevision;
    return sessionId ? this.#sessions.get(sessionId) : undefined;
  }

  /** A session on the board or in the activity feed, O(1): the open call's full details once they came, else its row. */
  find(sessionId: string | undefined): BoardSession | undefined {
    void this.#activityRevision;
    void this.#detailsRevision;
    const open = this.#open;
    if (open?.session && open.id === sessionId) return open.session;
    return this.session(sessionId) ?? (sessionId ? this.#activity.get(sessionId) : undefined);
  }
}

export const live = new LiveBoard();
