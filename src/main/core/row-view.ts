// What the renderer receives of the board: rows (the fields a row shows) for every call, sent
// first part first and the rest on request, and full details only for the call the agent opened.
import type { SessionInfo } from '../../shared/evovoice';
import {
  type CallDetails,
  type LivePatch,
  type LiveSnapshot,
  packRows,
  type RowChunk,
  rowPatch,
  type RowSnapshot,
} from '../../shared/live';
import { CoreError } from './errors';
import type { LiveBoard } from './live-board';

/** Rows in the first answer: more than a screen, little enough to paint at once. */
export const FIRST_ROWS = 200;
/** Rows per later chunk. */
export const ROWS_PER_CHUNK = 2500;

interface Ordered {
  version: number;
  sessions: SessionInfo[];
  activity: SessionInfo[];
  /** The board's snapshot these lists were ordered from, and the first rows answered for it. */
  from: LiveSnapshot;
  first: RowSnapshot;
}

/** Live calls first, newest first (the board's order); ended calls after, in list order. */
function boardOrder(sessions: readonly SessionInfo[]): SessionInfo[] {
  const live = sessions.filter((s) => s.ended !== true);
  live.sort((a, b) => {
    const x = a.dateCreated ?? '';
    const y = b.dateCreated ?? '';
    return x < y ? 1 : x > y ? -1 : 0;
  });
  for (const s of sessions) if (s.ended === true) live.push(s);
  return live;
}

export class RowView {
  /** The call whose details the renderer shows. */
  private open: string | undefined;
  /** The lists of the last snapshot handed out, in the order its rows go out. */
  private ordered: Ordered | undefined;

  constructor(private readonly board: LiveBoard) {}

  /** The first rows of the board as it is now; the same answer until the board changes. */
  snapshot(snapshot: LiveSnapshot = this.board.snapshot()): RowSnapshot {
    const kept = this.ordered;
    const same = kept?.version === snapshot.version && kept.from.sessions === snapshot.sessions;
    if (same && kept.from.activity === snapshot.activity) return kept.first;
    const sessions = boardOrder(snapshot.sessions);
    const first = sessions.slice(0, FIRST_ROWS);
    const activity = snapshot.activity.slice(0, Math.max(0, FIRST_ROWS - first.length));
    const answer: RowSnapshot = {
      version: snapshot.version,
      sessions: packRows(first),
      activity: packRows(activity),
      total: { sessions: sessions.length, activity: snapshot.activity.length },
    };
    this.ordered = { version: snapshot.version, sessions, activity: snapshot.activity, from: snapshot, first: answer };
    return answer;
  }

  /** The rows of the snapshot at `version` after the first `sessions` and `activity` ones. */
  rows(args: { version: number; sessions: number; activity: number }): RowChunk {
    const ordered = this.ordered;
    if (ordered?.version !== args.version) {
      throw new CoreError('conflict', 'The live board moved on while it loaded: it is loading again.');
    }
    const sessions = ordered.sessions.slice(args.sessions, args.sessions + ROWS_PER_CHUNK);
    const room = ROWS_PER_CHUNK - sessions.length;
    const activity = room > 0 ? ordered.activity.slice(args.activity, args.activity + room) : [];
    return { sessions: packRows(sessions), activity: packRows(activity) };
  }

  /** Opens a call (or none): its details now, and in every patch while it stays open. */
  details(sessionId: string | undefined): CallDetails {
    this.open = sessionId;
    const { version } = this.board.snapshot();
    const session =
      sessionId === undefined
        ? undefined
        : (this.board.find(sessionId) ?? this.board.snapshot().activity.find((s) => s.id === sessionId));
    return session ? { version, session } : { version };
  }

  patch(patch: LivePatch): LivePatch {
    return rowPatch(patch, this.open);
  }
}
