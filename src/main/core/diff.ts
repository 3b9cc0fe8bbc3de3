// Diffs two session lists into a ListPatch: added, removed, and only the changed fields of the
// rest. Cheap enough for 10,000 sessions a poll: primitive equality, structural compare of the
// nested arrays, no serialisation.
import type { SessionInfo } from '../../shared/evovoice';
import type { EntityChange, ListPatch } from '../../shared/live';

export interface ListDiff {
  /** Undefined when nothing changed. */
  patch?: ListPatch;
  /** The new list in the order applyListPatch(previous, patch) produces. */
  list: SessionInfo[];
}

type Row = Record<string, unknown>;

export function diffSessions(previous: readonly SessionInfo[], next: readonly SessionInfo[]): ListDiff {
  const nextById = new Map<string, SessionInfo>();
  for (const session of next) if (session.id !== undefined) nextById.set(session.id, session);

  const list: SessionInfo[] = [];
  const changed: EntityChange[] = [];
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const before of previous) {
    const id = before.id as string;
    const after = nextById.get(id);
    if (!after) {
      removed.push(id);
      continue;
    }
    seen.add(id);
    const change = before === after ? undefined : changeOf(id, before as Row, after as Row);
    if (change) changed.push(change);
    list.push(after);
  }
  const added: SessionInfo[] = [];
  for (const [id, session] of nextById) {
    if (seen.has(id)) continue;
    added.push(session);
    list.push(session);
  }
  if (!added.length && !changed.length && !removed.length) return { list };
  return { list, patch: { added, changed, removed } };
}

function changeOf(id: string, before: Row, after: Row): EntityChange | undefined {
  let set: Row | undefined;
  let unset: string[] | undefined;
  for (const key in after) {
    const value = after[key];
    if (value === undefined) continue;
    if (!same(before[key], value)) (set ??= {})[key] = value;
  }
  for (const key in before) {
    if (before[key] !== undefined && after[key] === undefined) (unset ??= []).push(key);
  }
  if (!set && !unset) return undefined;
  const change: EntityChange = { id, set: (set ?? {}) as Partial<SessionInfo> };
  if (unset) change.unset = unset as (keyof SessionInfo)[];
  return change;
}

/** Structural equality of JSON values. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let count = 0;
  for (const key in a) {
    if ((a as Row)[key] === undefined) continue;
    count++;
    if (!same((a as Row)[key], (b as Row)[key])) return false;
  }
  for (const key in b) if ((b as Row)[key] !== undefined) count--;
  return count === 0;
}
