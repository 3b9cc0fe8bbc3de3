// The built-from-source web shell process under a hostile local client on loopback: malformed
// request targets (HTTP and Upgrade), a wrong Host, a bad Origin, a frame over the limit and a page
// that cannot prove the token. After each the process is still up and serves the agent's page,
// and neither the password of a signed-in agent nor the token shows in any answer or log line.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import type { ServerFrame } from '../../src/shared/web-protocol';
import { startSimulator } from '../../src/simulator/index';
import type { Simulator } from '../../src/simulator/types';
import { MAX_FRAME_BYTES } from '../../src/web/web-sockets';
import { closeCode, opened, provenSocket } from './web-handshake';

const PASSWORD = 'Pw-sec-3b8e51f0-web-shell';
const USER = {
  userName: 'sec-web@evovoice.example',
  password: PASSWORD,
  displayName: 'Sec Web',
  userId: 'user-sec-web',
  accountIds: ['acct-north'],
};

let child: ChildProcess;
let sim: Simulator;
let url: URL;
let token = '';
let port = 0;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'evo-sec-web-'));
/** Everything any attack got back, checked for the token and the password at the end. */
const answers: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, users: [USER], seed: 3 });
  const rendererDir = mkdtempSync(join(tmpdir(), 'evo-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), readFileSync('src/renderer/index.html', 'utf8'));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/web/server.ts', '--data-dir', dataDir, '--renderer-dir', rendererDir, '--no-demo-offer'],
    { cwd: process.cwd(), env: { ...process.env, EVO_CONSOLE_TEST_HOOKS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<URL>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^EVO_WEB_URL=(\S+)$/m.exec(output)?.[1];
      if (line) resolve(new URL(line));
    });
  });
  token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  port = Number(url.port);
  output = output.replace(`EVO_WEB_URL=${url.href}`, '');
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await sim.close();
});

/** Writes `request` on a raw TCP connection and resolves with what came back before the close. */
function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      answers.push(answer);
      resolve(answer);
      socket.destroy();
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(request);
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

const UPGRADE =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

/** The process is alive and still serves the page. */
async function stillUp(): Promise<void> {
  expect(child.exitCode).toBeNull();
  expect(child.signalCode).toBeNull();
  expect((await fetch(`${url.origin}/`)).status).toBe(200);
}

describe('web shell process under a hostile local client', () => {
  it('signs the agent in over a proven socket (the password then sits in the process)', async () => {
    const { ws } = await provenSocket(port, token);
    const answer = new Promise<string>((resolve) =>
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as ServerFrame;
        if (frame.kind === 'response') resolve(String(data));
      }),
    );
    ws.send(
      JSON.stringify({
        id: 1,
        channel: 'auth:sign-in',
        args: { serverUrl: sim.url, userName: USER.userName, password: PASSWORD, remember: false },
      }),
    );
    expect(JSON.parse(await answer)).toMatchObject({ result: { ok: true, value: { userName: USER.userName } } });
    ws.close();
  });

  it('answers malformed request targets with 400, over HTTP and Upgrade, and stays up', async () => {
    const host = `Host: 127.0.0.1:${port}\r\n`;
    for (const target of ['http://[', '//[', 'http://a:99999/', 'http://[::1']) {
      expect(await raw(`GET ${target} HTTP/1.1\r\n${host}\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
      expect(await raw(`GET ${target} HTTP/1.1\r\n${host}${UPGRADE}\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
      await stillUp();
    }
    // The exact probe of the audit: a wrong Host as well, so the Host check answers first.
    expect(await raw('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 421 /);
    expect(await raw(`GET http://[ HTTP/1.1\r\nHost: x\r\n${UPGRADE}\r\n`)).toMatch(/^HTTP\/1\.1 421 /);
    expect(await raw('\x00\x01garbage\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillUp();
  });

  it('refuses a wrong Host and a bad Origin, and stays up', async () => {
    expect(await raw(`GET / HTTP/1.1\r\nHost: evil.example:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 421 /);
    expect(
      await raw(`GET /ipc HTTP/1.1\r\nHost: evil.example:${port}\r\nOrigin: ${url.origin}\r\n${UPGRADE}\r\n`),
    ).toMatch(/^HTTP\/1\.1 421 /);
    for (const origin of ['http://evil.example', `http://localhost:${port}`, 'null']) {
      expect(await raw(`GET /ipc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n${UPGRADE}\r\n`)).toMatch(
        /^HTTP\/1\.1 403 /,
      );
    }
    await stillUp();
  });

  it('closes a socket that sends a frame over the limit with 1009, proven or not, and stays up', async () => {
    const { ws } = await provenSocket(port, token);
    const proven = closeCode(ws);
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20));
    expect(await proven).toBe(1009);
    const stranger = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { origin: url.origin });
    await opened(stranger);
    const code = closeCode(stranger);
    stranger.send(Buffer.alloc(300_000, 0x20), { binary: false });
    // Under the limit but not the handshake: refused as a policy violation, not a crash.
    expect(await code).toBe(1008);
    await stillUp();
  });

  it('gives a page that cannot prove the token nothing but a close, and stays up', async () => {
    const { ws } = await provenSocket(port, 'x'.repeat(43));
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    ws.send(JSON.stringify({ id: 2, channel: 'state:get', args: {} }));
    expect(await closeCode(ws)).toBe(1008);
    expect(frames).toEqual([]);
    answers.push(...frames);
    await stillUp();
  });

  // Root can run a client as another user (nobody, 65534); elsewhere this cannot be staged.
  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)(
    'drops a connection another local user opens, before answering anything',
    async () => {
      const request = `GET / HTTP/1.1\\r\\nHost: 127.0.0.1:${port}\\r\\nConnection: close\\r\\n\\r\\n`;
      const script = `exec 3<>/dev/tcp/127.0.0.1/${port} && printf '${request}' >&3 && cat <&3`;
      const asUser = (uid: number) =>
        new Promise<string>((resolve) => {
          let out = '';
          const client = spawn('bash', ['-c', script], { uid, gid: uid, stdio: ['ignore', 'pipe', 'ignore'] });
          client.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          client.on('exit', () => resolve(out));
        });
      const stranger = await asUser(65534);
      answers.push(stranger);
      expect(stranger).toBe('');
      expect(await asUser(0)).toMatch(/^HTTP\/1\.1 200 /);
      await stillUp();
    },
  );

  it('leaked neither the token nor the password in any answer or log line', () => {
    const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8'));
    for (const text of [...answers, output, ...logs]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(token);
    }
    expect(logs.join('')).toContain('Refused a WebSocket from another origin');
    if (process.platform === 'linux' && process.getuid?.() === 0) {
      expect(logs.join('')).toContain('Refused a connection from another local user');
    }
  });
});
