// The live board's order (live sessions, newest first) and its count per state, kept by binary-search removal and insertion so a patch costs what it touches.
import type { BoardSession } from '../../../shared/live';
import { BOARD_STATES, type BoardState, boardState, isLive, newestFirst } from './callState';

type Key = string | BoardSession;

const keyOf = (s: BoardSession): Key => s.id ?? s;

export const emptyCounts = (): Record<BoardState, number> =>
  Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;

/**
 * Live sessions sorted newest first by creation date, ties in list order: the order of
 * `list.filter(isLive).sort(newestFirst)` (a stable sort), without sorting again after each patch.
 * Each row's place in the list is a sequence number, so that the sort key is unique and a row is
 * found by binary search.
 */
export class BoardOrder {
  #rows: BoardSession[] = [];
  /** Position in the list for every row of the list (live or not), in list order. */
  #seq = new Map<Key, number>();
  #nextSeq = 0;
  #counts = emptyCounts();

  /** Starts again from a whole list, in list order. */
  reset(list: readonly BoardSession[]): void {
    this.#seq = new Map();
    this.#nextSeq = 0;
    this.#counts = emptyCounts();
    for (const s of list) this.#seq.set(keyOf(s), this.#nextSeq++);
    this.#rows = list.filter(isLive).sort((a, b) => this.#compare(a, b));
    for (const s of this.#rows) this.#counts[boardState(s)]++;
  }

  /**
   * One row of the list removed (`after` undefined), changed, or added at its end (`before`
   * undefined). True when the board's rows changed. A row whose creation date did not change keeps
   * its place; only a row that moves is taken out and put back.
   */
  update(before: BoardSession | undefined, after: BoardSession | undefined): boolean {
    const row = after ?? before;
    if (!row) return false;
    const key = keyOf(row);
    if (!this.#seq.has(key)) this.#seq.set(key, this.#nextSeq++);
    const wasLive = before !== undefined && isLive(before);
    const nowLive = after !== undefined && isLive(after);
    if (wasLive) this.#counts[boardState(before)]--;
    if (nowLive) this.#counts[boardState(after)]++;
    if (wasLive && nowLive && before.dateCreated === after.dateCreated) {
      this.#rows[this.#position(before)] = after;
    } else {
      if (wasLive) this.#rows.splice(this.#position(before), 1);
      if (nowLive) this.#rows.splice(this.#position(after), 0, after);
    }
    if (!after) this.#seq.delete(key);
    return wasLive || nowLive;
  }

  /** The board's rows, newest first (a new array, so that a view sees the change). */
  rows(): BoardSession[] {
    return this.#rows.slice();
  }

  /** Live rows per board state, without the optimistic holds (a new object). */
  counts(): Record<BoardState, number> {
    return { ...this.#counts };
  }

  #compare(a: BoardSession, b: BoardSession): number {
    return newestFirst(a, b) || (this.#seq.get(keyOf(a)) ?? 0) - (this.#seq.get(keyOf(b)) ?? 0);
  }

  /** The index of `s` on the board (sort keys are unique), or where it goes: the first row that sorts at or after it. */
  #position(s: BoardSession): number {
    let lo = 0;
    let hi = this.#rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(this.#rows[mid] as BoardSession, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
