// The live board: the last sessions and activity lists, versioned, with optimistic overlays
// (a hold in flight) laid over the server's data; every update answers the patch to publish.
import type { SessionInfo } from '../../shared/evovoice';
import type { LivePatch, LiveSnapshot } from '../../shared/live';
import { diffSessions, same } from './diff';

export class LiveBoard {
  private version = 0;
  /** What the server said last (polls and PATCH answers). */
  private server: SessionInfo[] = [];
  /** What subscribers have: `server` with overlays applied, in applyListPatch order. */
  private sessions: SessionInfo[] = [];
  private activity: SessionInfo[] = [];
  private readonly overlays = new Map<string, Partial<SessionInfo>>();
  /** `server` by id, built on first use after it changes. */
  private serverById: Map<string, SessionInfo> | undefined;

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

  snapshot(): LiveSnapshot {
    return { version: this.version, sessions: this.sessions, activity: this.activity };
  }

  get liveSessions(): readonly SessionInfo[] {
    return this.sessions;
  }

  find(sessionId: string): SessionInfo | undefined {
    return this.sessions.find((s) => s.id === sessionId);
  }

  /** Empties the board (sign-out, other account): subscribers get a fresh snapshot. */
  reset(): LiveSnapshot {
    this.setServer([]);
    this.sessions = [];
    this.activity = [];
    this.overlays.clear();
    this.version++;
    return this.snapshot();
  }

  /** One poll's lists (either may be absent when that feed was not polled or failed). */
  update(lists: { sessions?: SessionInfo[]; activity?: SessionInfo[] }): LivePatch | undefined {
    if (lists.sessions) this.setServer(lists.sessions);
    return this.publish(lists.sessions !== undefined, lists.activity);
  }

  /** A fresh copy of one session from a PATCH answer. */
  upsert(session: SessionInfo): LivePatch | undefined {
    if (session.id === undefined || !this.server.some((s) => s.id === session.id)) return undefined;
    this.setServer(this.server.map((s) => (s.id === session.id ? session : s)));
    return this.publish(true, undefined);
  }

  overlay(sessionId: string, fields: Partial<SessionInfo>): LivePatch | undefined {
    this.overlays.set(sessionId, fields);
    return this.publish(true, undefined);
  }

  /** Ends an overlay: with the server's answer (confirmed) or without (rolled back). */
  settle(sessionId: string, answer?: SessionInfo): LivePatch | undefined {
    this.overlays.delete(sessionId);
    const i = answer ? this.server.findIndex((s) => s.id === sessionId) : -1;
    if (answer && i >= 0) {
      const next = this.server.slice();
      next[i] = answer;
      this.setServer(next);
    }
    return this.publish(true, undefined);
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

  private withOverlays(list: SessionInfo[]): SessionInfo[] {
    if (this.overlays.size === 0) return list;
    return list.map((s) => {
      const fields = s.id === undefined ? undefined : this.overlays.get(s.id);
      return fields ? { ...s, ...fields } : s;
    });
  }
}
