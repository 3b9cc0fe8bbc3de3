// The live board as the agent filters and sorts it: counts per state, the chosen state filter
// (or the agent's own calls), the search, and the column the rows are sorted by.
import type { BoardSession } from '../../../shared/live';
import { type BoardState, boardState, callerName, isLive, lineName, searchText } from '../lib/callState';
import { holds } from './holds.svelte';
import { live } from './live.svelte';

export type BoardFilter = BoardState | 'all' | 'mine';

/** The columns a header sorts by; none chosen: newest first. */
export const SORT_KEYS = ['caller', 'line', 'state', 'time'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface BoardSort {
  key: SortKey;
  descending: boolean;
}

const STATE_ORDER: Record<BoardState, number> = { ringing: 0, queued: 1, hold: 2, connected: 3, other: 4 };

/** When the row's time cell counts from: the hold's start on hold, else the last change. */
function since(s: BoardSession): string {
  return (s.callState === 'Hold' ? s.heldSince : undefined) ?? s.dateLastModified ?? '';
}

function compare(key: SortKey, a: BoardSession, b: BoardSession): number {
  if (key === 'caller') return callerName(a).localeCompare(callerName(b));
  if (key === 'line') return lineName(a).localeCompare(lineName(b));
  if (key === 'state') return STATE_ORDER[holds.stateOf(a)] - STATE_ORDER[holds.stateOf(b)];
  // Ascending time: the longest in its state first (the earliest start).
  const x = since(a);
  const y = since(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

class Board {
  filter = $state<BoardFilter>('all');
  search = $state('');
  sort = $state.raw<BoardSort | undefined>(undefined);

  /** Every live (not ended) session, newest first. */
  get sessions(): BoardSession[] {
    return live.ordered;
  }

  /** The live store's counts, with each optimistic hold moved to the state it shows: O(holds in flight). */
  readonly counts = $derived.by(() => {
    const pending = holds.pending;
    const ids = Object.keys(pending);
    if (ids.length === 0) return live.counts;
    const counts = { ...live.counts };
    for (const id of ids) {
      const s = live.session(id);
      if (!s || !isLive(s)) continue;
      counts[boardState(s)]--;
      counts[boardState(s, pending[id])]++;
    }
    return counts;
  });

  /** How many live calls are the agent's own (the "Mine" filter). */
  readonly mineCount = $derived(live.ordered.reduce((n, s) => (holds.mine(s) ? n + 1 : n), 0));

  /** Sorts by `key`; the same column again flips the order, a third time goes back to newest first. */
  sortBy(key: SortKey): void {
    const now = this.sort;
    if (now?.key !== key) this.sort = { key, descending: false };
    else if (!now.descending) this.sort = { key, descending: true };
    else this.sort = undefined;
  }

  readonly shown = $derived.by((): BoardSession[] => {
    const needle = this.search.trim().toLowerCase();
    const filter = this.filter;
    const sort = this.sort;
    const rows =
      filter === 'all' && !needle
        ? live.ordered
        : live.ordered.filter(
            (s) =>
              (filter === 'all' || (filter === 'mine' ? holds.mine(s) : holds.stateOf(s) === filter)) &&
              (!needle || searchText(s).includes(needle)),
          );
    if (!sort) return rows;
    const sign = sort.descending ? -1 : 1;
    return rows.slice().sort((a, b) => sign * compare(sort.key, a, b));
  });
}

export const board = new Board();
