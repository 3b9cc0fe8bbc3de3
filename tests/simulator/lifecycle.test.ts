// Starting and stopping: free ports, close() with hanging and keep-alive connections, HTTP control, the CLI.
import { spawn } from 'node:child_process';
import { request } from 'node:http';

import { describe, expect, it } from 'vitest';

import { basic, call, start } from './support';

describe('startSimulator / close', () => {
  it('picks a free loopback port and answers at its url', async () => {
    const [a, b] = [await start(), await start()];
    try {
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.port).not.toBe(b.port);
      expect((await call(a, '/sessions')).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('closes promptly with a hanging request and a keep-alive socket open', async () => {
    const sim = await start();
    sim.control.addFault({ endpoint: 'sessions', kind: 'hang', count: 1 });
    const hanging = new Promise<string>((resolve) => {
      const req = request(`${sim.url}/sessions`, { headers: { authorization: basic() } });
      req.on('error', (e) => resolve(e.message));
      req.on('response', () => resolve('answered'));
      req.end();
    });
    const keepAlive = await fetch(`${sim.url}/auth/status`, {
      headers: { authorization: basic(), connection: 'keep-alive' },
    });
    expect(keepAlive.status).toBe(200);
    await expect.poll(() => sim.control.requests({ pathPrefix: '/sessions' }).length).toBe(1);

    const t0 = performance.now();
    await sim.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
    await expect(fetch(`${sim.url}/sessions`)).rejects.toThrow();
    await sim.close();
  });
});

describe('POST /__sim/control', () => {
  it('runs a control op with httpControl, and refuses an unknown op', async () => {
    const sim = await start({ httpControl: true });
    try {
      const control = (op: string, args: unknown[] = []) =>
        fetch(`${sim.url}/__sim/control`, { method: 'POST', body: JSON.stringify({ op, args }) }).then(async (r) => ({
          status: r.status,
          body: await r.json(),
        }));
      const added = await control('addSession', [{ accountId: 'acct-south', fromName: 'Via HTTP' }]);
      expect(added.status).toBe(200);
      expect(added.body.result).toMatchObject({ id: expect.stringMatching(/^sess-/), fromName: 'Via HTTP' });
      const missed = await control('missCall', [added.body.result.id]);
      expect(missed.body.result).toMatchObject({
        wasMissed: true,
        ended: true,
        callState: 'Disconnected',
        outcome: 'Missed',
      });
      expect((await control('advance', [60_000])).body).toEqual({ result: null });
      expect((await control('now')).body.result).toBe(sim.control.now());
      expect((await control('missCall', ['sess-999999'])).status).toBe(404);
      expect((await control('selfDestruct')).status).toBe(400);
      expect(sim.control.requests({ pathPrefix: '/__sim' })).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});

describe('the CLI', () => {
  const run = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', ...args], { cwd: process.cwd() });
  /** The url the CLI prints, once its whole banner is out, and the banner. */
  const listening = (child: ReturnType<typeof run>) =>
    new Promise<{ url: string; out: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1] !== undefined && out.includes('Ctrl-C')) resolve({ url: m[1], out });
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });

  it('prints its url and the demo credentials, serves, and stops cleanly on Ctrl-C', async () => {
    const child = run(['--port', '0', '--seed', '3', '--control']);
    const { url, out } = await listening(child);
    expect(out).toContain('demo@evovoice.example / demo-password');
    const res = await fetch(`${url}/sessions`, { headers: { authorization: basic() } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('serves the strict behaviours --strict names, and says which at start', async () => {
    const child = run(['--port', '0', '--strict', 'maxPageSize=2,referencePaging']);
    const { url, out } = await listening(child);
    try {
      expect(out).toContain('Strict: maxPageSize=2, referencePaging=true');
      const res = await fetch(`${url}/sessions?CountPerPage=25`, { headers: { authorization: basic() } });
      const body = (await res.json()) as { items: unknown[]; hasMorePages?: boolean; totalPages: number };
      expect(body.items).toHaveLength(2);
      expect(body.hasMorePages).toBeUndefined();
      expect(body.totalPages).toBeGreaterThan(1);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('refuses an unknown --strict switch with a one-line usage error', async () => {
    const child = run(['--strict', 'pageCap=2']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain("Unknown strictness 'pageCap'");
  });

  it('answers a bad flag with a one-line usage error', async () => {
    const child = run(['--prot', '80']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('usage: simulator');
  });
});
