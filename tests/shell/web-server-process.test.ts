// `tsx src/web/server.ts` as the e2e fixture runs it: one EVO_WEB_URL line, a token-guarded
// WebSocket that signs in to the demo and streams live calls, and a clean exit on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import type { SessionInfo } from '../../src/shared/evovoice';
import { applyListPatch, type RowSnapshot, unpackRows } from '../../src/shared/live';
import type { ServerFrame } from '../../src/shared/web-protocol';
import { closeCode, provenSocket } from '../security/web-handshake';

let child: ChildProcess;
let url: URL;
let stdout = '';

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'evo-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), readFileSync('src/renderer/index.html', 'utf8'));
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/web/server.ts',
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'evo-data-')),
      '--renderer-dir',
      rendererDir,
    ],
    { cwd: process.cwd(), env: { ...process.env, EVO_CONSOLE_TEST_HOOKS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.resume();
  url = await new Promise<URL>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^EVO_WEB_URL=(\S+)$/m.exec(stdout)?.[1];
      if (line) resolve(new URL(line));
    });
  });
}, 30_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('web server process', () => {
  it('prints exactly one EVO_WEB_URL line with a 256-bit token in the fragment, on loopback', () => {
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(url.hostname).toBe('127.0.0.1');
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('serves the page with connect-src set to its own WebSocket', async () => {
    const html = await (await fetch(url.origin)).text();
    expect(html).toContain(`connect-src ws://127.0.0.1:${url.port};`);
  });

  it('refuses a page that cannot prove the token, and one from another origin', async () => {
    const status = (target: string, origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(target, { origin });
        ws.on('open', () => resolve(101));
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(0));
      });
    expect(await status(`ws://127.0.0.1:${url.port}/ipc`, 'http://127.0.0.1:1')).toBe(403);
    const { ws } = await provenSocket(Number(url.port), 'not-the-token');
    expect(await closeCode(ws)).toBe(1008);
  });

  it('has no test hooks without EVO_CONSOLE_TEST_HOOKS=1', async () => {
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    expect((await fetch(`${url.origin}/__test/notifications?token=${token}`)).status).toBe(404);
  });

  it('signs in to the demo over the WebSocket and streams live calls', async () => {
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const { ws } = await provenSocket(Number(url.port), token);
    let sessions: SessionInfo[] = [];
    const answers = new Map<number, unknown>();
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.kind === 'proof') return;
      if (frame.kind === 'response') answers.set(frame.id, frame.result);
      else if (frame.event === 'live:snapshot') sessions = unpackRows((frame.payload as RowSnapshot).sessions);
      else if (frame.event === 'live:patch')
        sessions = applyListPatch(sessions, (frame.payload as { sessions?: never }).sessions);
    });
    ws.send(JSON.stringify({ id: 1, channel: 'app:visibility', args: { visible: true } }));
    ws.send(JSON.stringify({ id: 2, channel: 'auth:sign-in-demo', args: {} }));
    const started = Date.now();
    while ((!answers.has(2) || sessions.length === 0) && Date.now() - started < 15_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(answers.get(2)).toMatchObject({ ok: true, value: { demo: true, userName: 'demo@evovoice.example' } });
    expect(sessions.length).toBeGreaterThan(0);
    ws.close();
  }, 20_000);

  it('exits cleanly on SIGTERM', async () => {
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
