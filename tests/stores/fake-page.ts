// The page's boundary for store tests: a stand-in for the preload's window.evoConsole (requests
// checked against the IPC contract's own schemas, answered by the test; events pushed by the test)
// and the few browser globals the stores touch (document, localStorage, requestAnimationFrame).
import { vi } from 'vitest';

import {
  type ConsoleApi,
  type ConsoleError,
  type EventChannel,
  type EventPayloads,
  type IpcResult,
  parseRequest,
  type RequestArgs,
  type RequestChannel,
  type RequestResult,
} from '../../src/shared/ipc';
import type { ConsoleState } from '../../src/shared/live';

type Answer<C extends RequestChannel> = (
  args: RequestArgs<C>,
) => IpcResult<RequestResult<C>> | Promise<IpcResult<RequestResult<C>>>;

export interface SentRequest {
  channel: RequestChannel;
  args: unknown;
}

/** Main as the page sees it through the preload: each request must pass the contract's schema. */
export class FakeMain implements ConsoleApi {
  sent: SentRequest[] = [];
  #answers = new Map<RequestChannel, Answer<RequestChannel>>();
  #listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  /** How main answers `channel` from now on (unanswered channels fail as a broken link would). */
  answer<C extends RequestChannel>(channel: C, answer: Answer<C>): void {
    this.#answers.set(channel, answer as unknown as Answer<RequestChannel>);
  }

  /** Answers `channel` with `value`. */
  ok<C extends RequestChannel>(channel: C, value: RequestResult<C>): void {
    this.answer(channel, () => ({ ok: true, value }));
  }

  /** Refuses `channel` with `error`. */
  refuse(channel: RequestChannel, error: ConsoleError): void {
    this.answer(channel, () => ({ ok: false, error }));
  }

  /** The next answer to `channel` waits until the test releases it. */
  hold<C extends RequestChannel>(channel: C, value: IpcResult<RequestResult<C>>): () => Promise<void> {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#answers.get(channel);
    this.answer(channel, async () => {
      await gate;
      if (previous) this.#answers.set(channel, previous);
      return value;
    });
    return async () => {
      release();
      await settle();
    };
  }

  of<C extends RequestChannel>(channel: C): RequestArgs<C>[] {
    return this.sent.filter((r) => r.channel === channel).map((r) => r.args as RequestArgs<C>);
  }

  async invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<IpcResult<RequestResult<C>>> {
    const parsed = parseRequest(channel, args);
    if (!parsed.ok) throw new Error(`the page sent ${channel} arguments the contract refuses: ${parsed.error.message}`);
    this.sent.push({ channel, args });
    const answer = this.#answers.get(channel) as Answer<C> | undefined;
    if (!answer) throw new Error(`main is gone (${channel})`);
    return answer(args);
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.#listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Main pushes an event to the page. */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (p: EventPayloads[E]) => void)(payload);
  }

  listening(event: EventChannel): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  /** Forgets what was sent, the answers and the listeners (a fresh page subscribes again). */
  reset(): void {
    this.sent = [];
    this.#answers.clear();
    this.#listeners.clear();
  }
}

/** A storage that keeps strings, like the page's localStorage. */
export class MemoryStorage {
  items = new Map<string, string>();
  refuse = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.items.set(key, String(value));
  }
}

export interface FakePage {
  main: FakeMain;
  storage: MemoryStorage;
  /** The data-theme of <html>. */
  root: { dataset: Record<string, string | undefined> };
  /** Listeners the stores added to document. */
  documentListeners: Map<string, () => void>;
  visibility: { state: 'visible' | 'hidden' };
  opened: unknown[][];
}

/**
 * Installs the page's globals once per test file: the stores reach main through `window.evoConsole`
 * and keep it for the file (as the page keeps it for its life).
 */
export function installPage(options: { storage?: Record<string, string> } = {}): FakePage {
  const main = new FakeMain();
  const storage = new MemoryStorage();
  for (const [k, v] of Object.entries(options.storage ?? {})) storage.items.set(k, v);
  const root = { dataset: {} as Record<string, string | undefined> };
  const documentListeners = new Map<string, () => void>();
  const visibility = { state: 'visible' as 'visible' | 'hidden' };
  const opened: unknown[][] = [];
  vi.stubGlobal('window', { evoConsole: main, open: (...args: unknown[]) => opened.push(args) });
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 16));
  vi.stubGlobal('document', {
    documentElement: root,
    get visibilityState() {
      return visibility.state;
    },
    addEventListener: (type: string, fn: () => void) => documentListeners.set(type, fn),
  });
  return { main, storage, root, documentListeners, visibility, opened };
}

/** Lets every answer already given reach the stores (promise callbacks run). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Ann, signed in and online, with nothing on hold, missed or being edited. */
export function signedInState(): ConsoleState {
  return {
    identity: {
      serverUrl: 'https://evo.example',
      userName: 'ann',
      displayName: 'Ann',
      userId: 'u1',
      accounts: [],
      demo: false,
    },
    connection: { status: 'online' },
    missed: [],
    holds: {},
    consoleData: {},
    doNotDisturb: false,
  };
}
