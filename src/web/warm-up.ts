// What the first page and the first sign-in would otherwise wait for, done while the browser is
// still loading the page: Node loads WebCrypto's HMAC (the token handshake) and its HTTP client
// (every request to Evo Voice) on first use, tens of milliseconds each.
import { randomBytes } from 'node:crypto';

import { tokenProof } from '../shared/web-protocol';

/**
 * One HMAC with a throwaway key and one HEAD of this server's own page (loopback, the same Host
 * check as any request). Never fails: a warm-up that does not work only leaves the start as slow
 * as it was.
 */
export async function warmUp(origin: string, fetch: typeof globalThis.fetch = globalThis.fetch): Promise<void> {
  await tokenProof(randomBytes(32).toString('base64url'), 'warm-up').catch(() => undefined);
  await fetch(`${origin}/`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) })
    .then((answer) => answer.body?.cancel())
    .catch(() => undefined);
}
