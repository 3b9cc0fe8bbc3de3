// The IPC contract's run-time constants, free of zod so that the page and the preload can import
// them without bundling the schema library. The channel names are written once, here, as object
// keys; ipc.ts keys every schema, result and payload by them, so the compiler refuses a channel
// that is missing on either side. This file imports nothing from ipc.ts (ipc.ts re-exports it).
import { DEFAULT_DIALER_TEMPLATE } from './dialer';
import { DEFAULT_HOTKEYS } from './hotkeys';

/** Console data is a free-text note; the cap keeps one note from filling memory or the outbox. */
export const CONSOLE_DATA_MAX_CHARS = 64 * 1024;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** The console's language: the system's (when we ship it, else English), or one chosen in Settings. */
export const LANGUAGE_SETTINGS = ['system', 'en', 'es'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** The settings a first run starts with; ipc.ts checks that this is exactly a `Settings`. */
/** Whether an agent may hold or resume a call that is not theirs: freely, after a question, or never. */
export const HOLD_OTHERS_CALLS = ['allow', 'confirm', 'deny'] as const;
export type HoldOthersCalls = (typeof HOLD_OTHERS_CALLS)[number];

export const DEFAULT_SETTINGS = {
  serverUrl: 'https://evovoice.io',
  userName: '',
  accountId: '',
  endpointIds: [] as string[],
  pollLiveMs: 2000,
  pollVisibleMs: 5000,
  pollIdleMs: 60_000,
  activityWindowHours: 24,
  notifyMissedCalls: true,
  doNotDisturb: false,
  startAtLogin: false,
  startHidden: false,
  theme: 'system' as Theme,
  updateChannel: 'stable' as UpdateChannel,
  language: 'system' as LanguageSetting,
  ...DEFAULT_HOTKEYS,
  /** A call on hold this long raises a reminder, then again every as long; 0 = no reminders. */
  holdAlertSeconds: 60,
  privateNotifications: false,
  /** What "Call back" opens: the workstation's dialer, `{number}` replaced by the E.164 number. */
  dialerUriTemplate: DEFAULT_DIALER_TEMPLATE,
  /** A colleague's call: hold or resume it only after a question ('allow': freely, 'deny': never). */
  holdOthersCalls: 'confirm' as HoldOthersCalls,
};

/** Every request channel (renderer → main), once: ipc.ts gives each its schema and result type. */
const REQUESTS = {
  'state:get': true,
  'live:resync': true,
  'live:rows': true,
  'poll:now': true,
  'app:visibility': true,
  'app:diagnostics': true,
  'auth:sign-in': true,
  'auth:sign-in-demo': true,
  'auth:sign-out': true,
  'auth:select-account': true,
  'call:details': true,
  'call:hold': true,
  'call:save-console-data': true,
  'call:resolve-conflict': true,
  'call:retry-console-data': true,
  'call:discard-console-data': true,
  'missed:mark-seen': true,
  'history:load': true,
  'dashboard:load': true,
  'voicemail:audio': true,
  'settings:get': true,
  'settings:update': true,
  'app:restart-to-update': true,
  'activity:more': true,
} as const;
export type RequestChannel = keyof typeof REQUESTS;
export const REQUEST_CHANNELS = Object.keys(REQUESTS) as readonly RequestChannel[];

/** Every event channel (main → renderer), once: ipc.ts gives each its payload type. */
const EVENTS = {
  'live:snapshot': true,
  'live:patch': true,
  'state:changed': true,
  'settings:changed': true,
  'notification:shown': true,
  'notification:clicked': true,
  'app:navigate': true,
  'update:status': true,
} as const;
export type EventChannel = keyof typeof EVENTS;
export const EVENT_CHANNELS = Object.keys(EVENTS) as readonly EventChannel[];

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
