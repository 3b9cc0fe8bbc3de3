// ConsoleApi over the web shell's WebSocket: first makes the server prove it holds this page's token
// (and proves it back, without sending it), then correlates requests and answers, fans events out to
// listeners, and reconnects with capped exponential backoff when the connection drops. A server that
// cannot prove the token gets nothing, and the page stops and tells the agent to open the new link.
import type {
  ConsoleApi,
  EventChannel,
  EventPayloads,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../../shared/ipc';
import type { ConsoleState } from '../../../shared/live';
import {
  type HelloFrame,
  LOST_CONNECTION,
  newNonce,
  NO_TOKEN,
  type PageProofFrame,
  proofText,
  type RequestFrame,
  type ServerFrame,
  type ServerProofFrame,
  tokenProof,
  UNPROVEN_SERVER,
} from '../../../shared/web-protocol';

/** The part of the browser WebSocket the client uses (the `ws` package provides it too, for tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface WebClientOptions {
  /** ws://127.0.0.1:PORT/ipc (the token never goes in it). */
  url: string;
  /** This run's access token, from the page's link; undefined when the page has none. */
  token: string | undefined;
  connect?: (url: string) => SocketLike;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** First retry delay; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long the server has to prove the token before the page drops the socket and tries again. */
  proofTimeoutMs?: number;
}

export interface WebClient extends ConsoleApi {
  /** Stops reconnecting and closes the socket; pending requests fail with a network error. */
  close(): void;
}

const OPEN = 1;

/** Constant-time enough for two base64url strings of a fixed length. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The server's proof frame, or undefined for anything else. */
function parseProof(data: unknown): Partial<ServerProofFrame> | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const frame = JSON.parse(data) as unknown;
    return typeof frame === 'object' && frame !== null ? (frame as Partial<ServerProofFrame>) : undefined;
  } catch {
    return undefined;
  }
}

export function createWebClient(options: WebClientOptions): WebClient {
  const connect = options.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const firstBackoff = options.backoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const proofTimeout = options.proofTimeoutMs ?? 10_000;
  const token = options.token;

  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const queued: RequestFrame[] = [];
  let nextId = 1;
  /** The socket once the server proved the token: only then does any request go out. */
  let ready: SocketLike | undefined;
  let socket: SocketLike | undefined;
  let backoff = firstBackoff;
  let closed = false;
  /** Set when a server could not prove the token: every request answers it from then on. */
  let refused: typeof UNPROVEN_SERVER | undefined;
  /** The last state the real server reported, to show the agent why the page stopped. */
  let lastState: ConsoleState | undefined;

  function failAll(error = LOST_CONNECTION): void {
    queued.length = 0;
    for (const resolve of pending.values()) resolve({ ok: false, error });
    pending.clear();
  }

  function emit(event: EventChannel, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  /** Stops for good: the socket is dropped, nothing more is sent, and the agent reads what to do. */
  function refuse(ws: SocketLike): void {
    if (refused) return;
    refused = UNPROVEN_SERVER;
    closed = true;
    if (socket === ws) socket = undefined;
    ready = undefined;
    ws.close();
    failAll(UNPROVEN_SERVER);
    if (lastState) {
      emit('state:changed', { ...lastState, connection: { status: 'offline', message: UNPROVEN_SERVER.message } });
    }
  }

  function onFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.kind === 'response') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      const result = frame.result as IpcResult<{ state?: ConsoleState }>;
      if (result.ok && result.value?.state?.connection) lastState = result.value.state;
      resolve?.(frame.result);
    } else if (frame.kind === 'event') {
      if (frame.event === 'state:changed') lastState = frame.payload as ConsoleState;
      emit(frame.event, frame.payload);
    }
  }

  /** Checks the server's answer to our hello; on success proves the token back and sends what waited. */
  async function onProof(ws: SocketLike, secret: string, myNonce: string, data: unknown): Promise<void> {
    const frame = parseProof(data);
    const ok =
      frame?.kind === 'proof' &&
      typeof frame.nonce === 'string' &&
      typeof frame.proof === 'string' &&
      sameText(frame.proof, await tokenProof(secret, proofText('server', myNonce, frame.nonce)));
    if (socket !== ws || closed) return;
    if (!ok || !frame?.nonce) return refuse(ws);
    const proof: PageProofFrame = {
      kind: 'proof',
      proof: await tokenProof(secret, proofText('page', frame.nonce, myNonce)),
    };
    if (socket !== ws || closed) return;
    ws.send(JSON.stringify(proof));
    ready = ws;
    backoff = firstBackoff;
    for (const queuedFrame of queued.splice(0)) ws.send(JSON.stringify(queuedFrame));
  }

  function open(url: string, secret: string): void {
    const ws = connect(url);
    socket = ws;
    const myNonce = newNonce();
    let proving: Promise<void> | undefined;
    ws.onopen = () => {
      const hello: HelloFrame = { kind: 'hello', nonce: myNonce };
      ws.send(JSON.stringify(hello));
      later(() => {
        if (socket === ws && ready !== ws) ws.close();
      }, proofTimeout);
    };
    ws.onmessage = (ev) => {
      if (ready === ws) return onFrame(ev.data);
      // Anything before the proof, or a second frame while the first is being checked, is refused.
      if (proving) return refuse(ws);
      proving = onProof(ws, secret, myNonce, ev.data).catch(() => refuse(ws));
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      ready = undefined;
      failAll();
      if (closed) return;
      const delay = backoff;
      backoff = Math.min(backoff * 2, maxBackoff);
      later(() => {
        if (!closed) open(url, secret);
      }, delay);
    };
  }

  function send(channel: string, args: unknown): Promise<IpcResult<unknown>> {
    if (!token) return Promise.resolve({ ok: false, error: NO_TOKEN });
    if (refused) return Promise.resolve({ ok: false, error: refused });
    if (closed) return Promise.resolve({ ok: false, error: LOST_CONNECTION });
    const frame: RequestFrame = { id: nextId++, channel, args };
    return new Promise((resolve) => {
      pending.set(frame.id, resolve);
      if (ready?.readyState === OPEN) ready.send(JSON.stringify(frame));
      else queued.push(frame);
    });
  }

  if (token) open(options.url, token);

  return {
    invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>) {
      return send(channel, args) as Promise<IpcResult<RequestResult<C>>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventPayloads[E]);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    close() {
      closed = true;
      const ws = socket;
      socket = undefined;
      ready = undefined;
      failAll();
      ws?.close();
    },
  };
}
