// The built web shell (`out/web/server.js`, made by `npm run build`, which the test command runs
// first) prints its address before it loads the console (console.js) and before Node has loaded
// its HTTP client, and loads the client once a page is in:
// loading it (Node's bundled undici, ~50–100 ms) before listening, or while the browser fetches the
// page, was most of what the start spent past the bundle itself (issue 25, web start). An ESM build
// loads it at import: the namespace of `node:http` reads its lazy WebSocket export.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { provenSocket } from '../security/web-handshake';

const SERVER = resolve('out/web/server.js');
const built = existsSync(SERVER);

/** Preloaded into the shell: Node's own modules and the files loaded so far, on stderr, at its address line and on SIGUSR2. */
const PRELOAD = `
const report = () => process.stderr.write('EVO_LOADED=' + JSON.stringify([...process.moduleLoadList, ...Object.keys(require.cache)]) + '\\n');
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).includes('EVO_WEB_URL=')) report();
  return write(chunk, ...rest);
};
process.on('SIGUSR2', report);
`;

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
});

describe.skipIf(!built)('built web shell start (skipped until `npm run build` made out/web)', () => {
  it('prints its address before loading the HTTP client, and loads it only once a page is in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evo-web-start-'));
    const preload = join(dir, 'preload.cjs');
    writeFileSync(preload, PRELOAD);
    child = spawn(
      process.execPath,
      ['--require', preload, SERVER, '--data-dir', join(dir, 'data'), '--renderer-dir', join(dir, 'renderer')],
      { env: { ...process.env, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const loaded = () => [...stderr.matchAll(/^EVO_LOADED=(.*)$/gm)].map((m) => JSON.parse(m[1] as string) as string[]);
    const undici = (modules: string[] | undefined) => (modules ?? []).some((m) => m.includes('undici'));

    await expect.poll(() => /EVO_WEB_URL=(\S+)/.exec(stdout)?.[1], { timeout: 20_000 }).toBeDefined();
    const url = new URL(/EVO_WEB_URL=(\S+)/.exec(stdout)?.[1] as string);
    expect(loaded()).toHaveLength(1);
    expect(undici(loaded()[0])).toBe(false);
    // Nor the console (start.js is light; console.js has the core, zod, conf): the page comes first.
    expect(loaded()[0]?.some((m) => m.endsWith('console.js'))).toBe(false);
    expect(loaded()[0]?.some((m) => m.endsWith('start.js'))).toBe(true);
    // Nor while no page is in (it would compete with the page's own files): asked again a moment later.
    await new Promise((done) => setTimeout(done, 500));
    child.kill('SIGUSR2');
    await expect.poll(() => loaded().length).toBeGreaterThan(1);
    expect(undici(loaded().at(-1))).toBe(false);

    const token = new URLSearchParams(url.hash.slice(1)).get('token') as string;
    const { ws } = await provenSocket(Number(url.port), token);
    await expect
      .poll(
        () => {
          child?.kill('SIGUSR2');
          return undici(loaded().at(-1));
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    ws.close();
  }, 30_000);
});
