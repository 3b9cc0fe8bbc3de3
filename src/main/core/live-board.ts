// The live board: the last sessions and activity lists, versioned, with optimistic overlays
// (a hold in flight or just confirmed) laid over the server's data and the console's facts about
// each call (whose it is, when its hold started); every update answers the patch to publish.
import { type Agent, isAgentsCall } from '../../shared/agent-call';
import type { ListResponse, SessionInfo } from '../../shared/evovoice';
import type { BoardSession, LivePatch, LiveSnapshot } from '../../shared/live';
import { diffSessions, same } from './diff';
import { HoldStarts } from './hold-starts';
import { PageBodies } from './page-bodies';

export interface LiveBoardOptions {
  /** The core's clock (ms). */
  now: () => number;
  /** The signed-in agent: their calls are marked `mine`. */
  agent: () => Agent | undefined;
}

/** Polls after a confirmation that may still show the call as it was (a lagging replica). */
const STALE_POLLS_MASKED = 3;

interface Overlay {
  fields: Partial<SessionInfo>;
  /** Set once the server confirmed: the number of the last poll started before it did. */
  confirmedAfterPoll?: number;
  /** The call as the server had it before the change: a later poll showing exactly this is stale. */
  before?: SessionInfo;
  stalePolls: number;
}

export class LiveBoard {
  private version = 0;
  /** What the server said last (polls and PATCH answers). */
  private server: SessionInfo[] = [];
  /** What subscribers have: `server` with overlays applied, in applyListPatch order. */
  private sessions: BoardSession[] = [];
  private activity: SessionInfo[] = [];
  private readonly overlays = new Map<string, Overlay>();
  /** Polls started so far: a poll's number tells whether it began after a confirmation. */
  private polls = 0;
  /** `server` by id, built on first use after it changes. */
  private serverById: Map<string, SessionInfo> | undefined;
  /** The sessions pages of the last polls: an unchanged page is not parsed again. */
  readonly pages = new PageBodies<ListResponse<SessionInfo>>();
  /** When each held call's hold started: the one hold time the whole console shows. */
  private readonly holdStarts: HoldStarts;
  /** Start times of the polls in flight, by number. */
  private readonly pollTimes = new Map<number, number>();

  constructor(private readonly options: LiveBoardOptions = { now: () => Date.now(), agent: () => undefined }) {
    this.holdStarts = new HoldStarts(options.now);
  }

  /**
   * The session the server sent last, when `raw` (a fresh poll's item) equals it: the poll then
   * reuses that already checked object, and the diff sees it unchanged by identity.
   */
  readonly known = (raw: Record<string, unknown>): SessionInfo | undefined => {
    if (typeof raw.id !== 'string') return undefined;
    this.serverById ??= new Map(this.server.map((s) => [s.id as string, s]));
    const before = this.serverById.get(raw.id);
    return before !== undefined && same(before, raw) ? before : undefined;
  };

  /**
   * True when `sessions` (a fresh poll, not yet applied) shows a call ended since the last one: a
   * call the board had as not ended is now ended or has left the list, or a new one came ended.
   */
  callEnded(sessions: readonly SessionInfo[]): boolean {
    if (sameObjects(sessions, this.server)) return false;
    this.serverById ??= new Map(this.server.map((s) => [s.id as string, s]));
    let stillThere = 0;
    for (const s of sessions) {
      const before = s.id === undefined ? undefined : this.serverById.get(s.id);
      // A call that began and ended between two polls (a short missed call) is news too.
      if (before === undefined) {
        if (s.ended === true) return true;
        continue;
      }
      if (before.ended !== true) stillThere++;
      if (before.ended !== true && s.ended === true) return true;
    }
    return stillThere < this.server.filter((s) => s.ended !== true).length;
  }

  /** Who called, as the board shows it: names the call in the list of unsent notes. */
  callerOf(sessionId: string): string | undefined {
    const call = this.find(sessionId);
    const number = call?.fromAddress ?? call?.callbackNumber;
    return call?.fromName && number ? `${call.fromName} (${number})` : (call?.fromName ?? number);
  }

  snapshot(): LiveSnapshot {
    return { version: this.version, sessions: this.sessions, activity: this.activity };
  }

  get liveSessions(): readonly BoardSession[] {
    return this.sessions;
  }

  find(sessionId: string): BoardSession | undefined {
    return this.sessions.find((s) => s.id === sessionId);
  }

  /** Empties the board (sign-out, other account): subscribers get a fresh snapshot. */
  reset(): LiveSnapshot {
    this.pages.clear();
    this.setServer([]);
    this.sessions = [];
    this.activity = [];
    this.overlays.clear();
    this.holdStarts.clear();
    this.pollTimes.clear();
    this.version++;
    return this.snapshot();
  }

  /** Numbers a poll as it starts; pass the number to `update` with its lists. */
  pollStarted(): number {
    this.pollTimes.set(++this.polls, this.options.now());
    return this.polls;
  }

