// Splits a list body into the texts of its top-level "items" and the body around them, without
// parsing it, so that a page with a few changed calls parses only those (the rest are reused).
export interface SplitPage {
  /** The body up to and including the items array's `[`. */
  head: string;
  items: string[];
  /** For each item, true when its text is the text of the previous split's item at the same place. */
  same: boolean[];
  /** The body from the items array's `]`. */
  tail: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const CLOSE_OBJECT = 125;
const CLOSE_ARRAY = 93;
const COMMA = 44;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The index of the quote that closes the string opening at `start`; -1 when there is none. */
function stringEnd(text: string, start: number): number {
  let j = start;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
}

/** The index just past the object or array that opens at `start`; -1 when it does not close. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return i + 1;
  }
  return -1;
}

/** The index of the `[` of the top-level "items" array; -1 when there is none. */
function itemsStart(text: string): number {
  let depth = 0;
  let key: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      if (depth === 1) key = text.slice(i + 1, end);
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 1 && c === OPEN_ARRAY && key === 'items') return i;
      depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return -1;
}

/**
 * The items of the body's top-level "items" array, each an object or array text; undefined when
 * the body has no such array, an item that is neither, or a second "items" key after it (JSON.parse
 * would take the last one). `previous` (the last split of the same page) lets unchanged items be
 * recognised by comparing text, so that only changed ones are scanned.
 */
export function splitItems(text: string, previous: readonly string[] = []): SplitPage | undefined {
  const array = itemsStart(text);
  if (array < 0) return undefined;
  const items: string[] = [];
  const same: boolean[] = [];
  let i = array + 1;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === CLOSE_ARRAY && items.length === 0) break;
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) return undefined;
    const before = previous[items.length];
    const unchanged = before !== undefined && text.slice(i, i + before.length) === before;
    const end = unchanged ? i + before.length : valueEnd(text, i);
    if (end < 0) return undefined;
    items.push(text.slice(i, end));
    same.push(unchanged);
    i = end;
    while (isSpace(text.charCodeAt(i))) i++;
    const next = text.charCodeAt(i);
    if (next === CLOSE_ARRAY) break;
    if (next !== COMMA) return undefined;
    i++;
  }
  const tail = text.slice(i);
  return tail.includes('"items"') ? undefined : { head: text.slice(0, array + 1), items, same, tail };
}
