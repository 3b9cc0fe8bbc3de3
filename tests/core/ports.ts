// Test ports for the core: in-memory settings and keychain, a recording notifier and logger, a
// clock whose timers fire only when a test steps it, and power events the test emits.
import {
  type Clock,
  KeychainUnavailableError,
  type Logger,
  type Notification,
  type Notifier,
  type PowerEvent,
  type PowerEvents,
  type SecretStore,
  type SettingsStore,
} from '../../src/main/core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';

export class MemorySettings implements SettingsStore {
  private settings: Settings;
  /** Records as they would be on disk: copies, so later mutation of the core's objects does not leak in. */
  readonly records = new Map<string, unknown>();
  writes = 0;
  /**
   * A slow disk: records set reach `records` (the disk) only this many real milliseconds later,
   * as the shell's store does once a slow write sent it to the background; 0 writes at once.
   */
  writeDelayMs = 0;
  private readonly unwritten = new Map<string, unknown>();
  private writing: Promise<void> | undefined;

  constructor(initial: Partial<Settings> = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...initial };
  }
  getSettings(): Settings {
    return structuredClone(this.settings);
  }
  setSettings(patch: Partial<Settings>): Settings {
    this.settings = { ...this.settings, ...patch };
    return this.getSettings();
  }
  getRecord<T>(key: string): T | undefined {
    const value = this.unwritten.has(key) ? this.unwritten.get(key) : this.records.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }
  setRecord<T>(key: string, value: T): void {
    this.writes++;
    if (!this.writeDelayMs) {
      this.records.set(key, structuredClone(value));
      return;
    }
    this.unwritten.set(key, structuredClone(value));
    this.writing ??= new Promise<void>((done) => setTimeout(done, this.writeDelayMs)).then(() => {
      for (const [k, v] of this.unwritten) this.records.set(k, v);
      this.unwritten.clear();
      this.writing = undefined;
    });
  }
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }
}

export class MemorySecrets implements SecretStore {
  readonly entries = new Map<string, string>();
  unavailable = false;
  private check(): void {
    if (this.unavailable) throw new KeychainUnavailableError('Cannot autolaunch D-Bus');
  }
  async get(service: string, account: string): Promise<string | null> {
    this.check();
    return this.entries.get(`${service}|${account}`) ?? null;
  }
  async set(service: string, account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(`${service}|${account}`, secret);
  }
  async delete(service: string, account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(`${service}|${account}`);
  }
}

export class RecordingNotifier implements Notifier {
  readonly shown: Notification[] = [];
  show(notification: Notification): void {
    this.shown.push(notification);
  }
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string, data?: Record<string, unknown>): void {
    this.lines.push(`info ${message} ${JSON.stringify(data ?? {})}`);
  }
  warn(message: string, data?: Record<string, unknown>): void {
    this.lines.push(`warn ${message} ${JSON.stringify(data ?? {})}`);
  }
  error(message: string, data?: Record<string, unknown>): void {
    this.lines.push(`error ${message} ${JSON.stringify(data ?? {})}`);
  }
}

export class TestPower implements PowerEvents {
  private readonly listeners = new Set<(event: PowerEvent) => void>();
  on(listener: (event: PowerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: PowerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Timers fire only inside `step`, in time order; `settle` runs between firings (real HTTP). */
export class SteppedClock implements Clock {
  private readonly timers = new Map<number, Timer>();
  private seq = 0;
  constructor(private t: number) {}

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const seq = ++this.seq;
    this.timers.set(seq, { at: this.t + Math.max(0, ms), seq, fn });
    return seq;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Delays of the timers now pending, from now. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.t).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing due timers one by one and awaiting `settle` after each. */
  async step(ms: number, settle: () => Promise<void>, onMove?: (delta: number) => void): Promise<void> {
    const target = this.t + ms;
    await settle();
    for (;;) {
      let next: Timer | undefined;
      for (const timer of this.timers.values()) {
        if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq)))
          next = timer;
      }
      if (!next) break;
      this.moveTo(next.at, onMove);
      this.timers.delete(next.seq);
      next.fn();
      await settle();
    }
    this.moveTo(target, onMove);
  }

  private moveTo(at: number, onMove?: (delta: number) => void): void {
    if (at <= this.t) return;
    const delta = at - this.t;
    this.t = at;
    onMove?.(delta);
  }
}

/**
 * Real fetch with a hand on the answers: while holding, the simulator's answer to a matching
 * request is read in full (the server's state at that moment) and handed over only on `release`,
 * as a slow network would deliver a poll that was already on its way.
 */
export class HeldAnswers {
  private matches: ((method: string, url: URL) => boolean) | undefined;
  private waiting: (() => void)[] = [];
  private onHeld: (() => void) | undefined;

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const answer = await globalThis.fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!this.matches?.(init?.method ?? 'GET', url)) return answer;
    const body = await answer.text();
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.onHeld?.();
    });
    return new Response(body, { status: answer.status, headers: answer.headers });
  };

  /** Holds answers to requests that `matches`; resolves when the first one is held. */
  hold(matches: (method: string, url: URL) => boolean): Promise<void> {
    this.matches = matches;
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Stops holding and hands over every answer held so far. */
  release(): void {
    this.matches = undefined;
    this.onHeld = undefined;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
