// The ports the core needs from its host (Electron shell, web shell, tests): each is one small
// interface so that a shell adapts one platform API to one port and tests plug in real ones.
import type { Settings } from '../../shared/ipc';
import type { MissedCall } from '../../shared/live';

/** The OS keychain (keytar in both shells). Throws KeychainUnavailableError when there is none. */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

/** Durable key/value storage for settings and the core's own records (outbox, notified ids). */
export interface SettingsStore {
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Settings;
  /** Core-private durable records, e.g. 'outbox', 'notified'. */
  getRecord<T>(key: string): T | undefined;
  /** Read back at once; on disk (surviving a crash) once a `flushed()` called after it resolves. */
  setRecord<T>(key: string, value: T): void;
  /**
   * Resolves once everything set so far is on disk, or its write was given up on (the store then
   * reports a problem). At once when the last write went through synchronously; later when a slow
   * or failing disk sent writes to the background. Nothing the agent is promised waits on less.
   */
  flushed(): Promise<void>;
  /**
   * Hosts besides the server that voicemail recordings may come from: the administrator's policy
   * (`recordingHosts`, set by the policy overlay); absent without one.
   */
  readonly recordingHosts?: readonly string[];
}

export interface Notification {
  title: string;
  body: string;
  /** Clicking it opens this call. Absent for a summary. */
  sessionId?: string;
  /** The missed call it is about (its number for a "Copy number" action). Absent for a summary. */
  missedCall?: MissedCall;
  /** A reminder of a call left on hold: where the platform has actions, one takes it off hold. */
  onHold?: boolean;
}

export interface Notifier {
  show(notification: Notification): void;
}

/** Time and timers, so tests step the clock instead of sleeping. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'online' | 'offline';

/** Power, lock and network events from the OS. */
export interface PowerEvents {
  on(listener: (event: PowerEvent) => void): () => void;
}

export type Fetch = typeof globalThis.fetch;

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface CorePorts {
  fetch: Fetch;
  secrets: SecretStore;
  settings: SettingsStore;
  notifier: Notifier;
  clock: Clock;
  power: PowerEvents;
  log: Logger;
  /** Random in [0, 1): jitter. Injected so tests are deterministic. */
  random?: () => number;
  /** Give up on one HTTP request after this long (default 15 s); tests shorten it. */
  requestTimeoutMs?: number;
  /** The addresses of a recording host, checked before it is asked (default: the system's DNS). */
  resolveHost?: (hostname: string) => Promise<string[]>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
