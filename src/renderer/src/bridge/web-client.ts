// ConsoleApi over the web shell's WebSocket: correlates requests and answers, fans events out to
// listeners, and reconnects with capped exponential backoff when the connection drops.
import type {
  ConsoleApi,
  EventChannel,
  EventPayloads,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResult,
} from '../../../shared/ipc';
import { LOST_CONNECTION, NO_TOKEN, type RequestFrame, type ServerFrame } from '../../../shared/web-protocol';

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
  /** ws://127.0.0.1:PORT/ipc?token=... ; undefined when the page has no token. */
  url: string | undefined;
  connect?: (url: string) => SocketLike;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** First retry delay; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface WebClient extends ConsoleApi {
  /** Stops reconnecting and closes the socket; pending requests fail with a network error. */
  close(): void;
}

const OPEN = 1;

export function createWebClient(options: WebClientOptions): WebClient {
  const connect = options.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const firstBackoff = options.backoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;

  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const queued: RequestFrame[] = [];
  let nextId = 1;
  let socket: SocketLike | undefined;
  let backoff = firstBackoff;
  let closed = false;

  function failAll(): void {
    queued.length = 0;
    for (const resolve of pending.values()) resolve({ ok: false, error: LOST_CONNECTION });
    pending.clear();
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
      resolve?.(frame.result);
    } else if (frame.kind === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  }

  function open(url: string): void {
    const ws = connect(url);
    socket = ws;
    ws.onopen = () => {
      backoff = firstBackoff;
      for (const frame of queued.splice(0)) ws.send(JSON.stringify(frame));
    };
    ws.onmessage = (ev) => onFrame(ev.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      failAll();
      if (closed) return;
      const delay = backoff;
      backoff = Math.min(backoff * 2, maxBackoff);
      later(() => {
        if (!closed) open(url);
      }, delay);
    };
  }

  function send(channel: string, args: unknown): Promise<IpcResult<unknown>> {
    if (!options.url) return Promise.resolve({ ok: false, error: NO_TOKEN });
    if (closed) return Promise.resolve({ ok: false, error: LOST_CONNECTION });
    const frame: RequestFrame = { id: nextId++, channel, args };
    return new Promise((resolve) => {
      pending.set(frame.id, resolve);
      if (socket?.readyState === OPEN) socket.send(JSON.stringify(frame));
      else queued.push(frame);
    });
  }

  if (options.url) open(options.url);

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
      failAll();
      ws?.close();
    },
  };
}
