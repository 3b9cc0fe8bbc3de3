// The last body of each polled page and what it parsed to: a page whose text is exactly the one
// before is not parsed, validated or diffed again (most polls return the bytes of the last one),
// and in a changed page only the items whose text changed are parsed and checked; with the page's
// validators (ETag, Last-Modified), so that the next read of it can be conditional.
import { splitItems, type SplitPage } from './page-items';

/** Pages remembered at most (a poll reads up to 10 pages of sessions; keys change daily). */
const MAX_PAGES = 32;

/** What the server said identifies a page's body: sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

interface Kept<T> {
  text: string;
  value: T;
  validators?: Validators;
  /** Each item's text, in order, when the page split cleanly and parsed to as many items. */
  texts?: string[];
}

/**
 * Parses a page's JSON value (`raw`); `reused` holds the items taken from the last parse of this
 * page because their text did not change: they are already checked, and must be kept as they are.
 */
export type PageParse<T> = (raw: unknown, reused: ReadonlySet<unknown>) => T;

export class PageBodies<T extends { items?: readonly object[] }> {
  private readonly last = new Map<string, Kept<T>>();

  /**
   * The page at `key` (its URL): the value kept for it when `text` is the same text as last time,
   * otherwise `parse` of its JSON (read with `json`, which throws the agent's error for a body
   * that is not JSON), with the items whose text is unchanged reused. Parsing is a function of the
   * text alone, so what is reused is what parsing again would give; a parse that throws keeps
   * nothing.
   */
  read(key: string, text: string, json: (text: string) => unknown, parse: PageParse<T>, validators?: Validators): T {
    const before = this.last.get(key);
    if (before !== undefined && before.text === text) {
      before.validators = validators;
      return before.value;
    }
    const reused = new Set<unknown>();
    const split = splitItems(text, before?.texts);
    const raw = (split && this.assemble(split, json, before, reused)) ?? json(text);
    const value = parse(raw, reused);
    const kept: Kept<T> = { text, value, validators };
    if (split && value.items?.length === split.items.length) {
      kept.texts = split.items;
    }
    this.last.delete(key);
    this.last.set(key, kept);
    if (this.last.size > MAX_PAGES) this.last.delete(this.last.keys().next().value as string);
    return value;
  }

  /** The page's value built from its outer text and its items; undefined when it does not fit. */
  private assemble(
    split: SplitPage,
    json: (text: string) => unknown,
    before: Kept<T> | undefined,
    reused: Set<unknown>,
  ): unknown {
    const outer = json(split.head + split.tail);
    if (typeof outer !== 'object' || outer === null) return undefined;
    const list = (outer as { items?: unknown }).items;
    if (!Array.isArray(list) || list.length !== 0) return undefined;
    const last = before?.texts ? before.value.items : undefined;
    try {
      (outer as { items: unknown[] }).items = split.items.map((text, i) => {
        const kept = split.same[i] ? last?.[i] : undefined;
        if (kept === undefined) return JSON.parse(text) as unknown;
        reused.add(kept);
        return kept;
      });
    } catch {
      reused.clear();
      return undefined;
    }
    return outer;
  }

  /** The validators of the page kept at `key`, if the server sent any. */
  validators(key: string): Validators | undefined {
    return this.last.get(key)?.validators;
  }

  /** The value kept at `key`: the server answered 304, the body is the one kept. */
  repeat(key: string): T | undefined {
    return this.last.get(key)?.value;
  }

  clear(): void {
    this.last.clear();
  }
}
