// Conditional GETs of lists (the strictness's `conditionalGets`): an ETag (the body's hash) and a
// Last-Modified (when that body was first sent at this address), and a 304 for a client that
// already has the body, as a ServiceStack service written for it answers.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Addresses remembered at most (per user and URL); the oldest are forgotten first. */
const MAX_REMEMBERED = 50_000;

interface Sent {
  etag: string;
  /** When this body was first sent at this address (ms since epoch). */
  since: number;
}

export interface ConditionalAnswer {
  /** 304: the client's copy is current (send no body). */
  notModified: boolean;
  headers: Record<string, string>;
}

export class ConditionalGets {
  private readonly sent = new Map<string, Sent>();

  /**
   * The validators for `text`, the answer to `key` (user and URL) at `now`, and whether the
   * request's If-None-Match (or, without one, If-Modified-Since) says the client has it already.
   */
  answer(key: string, text: string, headers: IncomingHttpHeaders, now: number): ConditionalAnswer {
    const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 22)}"`;
    const before = this.sent.get(key);
    // A new body within the second of the last one still gets a later Last-Modified (HTTP dates
    // are whole seconds), so that an If-Modified-Since from before the change never matches it.
    const later = before === undefined ? now : Math.max(now, (Math.floor(before.since / 1000) + 1) * 1000);
    const kept = before !== undefined && before.etag === etag ? before : { etag, since: later };
    this.sent.delete(key);
    this.sent.set(key, kept);
    if (this.sent.size > MAX_REMEMBERED) this.sent.delete(this.sent.keys().next().value as string);
    const lastModified = new Date(Math.floor(kept.since / 1000) * 1000);
    const out = { ETag: etag, 'Last-Modified': lastModified.toUTCString() };
    const noneMatch = headers['if-none-match'];
    if (noneMatch !== undefined) {
      const tags = noneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
      return { notModified: tags.includes(etag) || tags.includes('*'), headers: out };
    }
    const since = Date.parse(headers['if-modified-since'] ?? '');
    // The same body as before, and the client's date not older than when it was first sent.
    const current = before !== undefined && before.etag === etag && since >= lastModified.getTime();
    return { notModified: current, headers: out };
  }
}
