// The web shell's server: the built renderer and the IPC contract over a WebSocket at /ipc, on
// loopback only, for pages from this server's own origin that prove they hold this run's token
// (web-protocol.ts), after this server proved it holds it too.
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
import {
  IPC_PATH,
  newNonce,
  NONCE_MAX_CHARS,
  proofText,
  type RequestFrame,
  type ServerFrame,
  TOKEN_PARAM,
  tokenProof,
} from '../shared/web-protocol';
import { maxRequestFrameBytes } from './frame-limit';
import type { WebNotifier } from './notifier';
import { pageFile } from './page';
import { fromThisUser } from './peer-user';

export const HOST = '127.0.0.1';
/** Every request the contract accepts fits in one frame (12 MB: 10,000 ids of 200 escaped characters). */
export const MAX_FRAME_BYTES = maxRequestFrameBytes();
/** A page must prove the token within this time, in frames this small, and only so many may be trying at once. */
const HANDSHAKE_MS = 10_000;
const HANDSHAKE_FRAME_CHARS = 1024;
const MAX_UNPROVEN_SOCKETS = 8;

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
  /** Called each time a page has proved the token, after its first requests were taken. */
  onPageAdmitted?: () => void;
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
  let unproven = 0;

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

  /** The request target as a URL on this origin, or undefined when it does not parse (`GET http://[`). */
  function target(req: IncomingMessage): URL | undefined {
    try {
      return new URL(req.url ?? '/', origin);
    } catch {
      return undefined;
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (req.headers.host !== host) return send(res, 421, 'Wrong host');
    const url = target(req);
    if (!url) return send(res, 400, 'Bad request');
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
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (req.headers.host !== host) return refuseUpgrade(socket, 421, 'Misdirected Request');
    const url = target(req);
    if (!url) return refuseUpgrade(socket, 400, 'Bad Request');
    if (url.pathname !== IPC_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (req.headers.origin !== origin) {
      log.warn('Refused a WebSocket from another origin', { origin: String(req.headers.origin ?? 'none') });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (unproven >= MAX_UNPROVEN_SOCKETS) {
      log.warn('Refused a WebSocket: too many connections have not proved the token yet');
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  // Nothing a client sends may end the process: anything unexpected is logged and that one
  // request or socket is dropped.
  const failed = (what: string, error: unknown) =>
    log.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) });
  // Linux: a connection another local user opened is dropped before a byte of it is read.
  server.on('connection', (socket) => {
    if (fromThisUser(socket.remotePort, port)) return;
    log.warn('Refused a connection from another local user');
    socket.destroy();
  });
  server.on('request', (req, res) => {
    try {
      onRequest(req, res);
    } catch (error) {
      failed('A page request', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    try {
      onUpgrade(req, socket, head);
    } catch (error) {
      failed('A WebSocket upgrade', error);
      socket.destroy();
    }
  });
  server.on('clientError', (error, socket) => {
    log.warn('Refused a malformed HTTP request', { error: error.message });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  wss.on('error', (error) => failed('The WebSocket server', error));

  /** The page-side half of the handshake (web-protocol.ts); resolves true once the page proved the token. */
  function handshake(ws: WebSocket, text: string, nonces: { page?: string; server?: string }): Promise<boolean> {
    let frame: { kind?: unknown; nonce?: unknown; proof?: unknown } | null;
    try {
      frame = text.length <= HANDSHAKE_FRAME_CHARS ? (JSON.parse(text) as typeof frame) : null;
    } catch {
      frame = null;
    }
    if (
      !nonces.page &&
      frame?.kind === 'hello' &&
      typeof frame.nonce === 'string' &&
      frame.nonce.length <= NONCE_MAX_CHARS
    ) {
      const page = frame.nonce;
      const mine = newNonce();
      nonces.page = page;
      nonces.server = mine;
      return tokenProof(token, proofText('server', page, mine)).then((proof) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'proof', nonce: mine, proof }));
        return false;
      });
    }
    if (nonces.page && nonces.server && frame?.kind === 'proof' && typeof frame.proof === 'string') {
      const given = frame.proof;
      return tokenProof(token, proofText('page', nonces.server, nonces.page)).then((expected) => {
        if (sameToken(given, expected)) return true;
        log.warn('Refused a WebSocket whose page could not prove the access token');
        ws.close(1008, 'Not authenticated');
        return false;
      });
    }
    log.warn('Refused a WebSocket that did not start with the handshake');
    ws.close(1008, 'Handshake first');
    return Promise.resolve(false);
  }

  wss.on('connection', (ws: WebSocket) => {
    // ws closes the socket itself on a protocol error (1009 for a frame over maxPayload, 1002 for a
    // bad frame); without this listener its 'error' event would end the process.
    ws.on('error', (error) => log.warn('Closed a page socket after a protocol error', { error: error.message }));
    const frame = (f: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(f));
    };
    const sendEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
      frame({ kind: 'event', event, payload });
    let detach: (() => void)[] | undefined;
    unproven += 1;
    const nonces: { page?: string; server?: string } = {};
    const deadline = setTimeout(() => {
      log.warn('Closed a WebSocket that did not prove the access token in time');
      ws.close(1008, 'Handshake timeout');
    }, HANDSHAKE_MS);

    /** Once the page proved the token: it counts as a page and gets events. */
    function admit(): void {
      clearTimeout(deadline);
      unproven -= 1;
      pages += 1;
      core.setWindowVisible(true);
      detach = [forwardCoreEvents(core, sendEvent), options.notifier.attach(sendEvent)];
      if (options.onPageAdmitted) setImmediate(options.onPageAdmitted);
    }

    function onRequestFrame(text: string): void {
      let request: Partial<RequestFrame>;
      try {
        request = JSON.parse(text) as Partial<RequestFrame>;
      } catch {
        return ws.close(1007, 'Not JSON');
      }
      if (typeof request !== 'object' || request === null || !Number.isSafeInteger(request.id)) {
        return ws.close(1008, 'Frame without an id');
      }
      const id = request.id as number;
      options.dispatch(request.channel, request.args).then((result) => frame({ kind: 'response', id, result }));
    }

    // Frames are handled one after another: the page sends its proof and its first requests back to
    // back, and the requests must wait for the (asynchronous) proof check.
    let inbox = Promise.resolve();
    ws.on('message', (data) => {
      const text = String(data);
      inbox = inbox
        .then(async () => {
          if (ws.readyState !== ws.OPEN) return;
          if (detach) return onRequestFrame(text);
          // A socket that closed while its proof was checked is not admitted (its close already ran).
          if ((await handshake(ws, text, nonces)) && ws.readyState === ws.OPEN) admit();
        })
        .catch((error: unknown) => {
          failed('A page frame', error);
          ws.close(1011, 'Internal error');
        });
    });
    ws.on('close', () => {
      clearTimeout(deadline);
      if (!detach) {
        unproven -= 1;
        return;
      }
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
