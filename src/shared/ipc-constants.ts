// The IPC contract's run-time constants, free of zod so that the page and the preload can import
// them without bundling the schema library (ipc.ts re-exports them with the schemas and types).
import type { EventChannel, Settings } from './ipc';

/** Console data is a free-text note; the cap keeps one note from filling memory or the outbox. */
export const CONSOLE_DATA_MAX_CHARS = 64 * 1024;

export const THEMES = ['system', 'light', 'dark'] as const;
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: 'https://evovoice.io',
  userName: '',
  accountId: '',
  endpointIds: [],
  pollLiveMs: 2000,
  pollVisibleMs: 5000,
  pollIdleMs: 60_000,
  activityWindowHours: 24,
  notifyMissedCalls: true,
  doNotDisturb: false,
  startAtLogin: false,
  startHidden: false,
  theme: 'system',
  updateUrl: '',
  updateChannel: 'stable',
};

/** Every request channel; ipc.ts checks at compile time that it matches the schemas exactly. */
export const REQUEST_CHANNELS = [
  'state:get',
  'live:resync',
  'poll:now',
  'app:visibility',
  'app:diagnostics',
  'auth:sign-in',
  'auth:sign-in-demo',
  'auth:sign-out',
  'auth:select-account',
  'call:hold',
  'call:save-console-data',
  'call:resolve-conflict',
  'missed:mark-seen',
  'history:load',
  'dashboard:load',
  'settings:get',
  'settings:update',
  'app:restart-to-update',
] as const;

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'live:snapshot',
  'live:patch',
  'state:changed',
  'settings:changed',
  'notification:shown',
  'notification:clicked',
  'app:navigate',
  'update:status',
];

export const VIEWS = ['live', 'activity', 'history', 'dashboard', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export const ERROR_CODES = [
  'invalid-payload',
  'forbidden-sender',
  'unknown-channel',
  'not-signed-in',
  'password-rejected',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'network',
  'timeout',
  'server',
  'bad-response',
  'keychain-unavailable',
  'invalid-server-url',
  'busy',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
