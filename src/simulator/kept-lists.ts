// GET /sessions answers kept between requests: the filtered, sorted sets it pages through and the
// text of the pages it sent, each built again only when what it depends on changed (the query,
// the sessions' version, the stale replica's version, the strictness), so that a page of 100 out
// of 22,000 sessions costs a look-up, not a sort and a serialization.
import type { SessionInfo } from '../shared/evovoice';

/** Sets kept at most (one per query: accounts, filters, order); the least recently used goes first. */
const KEPT_SETS = 32;
/**
 * Page text kept at most, in characters: a full read of 22,000 sessions in pages of 100 is 220
 * pages, 42 MB; texts of versions gone by are forgotten first as they are the least recently used.
 */
const KEPT_TEXT = 64_000_000;

/** A map that forgets its least recently used entries beyond `size` (counted by `weigh`). */
class Recent<T> {
  private readonly map = new Map<string, T>();
  private total = 0;
  constructor(
    private readonly size: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  get(key: string): T | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    const before = this.map.get(key);
    if (before !== undefined) this.total -= this.weigh(before);
    this.map.delete(key);
    this.map.set(key, value);
    this.total += this.weigh(value);
    for (const [oldest, kept] of this.map) {
      if (this.total <= this.size || oldest === key) break;
      this.map.delete(oldest);
      this.total -= this.weigh(kept);
    }
  }
}

interface Kept {
  /** The sessions' and the replica's versions the set was built at. */
  version: string;
  rows: SessionInfo[];
  /** The ids of `rows`, made when first needed (a lagging replica asks which stale copies a set holds). */
  ids?: Set<string>;
}

export interface SortedSet {
  rows: SessionInfo[];
  /** Whether the set holds session `id`. */
  holds(id: string): boolean;
  /** True when the set was kept from an earlier request (not built for this one). */
  reused: boolean;
}

export class KeptLists {
  private readonly sets = new Recent<Kept>(KEPT_SETS);
  private readonly texts = new Recent<string>(KEPT_TEXT, (text) => text.length);

  /** `keep` false: every request builds its set and text afresh (the reference the kept ones are tested against). */
  constructor(private readonly keep: boolean) {}

  /** The set for `query` as of `version`: the kept one when it was built at that version, else `build()`. */
  set(query: string, version: string, build: () => SessionInfo[]): SortedSet {
    const kept = this.keep ? this.sets.get(query) : undefined;
    const reused = kept !== undefined && kept.version === version;
    const entry = reused ? kept : { version, rows: build() };
    if (this.keep && !reused) this.sets.set(query, entry);
    return {
      rows: entry.rows,
      reused,
      holds: (id) => (entry.ids ??= new Set(entry.rows.map((s) => s.id as string))).has(id),
    };
  }

  /** The text sent for `key` (a page of a set at a version, and everything that shapes it), if kept. */
  text(key: string): string | undefined {
    return this.keep ? this.texts.get(key) : undefined;
  }

  keepText(key: string, text: string): void {
    if (this.keep) this.texts.set(key, text);
  }
}
