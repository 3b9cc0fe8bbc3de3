// The web shell's frame limit comes from the contract: the largest requests an agent can make (a
// 2 x 64K CJK note, 10,000 missed calls marked seen) go through the real page client, and so do
// the worst cases the schemas allow (every character escaped to \u00XX), while one byte more is refused.
import { afterEach, describe, expect, it } from 'vitest';

import { CONSOLE_DATA_MAX_CHARS, parseRequest } from '../../src/shared/ipc';
import { maxRequestFrameBytes } from '../../src/web/frame-limit';
import { MAX_FRAME_BYTES } from '../../src/web/web-sockets';
import { closeCode, provenSocket } from './web-handshake';
import { pageClient, realShell, TOKEN } from './web-support';

const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const frameBytes = (channel: string, args: unknown) =>
  Buffer.byteLength(JSON.stringify({ id: Number.MAX_SAFE_INTEGER, channel, args }));

const NOTE = '漢'.repeat(CONSOLE_DATA_MAX_CHARS);
const noteArgs = (text: string) => ({
  sessionId: 's'.repeat(200),
  text,
  base: { value: text, dateLastModified: 'x'.repeat(100) },
});
/** A 200-character id of control characters only (each escapes to 6 bytes), distinct for each i. */
const escapedId = (i: number) =>
  [i % 31, Math.floor(i / 31) % 31, Math.floor(i / 961)]
    .map((d) => String.fromCharCode(d + 1))
    .join('')
    .padEnd(200, '\u0002');
const ids = (n: number, id: (i: number) => string) => ({ sessionIds: Array.from({ length: n }, (_, i) => id(i)) });

describe('web shell frame limit', () => {
  it('is worked out from the schemas and covers their worst cases', () => {
    expect(MAX_FRAME_BYTES).toBe(maxRequestFrameBytes());
    const worst: [string, unknown][] = [
      ['call:save-console-data', noteArgs('\u0001'.repeat(CONSOLE_DATA_MAX_CHARS))],
      ['missed:mark-seen', ids(10_000, escapedId)],
    ];
    for (const [channel, args] of worst) {
      expect(parseRequest(channel, args).ok).toBe(true);
      expect(frameBytes(channel, args)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    }
    // Tight: the 10,000 escaped ids are within 1% of the limit.
    expect(frameBytes('missed:mark-seen', worst[1]?.[1])).toBeGreaterThan(MAX_FRAME_BYTES * 0.99);
  });

  it('carries the largest real requests through the page client', async () => {
    const { shell, calls } = await realShell();
    closers.push(() => shell.close());
    const { client } = pageClient(shell.port);
    closers.push(() => client.close());
    const note = noteArgs(NOTE);
    const seen = ids(10_000, (i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`);
    expect(frameBytes('call:save-console-data', note)).toBeGreaterThan(393_000);
    expect(frameBytes('missed:mark-seen', seen)).toBeGreaterThan(390_000);
    expect(await client.invoke('call:save-console-data', note)).toMatchObject({ ok: true });
    expect(await client.invoke('missed:mark-seen', seen)).toMatchObject({ ok: true });
    const worstIds = ids(10_000, escapedId);
    expect(await client.invoke('missed:mark-seen', worstIds)).toMatchObject({ ok: true });
    expect(calls.filter((c) => c.method === 'markMissedSeen').map((c) => (c.args[0] as string[]).length)).toEqual([
      10_000, 10_000,
    ]);
  });

  it('closes a socket whose frame is one byte over the limit with 1009', async () => {
    const { shell } = await realShell();
    closers.push(() => shell.close());
    const { ws } = await provenSocket(shell.port, TOKEN);
    const code = closeCode(ws);
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20));
    expect(await code).toBe(1009);
  });
});
