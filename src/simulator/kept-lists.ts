// GET /sessions answers kept between requests: the filtered, sorted sets it pages through and the
// text of the pages it sent, each built again only when what it depends on changed (the query,
// the sessions' version, the stale replica's version, the strictness), so that a page of 100 out
// of 22,000 sessions costs a look-up, not a sort and a serialization.
import type { SessionInfo } from '../shared/evovoice';

/** Sets kept at most (one per query: accounts, filters, order); the least recently used goes first. */
const KEPT_SETS = 32;
/** Page texts kept at most: a full read of 22,000 sessions in pages of 100 is 220 of them. */
const KEPT_PAGES = 512;

/** A map that forgets its least recently used entries beyond `size`. */
class Recent<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}

  get(key: string): T | undefined {
    const value = this.map.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
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
  private readonly texts = new Recent<string>(KEPT_PAGES);

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
