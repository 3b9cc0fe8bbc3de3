// The Electron shell's adapters that need no electron module: the app:// handler (files served
// with the CSP, traversal refused), the session fetch (on the stand-in's model of Electron's
// net.request: cookies kept, a manual redirect answered with its 3xx, against the simulator over
// real HTTP), the quit cap,
// the tray-host check and renderer recovery.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appFilePath, appRequestHandler } from '../../src/main/app-protocol';
import { createEvoVoiceClient } from '../../src/main/core/client';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { createQuitControl } from '../../src/main/quit';
import { createSessionFetch } from '../../src/main/session-fetch';
import { desktopHasTray } from '../../src/main/tray-host';
import { RELOAD_LIMIT, watchRenderer } from '../../src/main/window-recovery';
import { DEMO_USER, type Simulator, startSimulator } from '../../src/simulator/index';
import { fetchWithSession, netLog, netRequest, type StandInRequestOptions } from '../launch/stand-in-net';
import { recordingLog } from './recording-core';

describe('app:// handler', () => {
  const root = mkdtempSync(join(tmpdir(), 'evo-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'a.js'), 'x');
  writeFileSync(join(tmpdir(), 'evo-secret.txt'), 'secret');

  it('serves the renderer folder with the CSP header and a content type', async () => {
    const { log } = recordingLog();
    const handle = appRequestHandler(root, log);
    const page = await handle(new Request('app://console/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await handle(new Request('app://console/assets/a.js'))).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await handle(new Request('app://console/assets/none.js'))).status).toBe(404);
    expect((await handle(new Request('app://console/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('refuses anything outside the folder or on another host', async () => {
    const { log, lines } = recordingLog();
    const handle = appRequestHandler(root, log);
    for (const url of [
      'app://console/../evo-secret.txt',
      'app://console/%2e%2e/evo-secret.txt',
      'app://console/assets/%2e%2e%2f%2e%2e%2fevo-secret.txt',
      'app://console/..%5c..%5cevo-secret.txt',
      'app://console/%00index.html',
      'app://other/index.html',
    ]) {
      expect((await handle(new Request(url))).status, url).toBeGreaterThanOrEqual(403);
      expect(appFilePath(root, url), url).not.toBe(join(tmpdir(), 'evo-secret.txt'));
    }
    expect(appFilePath(root, 'app://console/assets/%2e%2e%2f%2e%2e%2fevo-secret.txt')).toBeUndefined();
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe('session fetch', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ host: '127.0.0.1', clock: 'manual', scenario: false });
  });
  afterAll(() => sim.close());
  const viaNet = () => createSessionFetch((options) => netRequest(options, () => true));

  it('keeps every session cookie, never using the session jar', async () => {
    netLog.length = 0;
    const client = createEvoVoiceClient({ baseUrl: sim.url, fetch: viaNet() });
    await client.signIn(DEMO_USER.userName, DEMO_USER.password);
    await client.authStatus();
    expect(sim.control.requests({ pathPrefix: '/auth' }).at(-1)?.auth).toBe('cookie');
    expect(client.hasSession()).toBe(true);
    expect(netLog.map((o) => [o.credentials, o.useSessionCookies, o.redirect])).toEqual([
      ['omit', false, 'manual'],
      ['omit', false, 'manual'],
    ]);
  });

  it("answers a manual redirect with the 3xx and its Location, where Electron's session.fetch fails", async () => {
    sim.control.setStrictness({ fileRedirects: true });
    const client = createEvoVoiceClient({ baseUrl: sim.url, fetch: viaNet() });
    await client.signIn(DEMO_USER.userName, DEMO_USER.password);
    const session = sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing' });
    sim.control.missCall(String(session.id));
    const file = sim.control.addVoicemail(String(session.id), {});
    sim.control.clearRequests();
    const audio = await client.getFile(String(file.uri), 1024 * 1024);
    expect(audio.contentType).toBe('audio/wav');
    expect(Buffer.from(audio.bytes).subarray(0, 4).toString('ascii')).toBe('RIFF');
    const hops = sim.control.requests({ pathPrefix: '/files/' }).map((r) => r.status);
    expect(hops).toEqual([302, 200]);
  });

  it("models Electron's session.fetch: a manual redirect fails as cancelled, a followed one arrives", async () => {
    const proxy = createServer((req, res) => {
      if (req.url === '/sso') res.writeHead(302, { Location: '/login' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('login page');
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/sso`;
    const request = (options: StandInRequestOptions) => netRequest(options, () => true);
    try {
      await expect(fetchWithSession(url, { redirect: 'manual' }, request)).rejects.toThrow('Redirect was cancelled');
      expect(await (await fetchWithSession(url, {}, request)).text()).toBe('login page');
      const manual = await viaNet()(url, { redirect: 'manual' });
      expect([manual.status, manual.headers.get('location')]).toEqual([302, '/login']);
    } finally {
      proxy.close();
    }
  });

  it("stops reading a body that stalls once the request is cancelled (the core's time limit)", async () => {
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
    });
    await new Promise<void>((done) => stalling.listen(0, '127.0.0.1', done));
    try {
      const cancel = new AbortController();
      const response = await viaNet()(`http://127.0.0.1:${(stalling.address() as AddressInfo).port}/`, {
        signal: cancel.signal,
      });
      setTimeout(() => cancel.abort(new Error('took too long')), 100);
      await expect(response.text()).rejects.toThrow();
    } finally {
      stalling.closeAllConnections();
      stalling.close();
    }
  });

  it('reports a refused connection as an error, a cancelled request with its reason', async () => {
    const fetch = viaNet();
    await expect(fetch('http://127.0.0.1:1/', {})).rejects.toThrow('net::ERR_CONNECTION_REFUSED');
    const cancel = new AbortController();
    const pending = fetch(`${sim.url}/auth`, { signal: cancel.signal });
    cancel.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('quit', () => {
  it('holds the first quit back until stopped, at most the cap, then quits once', async () => {
    let quits = 0;
    const control = createQuitControl({ stop: () => new Promise(() => undefined), quit: () => quits++, capMs: 50 });
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    const started = Date.now();
    control.beforeQuit(event);
    expect(control.quitting).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(quits).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    control.beforeQuit(event);
    expect(prevented).toBe(1);
  });

  it('never holds back a quit once the OS session ends (shutdown, log-off, update)', () => {
    let stops = 0;
    const control = createQuitControl({ stop: async () => void stops++, quit: () => undefined });
    control.sessionEnding();
    let prevented = false;
    control.beforeQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    expect(control.quitting).toBe(true);
    expect(stops).toBe(1);
  });
});

describe('tray host', () => {
  it('asks D-Bus for a StatusNotifierWatcher on Linux only', async () => {
    const asked: string[][] = [];
    const answer = (out: string) => async (file: string, args: string[]) => {
      asked.push([file, ...args]);
      return out;
    };
    expect(await desktopHasTray('win32', answer('(false,)'))).toBe(true);
    expect(await desktopHasTray('darwin', answer('(false,)'))).toBe(true);
    expect(asked).toEqual([]);
    expect(await desktopHasTray('linux', answer('(true,)\n'))).toBe(true);
    expect(await desktopHasTray('linux', answer('(false,)\n'))).toBe(false);
    expect(asked[0]).toContain('org.kde.StatusNotifierWatcher');
  });
});

describe('renderer recovery', () => {
  function fakeWindow() {
    const contents = Object.assign(new EventEmitter(), { reloads: 0, reload: () => contents.reloads++ });
    return { webContents: contents, isDestroyed: () => false };
  }

  it('reloads a crashed or unloadable page a few times, then asks, naming the log file', async () => {
    const win = fakeWindow();
    const { log, lines } = recordingLog();
    const asked: string[] = [];
    let quits = 0;
    watchRenderer(win as never, {
      log,
      logFile: '/logs/main.log',
      ask: async (_message, detail) => {
        asked.push(detail);
        return 1;
      },
      quit: () => quits++,
      now: () => 1000,
    });
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://console/index.html', true);
    expect(win.webContents.reloads).toBe(0);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    win.webContents.emit('preload-error', {}, '/p.cjs', new Error('boom'));
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://console/index.html', true);
    expect(win.webContents.reloads).toBe(RELOAD_LIMIT);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await new Promise((r) => setImmediate(r));
    expect(asked[0]).toContain('/logs/main.log');
    expect(quits).toBe(1);
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(4);
  });
});
