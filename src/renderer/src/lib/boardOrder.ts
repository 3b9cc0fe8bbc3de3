// The live board's order (live sessions, newest first), carried from one patch to the next without re-sorting when nothing moved.
import type { SessionInfo } from '../../../shared/evovoice';
import type { ListPatch } from '../../../shared/live';
import { isLive, newestFirst } from './callState';

/** Fields whose change can move a call on the board or take it off. */
const ORDER_FIELDS = new Set<string>(['dateCreated', 'ended']);

function movesRows(patch: ListPatch): boolean {
  if (patch.added.length > 0 || patch.removed.length > 0) return true;
  return patch.changed.some(
    (c) => Object.keys(c.set).some((k) => ORDER_FIELDS.has(k)) || c.unset?.some((k) => ORDER_FIELDS.has(k)),
  );
}

export function boardOrder(sessions: readonly SessionInfo[]): SessionInfo[] {
  return sessions.filter(isLive).sort(newestFirst);
}

/**
 * The order after `patch` turned the previous list into `sessions`: a full sort when calls came,
 * went or moved; otherwise the previous order with the changed calls swapped for their new objects.
 */
export function nextBoardOrder(
  previous: readonly SessionInfo[],
  sessions: readonly SessionInfo[],
  patch: ListPatch,
): SessionInfo[] {
  if (movesRows(patch)) return boardOrder(sessions);
  const ids = new Set(patch.changed.map((c) => c.id));
  const fresh = new Map<string, SessionInfo>();
  for (const s of sessions) if (s.id !== undefined && ids.has(s.id)) fresh.set(s.id, s);
  return previous.map((s) => (s.id !== undefined && fresh.get(s.id)) || s);
}
