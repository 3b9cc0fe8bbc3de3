// An answer's body under the size cap: a declared length over the cap is refused before reading
// (the stream cancelled), a stream is cut off as soon as it passes the cap, exactly the cap is read,
// and the error says how large in MB and keeps the status.
import { describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { readCapped, readCappedBytes } from '../../src/main/core/response-body';

const MB = 1_048_576;

/** A body sent in `chunks`, remembering how many were pulled and whether it was cancelled. */
function streamed(chunks: Uint8Array[], init: ResponseInit = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[seen.pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body, init), seen };
}

describe('readCappedBytes', () => {
  it('reads a body of exactly the cap, declared or not', async () => {
    expect(await readCapped(new Response('héllo', { headers: { 'content-length': '6' } }), 6, 'evo.example')).toBe(
      'héllo',
    );
    const { response } = streamed([new Uint8Array([1, 2]), new Uint8Array([3, 4])]);
    expect([...(await readCappedBytes(response, 4, 'evo.example'))]).toEqual([1, 2, 3, 4]);
  });

  it('answers nothing for no body', async () => {
    expect((await readCappedBytes(new Response(null, { status: 204 }), 10, 'evo.example')).length).toBe(0);
  });

  it('refuses a declared length over the cap before reading, cancelling the stream', async () => {
    const { response, seen } = streamed([new Uint8Array(10)], {
      status: 200,
      headers: { 'content-length': String(3 * MB + 1) },
    });
    const error = await readCappedBytes(response, 3 * MB, 'evo.example').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({
      code: 'bad-response',
      status: 200,
      message: 'evo.example sent an answer larger than 3 MB: narrow the filters.',
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it('reads on when the declared length is no number', async () => {
    const response = new Response('abc', { headers: { 'content-length': 'many' } });
    expect(await readCapped(response, 3, 'evo.example')).toBe('abc');
  });

  it('cuts a stream off at the chunk that passes the cap, without pulling the rest', async () => {
    const { response, seen } = streamed(
      [new Uint8Array(MB), new Uint8Array(MB), new Uint8Array(1), new Uint8Array(MB)],
      { status: 206 },
    );
    const error = await readCappedBytes(response, 2 * MB, 'evo.example').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'bad-response',
      status: 206,
      message: 'evo.example sent an answer larger than 2 MB: narrow the filters.',
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(4);
  });

  it('rounds the cap to whole MB in its words', async () => {
    const error = await readCappedBytes(new Response('x'.repeat(10)), 5, 'evo.example').catch((e: unknown) => e);
    expect((error as CoreError).message).toBe('evo.example sent an answer larger than 0 MB: narrow the filters.');
    const big = await readCappedBytes(
      new Response('', { headers: { 'content-length': String(2 * MB) } }),
      1.6 * MB,
      'evo.example',
    ).catch((e: unknown) => e);
    expect((big as CoreError).message).toBe('evo.example sent an answer larger than 2 MB: narrow the filters.');
  });
});

describe('readCappedBytes without a body', () => {
  it('refuses a declared length over the cap even when there is no body to cancel', async () => {
    const response = new Response(null, { status: 200, headers: { 'content-length': String(2 * MB) } });
    await expect(readCappedBytes(response, MB, 'evo.example')).rejects.toMatchObject({ code: 'bad-response' });
  });
});
