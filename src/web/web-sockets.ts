// The web shell's live half, loaded with the console once the page is served (web-shell.ts): the
// IPC contract over a WebSocket at /ipc for pages from this server's own origin that prove they
// hold this run's token (web-protocol.ts), after this server proved it holds it too; and the e2e
// test hooks.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

import { type WebSocket, WebSocketServer } from 'ws';

import type { ConsoleCore } from '../main/core/console';
import type { Logger } from '../main/core/ports';
import type { Dispatch } from '../main/ipc/dispatch';
import { forwardCoreEvents } from '../main/ipc/events';
import type { SignIn } from '../main/sign-in';
import { isTrayAction, runTrayAction } from '../main/tray-actions';
import type { EventChannel, EventPayloads } from '../shared/ipc';
import {
  newNonce,
  NONCE_MAX_CHARS,
  proofText,
  type RequestFrame,
  type ServerFrame,
  TOKEN_PARAM,
  tokenProof,
} from '../shared/web-protocol';
import { maxRequestFrameBytes } from './frame-limit';
import { refuseUpgrade } from './http-answers';
import type { WebNotifier } from './notifier';

/** Every request the contract accepts fits in one frame (12 MB: 10,000 ids of 200 escaped characters). */
export const MAX_FRAME_BYTES = maxRequestFrameBytes();
/** A page must prove the token within this time, in frames this small, and only so many may be trying at once. */
const HANDSHAKE_MS = 10_000;
const HANDSHAKE_FRAME_CHARS = 1024;
const MAX_UNPROVEN_SOCKETS = 8;

/** The console a page talks to. */
export interface ShellConsole {
  core: ConsoleCore;
  signIn: SignIn;
  dispatch: Dispatch;
  notifier: WebNotifier;
}

export interface SocketsOptions extends ShellConsole {
  log: Logger;
  token: string;
  /** Answers an HTTP request with the shell's headers. */
  send: (res: ServerResponse, status: number, body: string, type?: string) => void;
  onPageAdmitted?: () => void;
}

export interface Sockets {
  /** An upgrade to /ipc whose Host, path and Origin were checked. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** A request under /__test/ (only when the shell has test hooks). */
  testHook(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  close(): void;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
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

export function createSockets(options: SocketsOptions): Sockets {
  const { core, log, token, send } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let pages = 0;
  let unproven = 0;
  const failed = (what: string, error: unknown) =>
    log.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) });
  wss.on('error', (error) => failed('The WebSocket server', error));

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
    accept(req, socket, head) {
      if (unproven >= MAX_UNPROVEN_SOCKETS) {
        log.warn('Refused a WebSocket: too many connections have not proved the token yet');
        return refuseUpgrade(socket, 503, 'Service Unavailable');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    testHook,
    close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      wss.close();
    },
  };
}
