// An answer's body read with a size cap: a declared length over the cap is refused before reading,
// and a stream is cancelled as soon as it passes the cap, so a hostile or broken server can never
// make the console hold more than the cap in memory.
import { CoreError } from './errors';

/** Reads the body as text, refusing to hold more than `maxBytes` in memory. */
export async function readCapped(response: Response, maxBytes: number, host: string): Promise<string> {
  return (await readCappedBytes(response, maxBytes, host)).toString('utf8');
}

/** Reads the body, refusing to hold more than `maxBytes` in memory. */
export async function readCappedBytes(response: Response, maxBytes: number, host: string): Promise<Buffer> {
  const tooLarge = () =>
    new CoreError(
      'bad-response',
      `${host} sent an answer larger than ${Math.round(maxBytes / 1048576)} MB: narrow the filters.`,
      {
        status: response.status,
      },
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