  /**
   * One poll's lists (either may be absent when that feed was not polled or failed). A sessions
   * list from a poll started after a confirmation is the server's word: its overlay ends there.
   */
  update(lists: { sessions?: SessionInfo[]; activity?: SessionInfo[] }, poll?: number): LivePatch | undefined {
    let sessionsChanged = false;
    const startedAt = poll === undefined ? undefined : this.pollTimes.get(poll);
    if (poll !== undefined) for (const n of this.pollTimes.keys()) if (n <= poll) this.pollTimes.delete(n);
    if (lists.sessions) {
      // Every call this poll shows not held was not held when the poll began.
      this.holdStarts.polled(startedAt ?? this.options.now());
      // Unchanged pages give back the very objects of the last poll: then there is nothing to diff.
      if (!sameObjects(lists.sessions, this.server)) {
        this.setServer(lists.sessions);
        sessionsChanged = true;
      }
      for (const [id, overlay] of this.overlays) {
        if (poll !== undefined && overlay.confirmedAfterPoll !== undefined && poll > overlay.confirmedAfterPoll) {
          if (this.isStale(id, overlay)) overlay.stalePolls++;
          else {
            this.overlays.delete(id);
            sessionsChanged = true;
          }
        }
      }
    }
    const activity = lists.activity && !sameObjects(lists.activity, this.activity) ? lists.activity : undefined;
    const patch = this.publish(sessionsChanged, activity);
    if (lists.sessions) this.holdStarts.settled();
    return patch;
  }

  /** A fresh copy of one session from a PATCH answer. */
  upsert(session: SessionInfo): LivePatch | undefined {
    if (session.id === undefined || !this.server.some((s) => s.id === session.id)) return undefined;
    this.setServer(this.server.map((s) => (s.id === session.id ? session : s)));
    return this.publish(true, undefined);
  }

  /** Shows `fields` on a call at once, before the server confirms them. */
  overlay(sessionId: string, fields: Partial<SessionInfo>): LivePatch | undefined {
    const before = this.server.find((s) => s.id === sessionId);
    this.overlays.set(sessionId, { fields, stalePolls: 0, ...(before ? { before } : {}) });
    return this.publish(true, undefined);
  }

  /**
   * The server confirmed the overlay with `answer`. The overlay stays until a poll started after
   * now answers, so a poll already in flight (the server's state before the change) does not
   * flicker the call back.
   */
  confirm(sessionId: string, answer: SessionInfo): LivePatch | undefined {
    const overlay = this.overlays.get(sessionId);
    if (overlay) {
      overlay.confirmedAfterPoll = this.polls;
      // While a lagging read still shows the call as before, show everything the answer changed
      // (who holds it too), not only the fields asked for.
      overlay.fields = { ...overlay.fields, ...changedFields(overlay.before, answer) };
    }
    // A hold the agent made starts when the server confirmed it, whatever a lagging read says later.
    if (answer.callState === 'Hold' && overlay?.fields.callState === 'Hold') this.holdStarts.confirmed(sessionId);
    const i = this.server.findIndex((s) => s.id === sessionId);
    if (i >= 0) {
      const next = this.server.slice();
      next[i] = answer;
      this.setServer(next);
    }
    return this.publish(true, undefined);
  }

  /** The server refused the overlay: the call shows what the server last said. */
  rollBack(sessionId: string): LivePatch | undefined {
    this.overlays.delete(sessionId);
    return this.publish(true, undefined);
  }

  /** The fresh list still shows the call exactly as before the confirmed change (a stale read). */
  private isStale(sessionId: string, overlay: Overlay): boolean {
    if (!overlay.before || overlay.stalePolls >= STALE_POLLS_MASKED) return false;
    const polled = this.server.find((s) => s.id === sessionId);
    return polled !== undefined && same(polled, overlay.before);
  }

  private setServer(list: SessionInfo[]): void {
    this.server = list;
    this.serverById = undefined;
  }

  private publish(sessionsChanged: boolean, activity: SessionInfo[] | undefined): LivePatch | undefined {
    const patch: LivePatch = { version: this.version + 1 };
    if (sessionsChanged) {
      const next = diffSessions(this.sessions, this.withOverlays(this.server));
      this.sessions = next.list;
      if (next.patch) patch.sessions = next.patch;
    }
    if (activity) {
      const next = diffSessions(this.activity, activity);
      this.activity = next.list;
      if (next.patch) patch.activity = next.patch;
    }
    if (!patch.sessions && !patch.activity) return undefined;
    this.version = patch.version;
    return patch;
  }

  /**
   * The server's list as the agent sees it: overlays laid over it, then the console's facts. A
   * session with no overlay and no fact stays the very object the server's list holds.
   */
  private withOverlays(list: SessionInfo[]): BoardSession[] {
    const agent = this.options.agent();
    const mark = agent !== undefined && (!!agent.userId || !!agent.displayName);
    this.holdStarts.begin();
    const next = list.map((s): BoardSession => {
      const overlay = s.id === undefined ? undefined : this.overlays.get(s.id);
      const shown: SessionInfo = overlay ? { ...s, ...overlay.fields } : s;
      // A hold in flight has no start yet: it starts when the server confirms it.
      const pending = overlay !== undefined && overlay.confirmedAfterPoll === undefined;
      const heldSince = this.holdStarts.of(shown, pending);
      const mine = mark && isAgentsCall(shown, agent);
      if (heldSince === undefined && !mine) return shown;
      return { ...shown, ...(heldSince !== undefined ? { heldSince } : {}), ...(mine ? { mine } : {}) };
    });
    this.holdStarts.end();
    return next;
  }
}

/** The fields `after` sets to another value than `before` had. */
function changedFields(before: SessionInfo | undefined, after: SessionInfo): Partial<SessionInfo> {
  const changed: Record<string, unknown> = {};
  const was = (before ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(after))
    if (value !== undefined && !same(was[key], value)) changed[key] = value;
  return changed as Partial<SessionInfo>;
}

/** True when both lists hold the same objects in the same order (no field is looked at). */
function sameObjects(a: readonly SessionInfo[], b: readonly SessionInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
