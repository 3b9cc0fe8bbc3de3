// What the first page and the first sign-in would otherwise wait for, done when nothing waits on
// the shell: Node loads WebCrypto's HMAC (the token handshake) and its HTTP client (every request
// to Evo Voice, ~50–100 ms to load) on first use. The HMAC right after the address is printed,
// while the browser fetches the page; the HTTP client only once the first page is in, since loading
// it earlier held up the page's own files (issue 25, web start).
import { randomBytes } from 'node:crypto';

import { tokenProof } from '../shared/web-protocol';

export interface WarmUp {
  /** One HMAC with a throwaway key. */
  handshake(): void;
  /** One HEAD of this server's own page (loopback, the same Host check as any request); once. */
  client(): void;
}

/** Never fails: a warm-up that does not work only leaves the start as slow as it was. */
export function createWarmUp(origin: () => string, fetch: typeof globalThis.fetch = globalThis.fetch): WarmUp {
  let clientDone = false;
  return {
    handshake() {
      void tokenProof(randomBytes(32).toString('base64url'), 'warm-up').catch(() => undefined);
    },
    client() {
      if (clientDone) return;
      clientDone = true;
      void fetch(`${origin()}/`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) })
        .then((answer) => answer.body?.cancel())
        .catch(() => undefined);
    },
  };
}
