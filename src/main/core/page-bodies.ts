// The last body of each polled page and what it parsed to: a page whose text is exactly the one
// before is not parsed, validated or diffed again (most polls return the bytes of the last one).
/** Pages remembered at most (a poll reads up to 10 pages of sessions; keys change daily). */
const MAX_PAGES = 32;

export class PageBodies<T> {
  private readonly last = new Map<string, { text: string; value: T }>();

  /**
   * The page at `key` (its URL): the value kept for it when `text` is the same text as last time,
   * otherwise `parse(text)`, kept for next time. Parsing is a function of the text alone, so a kept
   * value is what parsing again would give; a parse that throws keeps nothing.
   */
  read(key: string, text: string, parse: (text: string) => T): T {
    const before = this.last.get(key);
    if (before !== undefined && before.text === text) return before.value;
    const value = parse(text);
    this.last.delete(key);
    this.last.set(key, { text, value });
    if (this.last.size > MAX_PAGES) this.last.delete(this.last.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.last.clear();
  }
}
