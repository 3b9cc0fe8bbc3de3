// The live board as the agent filters it: counts per state, the chosen state filter and search.
import type { SessionInfo } from '../../../shared/evovoice';
import { type BoardState, boardState, isLive, searchText } from '../lib/callState';
import { holds } from './holds.svelte';
import { live } from './live.svelte';

export type BoardFilter = BoardState | 'all';

class Board {
  filter = $state<BoardFilter>('all');
  search = $state('');

  /** Every live (not ended) session, newest first. */
  get sessions(): SessionInfo[] {
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

  readonly shown = $derived.by((): SessionInfo[] => {
    const needle = this.search.trim().toLowerCase();
    if (this.filter === 'all' && !needle) return live.ordered;
    return live.ordered.filter(
      (s) => (this.filter === 'all' || holds.stateOf(s) === this.filter) && (!needle || searchText(s).includes(needle)),
    );
  });
}

export const board = new Board();
