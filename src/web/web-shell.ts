// The web shell's server: the built renderer and the IPC contract over a WebSocket at /ipc, on
// loopback only, for pages that present this run's token from this server's own origin.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { type WebSocket, WebSocketServer } from 'ws';

import type { ConsoleCore } from '../main/core/console';
import type { Logger } from '../main/core/ports';
import { policyConnectingTo } from '../main/csp';
import type { Dispatch } from '../main/ipc/dispatch';
import { forwardCoreEvents } from '../main/ipc/events';
import type { SignIn } from '../main/sign-in';
import { isTrayAction, runTrayAction } from '../main/tray-actions';
import type { EventChannel, EventPayloads } from '../shared/ipc';
import { IPC_PATH, type RequestFrame, type ServerFrame, TOKEN_PARAM } from '../shared/web-protocol';
import type { WebNotifier } from './notifier';
import { pageFile } from './page';

export const HOST = '127.0.0.1';
const MAX_FRAME_BYTES = 256 * 1024;

export interface WebShellOptions {
  core: ConsoleCore;
  signIn: SignIn;
  dispatch: Dispatch;
  notifier: WebNotifier;
  log: Logger;
  rendererDir: string;
  token: string;
  port?: number;
  /** EVO_CONSOLE_TEST_HOOKS=1: /__test/notifications and /__test/tray exist. */
  testHooks?: boolean;
}

export interface WebShell {
  port: number;
  origin: string;
  /** What to open: the page, with the token in the fragment (never sent to the server by the browser). */
  url: string;
  close(): Promise<void>;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The `item` of a test-hook body {"item": "..."}; undefined for anything else. */
function trayItem(body: string): unknown {
  try {
    return (JSON.parse(body) as { item?: unknown } | null)?.item;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new Error('body too large');
  }
  return body;
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { core, log, token } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  const wsOrigin = `ws://${HOST}:${port}`;
  const host = `${HOST}:${port}`;
  const policy = policyConnectingTo(wsOrigin);
  let pages = 0;

  function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  }

  async function testHook(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!sameToken(url.searchParams.get(TOKEN_PARAM), token)) return send(res, 403, 'Forbidden');
    if (req.method === 'GET' && url.pathname === '/__test/notifications') {
      return send(res, 200, JSON.stringify(options.notifier.raised()), 'application/json');
    }
    if (req.method === 'POST' && url.pathname === '/__test/tray') {
      const item = trayItem(await readBody(req, 1024).catch(() => ''));
      const target = {
        core,
        signIn: options.signIn,
        showWindow: () => core.setWindowVisible(true),
        hideWindow: () => core.setWindowVisible(false),
      };
      if (!isTrayAction(item) || !(await runTrayAction(item, target))) return send(res, 400, 'Unknown tray item');
      return send(res, 200, JSON.stringify({ ok: true }), 'application/json');
    }
    return send(res, 404, 'Not found');
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== host) return send(res, 421, 'Wrong host');
    if (options.testHooks && url.pathname.startsWith('/__test/')) {
      testHook(req, res, url).catch((error: unknown) => {
        log.error('Test hook failed', { error: error instanceof Error ? error.message : String(error) });
        send(res, 500, 'Test hook failed');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    pageFile(options.rendererDir, url.pathname, wsOrigin).then(
      (file) => {
        if (!file) return send(res, 404, 'Not found');
        send(res, 200, req.method === 'HEAD' ? '' : file.body, file.type);
      },
      () => send(res, 500, 'Could not read the page'),
    );
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== IPC_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (req.headers.host !== host || req.headers.origin !== origin) {
      log.warn('Refused a WebSocket from another origin', { origin: String(req.headers.origin ?? 'none') });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (!sameToken(url.searchParams.get(TOKEN_PARAM), token)) {
      log.warn('Refused a WebSocket without the access token');
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const frame = (f: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(f));
    };
    const sendEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
      frame({ kind: 'event', event, payload });
    pages += 1;
    core.setWindowVisible(true);
    const detach = [forwardCoreEvents(core, sendEvent), options.notifier.attach(sendEvent)];
    ws.on('message', (data) => {
      let request: Partial<RequestFrame>;
      try {
        request = JSON.parse(String(data)) as Partial<RequestFrame>;
      } catch {
        return ws.close(1007, 'Not JSON');
      }
      if (typeof request !== 'object' || request === null || !Number.isSafeInteger(request.id)) {
        return ws.close(1008, 'Frame without an id');
      }
      const id = request.id as number;
      options.dispatch(request.channel, request.args).then((result) => frame({ kind: 'response', id, result }));
    });
    ws.on('close', () => {
      for (const off of detach) off();
      pages -= 1;
      if (pages === 0) core.setWindowVisible(false);
    });
  });

  return {
    port,
    origin,
    url: `${origin}/#${TOKEN_PARAM}=${token}`,
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
