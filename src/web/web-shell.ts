// The web shell's server: the built renderer at once, and the IPC contract over a WebSocket at /ipc
// (web-sockets.ts) once the console is loaded, on loopback only. The page is served before the
// console is loaded, so that the browser fetches and runs it while Node loads the rest (issue 25,
// web start); an upgrade that comes first waits for it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import type { Logger } from '../main/core/ports';
import { policyConnectingTo } from '../main/csp';
import { IPC_PATH, TOKEN_PARAM } from '../shared/web-protocol';
import { refuseUpgrade } from './http-answers';
import { pageFile } from './page';
import { fromThisUser } from './peer-user';
import type { ShellConsole, Sockets } from './web-sockets';

export type { ShellConsole } from './web-sockets';

export const HOST = '127.0.0.1';
/** With `load`: the console is loaded this long after listening if no page asked for it first. */
const LOAD_AFTER_MS = 1000;
/** Upgrades that may wait for the console to load (the same as may wait unproven once it has). */
const MAX_WAITING_UPGRADES = 8;

interface WebShellBase {
  log: Logger;
  rendererDir: string;
  token: string;
  port?: number;
  /** EVO_CONSOLE_TEST_HOOKS=1: /__test/notifications and /__test/tray exist. */
  testHooks?: boolean;
  /** Called each time a page has proved the token, after its first requests were taken. */
  onPageAdmitted?: () => void;
}

/**
 * The console as it is, or `load`: called once, when a page has its script (no page file left to
 * send), when a socket or test hook needs it, or `loadAfterMs` after listening, whichever is first.
 */
export type WebShellOptions = WebShellBase &
  (ShellConsole | { load: () => Promise<ShellConsole>; loadAfterMs?: number });

export interface WebShell {
  port: number;
  origin: string;
  /** What to open: the page, with the token in the fragment (never sent to the server by the browser). */
  url: string;
  close(): Promise<void>;
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { log, token } = options;
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
  /** Page files being sent, and whether a script was among those sent. */
  let sending = 0;
  let scriptSent = false;
  /** Upgrades waiting for the console to load. */
  let waiting = 0;

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

  let sockets: Promise<Sockets> | undefined;
  /** The live half, loading it (and the console) on first use. */
  function live(): Promise<Sockets> {
    sockets ??= (async () => {
      const parts = 'load' in options ? await options.load() : options;
      const { createSockets } = await import('./web-sockets');
      const { core, signIn, dispatch, notifier } = parts;
      return createSockets({
        core,
        signIn,
        dispatch,
        notifier,
        log,
        token,
        send,
        onPageAdmitted: options.onPageAdmitted,
      });
    })();
    return sockets;
  }
  const loadTimer =
    'load' in options
      ? setTimeout(() => void live().catch(() => undefined), options.loadAfterMs ?? LOAD_AFTER_MS)
      : undefined;

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
      live()
        .then((live) => live.testHook(req, res, url))
        .catch((error: unknown) => {
          log.error('Test hook failed', { error: error instanceof Error ? error.message : String(error) });
          send(res, 500, 'Test hook failed');
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    sending += 1;
    res.once('close', () => {
      sending -= 1;
      // The page has its files: the browser runs them while Node loads the console.
      if (sending === 0 && scriptSent) setImmediate(() => void live().catch(() => undefined));
    });
    pageFile(options.rendererDir, url.pathname, wsOrigin).then(
      (file) => {
        if (!file) return send(res, 404, 'Not found');
        if (file.type.startsWith('text/javascript')) scriptSent = true;
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
    // While the console loads, as many may wait as may later wait unproven: no more sockets held open.
    if (waiting >= MAX_WAITING_UPGRADES) {
      log.warn('Refused a WebSocket: too many are waiting for the console to load');
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    waiting += 1;
    live()
      .then(
        (live) => {
          if (!socket.destroyed) live.accept(req, socket, head);
        },
        (error: unknown) => {
          failed('Loading the console', error);
          refuseUpgrade(socket, 503, 'Service Unavailable');
        },
      )
      .finally(() => (waiting -= 1));
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

  return {
    port,
    origin,
    url: `${origin}/#${TOKEN_PARAM}=${token}`,
    async close() {
      clearTimeout(loadTimer);
      (await sockets?.catch(() => undefined))?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
