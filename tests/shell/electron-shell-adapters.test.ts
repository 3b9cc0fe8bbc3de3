// The Electron shell's adapters that need no electron module: the app:// handler (files served
// with the CSP, traversal refused), the session fetch (cookies joined as Electron's net.fetch
// joins them, split back for the core's jar, against the simulator over real HTTP), the quit cap,
// the tray-host check and renderer recovery.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appFilePath, appRequestHandler } from '../../src/main/app-protocol';
import { createEvoVoiceClient } from '../../src/main/core/client';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { createQuitControl } from '../../src/main/quit';
import { createSessionFetch, splitSetCookie } from '../../src/main/session-fetch';
import { desktopHasTray } from '../../src/main/tray-host';
import { RELOAD_LIMIT, watchRenderer } from '../../src/main/window-recovery';
import { DEMO_USER, type Simulator, startSimulator } from '../../src/simulator/index';
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

  it('splits joined Set-Cookie values, keeping the comma inside Expires', () => {
    expect(
      splitSetCookie('ss-id=a; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly, ss-pid=b, ss-opt=perm'),
    ).toEqual(['ss-id=a; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly', 'ss-pid=b', 'ss-opt=perm']);
  });

  it('keeps every session cookie over a fetch that joins them as Electron does, never using the session jar', async () => {
    const credentials: (string | undefined)[] = [];
    const cookiesSent: string[] = [];
    // What Electron's net.fetch hands back: repeated headers joined with ", ".
    const electronLike: typeof fetch = async (input, init) => {
      credentials.push(init?.credentials);
      cookiesSent.push(new Headers(init?.headers).get('cookie') ?? '');
      const response = await fetch(input, init);
      const headers = new Headers();
      for (const [k, v] of response.headers) if (k !== 'set-cookie') headers.set(k, v);
      const lines = response.headers.getSetCookie();
      if (lines.length) headers.set('set-cookie', lines.join(', '));
      return new Response(response.body, { status: response.status, headers });
    };
    const namesSent = () =>
      (cookiesSent.at(-1) ?? '')
        .split('; ')
        .map((c) => c.split('=')[0])
        .sort();

    const unsplit = createEvoVoiceClient({ baseUrl: sim.url, fetch: electronLike });
    await unsplit.signIn(DEMO_USER.userName, DEMO_USER.password);
    await unsplit.authStatus().catch(() => undefined);
    expect(namesSent(), 'the joined header loses cookies when not split').not.toEqual(['ss-id', 'ss-opt', 'ss-pid']);

    const client = createEvoVoiceClient({ baseUrl: sim.url, fetch: createSessionFetch(electronLike) });
    await client.signIn(DEMO_USER.userName, DEMO_USER.password);
    await client.authStatus();
    expect(namesSent()).toEqual(['ss-id', 'ss-opt', 'ss-pid']);
    expect(client.hasSession()).toBe(true);
    expect(credentials.slice(-2)).toEqual(['omit', 'omit']);
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
