// The live board as the agent filters it: counts per state, the chosen state filter and search.
import { BOARD_STATES, boardState, searchText, type BoardState } from '../lib/callState';
import type { SessionInfo } from '../../../shared/evovoice';
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

  readonly counts = $derived.by(() => {
    const counts = Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;
    const pending = holds.pending;
    const any = Object.keys(pending).length > 0;
    for (const s of live.ordered) counts[boardState(s, any && s.id !== undefined ? pending[s.id] : undefined)]++;
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
