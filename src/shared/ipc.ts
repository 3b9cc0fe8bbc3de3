// The one IPC contract between the renderer and main (Electron preload or the web shell's
// WebSocket): every request channel with its argument schema and result type, every event
// with its payload type. Handlers, preload and renderer client are all typed from this map.
import { z } from 'zod';

import { isDialerTemplate } from './dialer';
import { type AppHomeResponse, SESSION_HOLD_REASONS, type SessionInfo } from './evovoice';
import { acceleratorProblem } from './hotkeys';
import {
  CONSOLE_DATA_MAX_CHARS,
  DEFAULT_SETTINGS,
  type ErrorCode,
  type EventChannel,
  HOLD_OTHERS_CALLS,
  LANGUAGE_SETTINGS,
  type RequestChannel,
  THEMES,
  UPDATE_CHANNELS,
  type View,
} from './ipc-constants';
import type { CallDetails, ConsoleDataStatus, ConsoleState, Identity, LivePatch, RowChunk, RowSnapshot } from './live';

export * from './ipc-constants';

/**
 * `T` with exactly the keys `K`: a key of `K` missing from `T` is a compile error naming it, and
 * so is a key of `T` that `K` does not list (its type must then be `never`).
 */
type Exactly<K extends PropertyKey, T extends Record<K, unknown> & Record<Exclude<keyof T, K>, never>> = T;

const id = z.string().min(1).max(200);
const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const isoDateTime = z
  .string()
  .max(24)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'a date as YYYY-MM-DD or a UTC date-time');

/** An Electron accelerator the agent typed ('' = hotkey off), refused with what is wrong with it. */
const accelerator = z
  .string()
  .max(100)
  .superRefine((value, ctx) => {
    const problem = acceleratorProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `the hotkey ${problem}` });
  });

export const settingsSchema = z.strictObject({
  /** Last server signed in to (production by default). */
  serverUrl: z.string().max(2000),
  /** Last user name, to prefill the sign-in form. Never the password. */
  userName: z.string().max(200),
  accountId: z.string().max(200),
  /** Narrow the live board to these endpoints; empty = all endpoints of the account. */
  endpointIds: z.array(id).max(500),
  /** Poll interval while a call is live (ms). */
  pollLiveMs: z.number().int().min(1000).max(60_000),
  /** Poll interval while the window is visible and no call is live (ms). */
  pollVisibleMs: z.number().int().min(1000).max(300_000),
  /** Poll interval while idle and hidden or locked (ms). */
  pollIdleMs: z.number().int().min(5000).max(3_600_000),
  /** How far back the activity feed reaches (hours). */
  activityWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  notifyMissedCalls: z.boolean(),
  doNotDisturb: z.boolean(),
  startAtLogin: z.boolean(),
  startHidden: z.boolean(),
  theme: z.enum(THEMES),
  updateChannel: z.enum(UPDATE_CHANNELS),
  language: z.enum(LANGUAGE_SETTINGS),
  /** Global hotkeys (desktop) or page hotkeys (web shell): hold/resume, show/hide, edit notes. */
  hotkeyHold: accelerator,
  hotkeyWindow: accelerator,
  hotkeyNotes: accelerator,
  /** Seconds on hold before a reminder, then between reminders; 0 = off. */
  holdAlertSeconds: z.union([z.literal(0), z.number().int().min(10).max(3600)]),
  /** Desktop notifications name the line, never the caller's name or number (screens others can see). */
  privateNotifications: z.boolean(),
  /** The dialer "Call back" opens (`tel:{number}`); http(s), file and script schemes are refused. */
  dialerUriTemplate: z.string().max(500).refine(isDialerTemplate, 'dialer-template'),
  /** Holding or resuming a colleague's call: freely, after a question, or never (policy `holdOthersCalls`). */
  holdOthersCalls: z.enum(HOLD_OTHERS_CALLS),
});
export type Settings = z.infer<typeof settingsSchema>;
const _defaultsAreSettings: Exactly<keyof Settings, typeof DEFAULT_SETTINGS> = DEFAULT_SETTINGS satisfies Settings;

export interface HistoryPage {
  items: SessionInfo[];
  page: number;
  countPerPage: number;
  hasMore: boolean;
  totalCount?: number;
}

/** A voicemail recording for the page to play from a blob: its audio type and its bytes in base64. */
export interface VoicemailAudio {
  contentType: string;
  base64: string;
}

const none = z.strictObject({});

/**
 * Request channels: renderer → main. `args` is validated in main before anything happens. One
 * schema per channel of REQUEST_CHANNELS (ipc-constants.ts): a missing or extra one does not compile.
 */
export const requestSchemas = {
  'state:get': none,
  'live:resync': none,
  /** The rows of the snapshot at `version` after the first `sessions` and `activity` rows the page has. */
  'live:rows': z.strictObject({
    version: z.number().int(),
    sessions: z.number().int().min(0),
    activity: z.number().int().min(0),
  }),
  'poll:now': none,
  'app:visibility': z.strictObject({ visible: z.boolean() }),
  'app:diagnostics': none,
  'auth:sign-in': z.strictObject({
    serverUrl: z.string().min(1).max(2000),
    userName: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
    remember: z.boolean(),
  }),
  'auth:sign-in-demo': none,
  'auth:sign-out': none,
  'auth:select-account': z.strictObject({ accountId: id }),
  /** The call the agent opened (absent: none): its full details, and in the patches while it is open. */
  'call:details': z.strictObject({ sessionId: id.optional() }),
  'call:hold': z.strictObject({
    sessionId: id,
    action: z.enum(['hold', 'resume']),
    /** Why the call is held (`Transferring` while the agent transfers it); resume clears it. */
    reason: z.enum(SESSION_HOLD_REASONS).optional(),
  }),
  'call:save-console-data': z.strictObject({
    sessionId: id,
    text: z.string().max(CONSOLE_DATA_MAX_CHARS),
    /** The server value and its dateLastModified the agent started editing from. */
    base: z.strictObject({
      value: z.string().max(CONSOLE_DATA_MAX_CHARS).optional(),
      dateLastModified: z.string().max(100).optional(),
    }),
  }),
  'call:resolve-conflict': z.strictObject({
    sessionId: id,
    /** The text to keep: mine, theirs, or a hand merge. */
    text: z.string().max(CONSOLE_DATA_MAX_CHARS),
  }),
  /** An unsent note (failed or in conflict): send it again as it is, or forget it. */
  'call:retry-console-data': z.strictObject({ sessionId: id }),
  'call:discard-console-data': z.strictObject({ sessionId: id }),
  'missed:mark-seen': z.strictObject({ sessionIds: z.array(id).max(10_000).optional() }),
  'history:load': z.strictObject({
    page: z.number().int().min(0).max(100_000),
    countPerPage: z.number().int().min(1).max(500),
    search: z.string().max(100).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    /** Date order, which the server sorts by (SortField dateCreated); newest first when absent. */
    order: z.enum(['newest', 'oldest']).optional(),
  }),
  'dashboard:load': z.strictObject({
    /** The start of the period the dashboard covers (the server's default: the last day). */
    fromDate: isoDateTime.optional(),
    /** One customer of the account; absent: all of them. */
    customerId: id.optional(),
  }),
  /** A voicemail of the last dashboard answer, by id: main looks its uri up, the page never sends one. */
  'voicemail:audio': z.strictObject({ voicemailId: id }),
  'settings:get': none,
  /** Not `holdOthersCalls`: only an administrator's policy sets the colleagues'-calls rule (lock-only; docs/ADMIN.md). */
  'settings:update': settingsSchema.omit({ holdOthersCalls: true }).partial().strict(),
  'app:restart-to-update': none,
  /** Older activity than the list shows (the next page), for the agent who scrolled to its end. */
  'activity:more': none,
} as const satisfies Record<RequestChannel, z.ZodType>;

/** What a start notice is about: the page words it in the agent's language (`notice.<code>`). */
export const START_NOTICE_CODES = [
  'settings-reset',
  'policy-blocked',
  'policy-safest',
  'policy-skipped',
  'log-folder',
] as const;
export type StartNoticeCode = (typeof START_NOTICE_CODES)[number];

/** Something the shell found at start: the English sentence, and the particulars for IT support (files, keys) in any language. */
export interface StartNotice {
  code: StartNoticeCode;
  message: string;
  detail: string;
}

/** What each request answers when it succeeds. */
export type RequestResults = Exactly<
  RequestChannel,
  {
    'state:get': {
      state: ConsoleState;
      /** The board's first rows; the rest come with 'live:rows'. */
      snapshot: RowSnapshot;
      settings: Settings;
      /** False when this console does not offer the embedded demo (absent: offered). */
      demoOffered?: boolean;
      /** Things the shell found at start that the agent should read (e.g. damaged settings were reset). */
      notices?: StartNotice[];
      /** Settings the administrator's policy fixes: shown as set by the administrator, not editable. */
      lockedSettings?: (keyof Settings)[];
      /** The desktop binds the global hotkeys (a Wayland session): they fire only if it lets them. */
      hotkeysByDesktop?: boolean;
      /** Settings the administrator recommended (the agent may change them): their recommended values. */
      recommendedSettings?: Partial<Settings>;
    };
    'live:resync': RowSnapshot;
    'live:rows': RowChunk;
    'call:details': CallDetails;
    'poll:now': null;
    'app:visibility': null;
    'app:diagnostics': string;
    'auth:sign-in': Identity;
    'auth:sign-in-demo': Identity;
    'auth:sign-out': null;
    'auth:select-account': Identity;
    'call:hold': SessionInfo;
    'call:save-console-data': ConsoleDataStatus;
    'call:resolve-conflict': ConsoleDataStatus;
    'call:retry-console-data': ConsoleDataStatus;
    'call:discard-console-data': null;
    'missed:mark-seen': null;
    'history:load': HistoryPage;
    'dashboard:load': AppHomeResponse;
    'voicemail:audio': VoicemailAudio;
    'settings:get': Settings;
    'settings:update': Settings;
    'app:restart-to-update': RestartAnswer;
    /** How many older calls joined the list, and whether the server has more. */
    'activity:more': { added: number; more: boolean };
  }
>;

export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;
export type RequestResult<C extends RequestChannel> = RequestResults[C];

/** Events: main → renderer, one payload type per channel of EVENT_CHANNELS (ipc-constants.ts). */
export type EventPayloads = Exactly<
  EventChannel,
  {
    'live:snapshot': RowSnapshot;
    'live:patch': LivePatch;
    'state:changed': ConsoleState;
    'settings:changed': Settings;
    /** A missed-call notification was raised (the web shell shows it in the page). */
    'notification:shown': { title: string; body: string; sessionId?: string };
    /** The agent clicked a notification: open this call (`editNotes`: the notes hotkey, focus its notes). */
    'notification:clicked': { sessionId?: string; editNotes?: boolean };
    /** The shell asks the UI to show a view (tray menu, shortcut). */
    'app:navigate': { view: View };
    /** Where the self-update stands; 'ready' offers "Restart to update". */
    'update:status': UpdateStatus;
  }
>;

export type UpdateStatus =
  | { phase: 'off'; reason: string }
  | { phase: 'idle' | 'checking' }
  | { phase: 'downloading' | 'ready'; version: string }
  | { phase: 'failed'; message: string };
/** The answer to "Restart to update": refused while a call is live or an edit unsent. */
export type RestartAnswer = { restarting: true } | { restarting: false; reason: string };

/** An error as the renderer sees it: a code to branch on and words for the agent. */
export interface ConsoleError {
  code: ErrorCode;
  message: string;
  status?: number;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleError };

/** What the preload exposes as `window.evoConsole`, and what the web shell's client implements. */
export interface ConsoleApi {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<IpcResult<RequestResult<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Validates a request's arguments; the typed error is what every shell answers a bad call with. */
export function parseRequest<C extends RequestChannel>(
  channel: unknown,
  args: unknown,
): { ok: true; channel: C; args: RequestArgs<C> } | { ok: false; error: ConsoleError } {
  if (typeof channel !== 'string' || !Object.hasOwn(requestSchemas, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: 'This request is not part of the console.' } };
  }
  const result = requestSchemas[channel as C].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: { code: 'invalid-payload', message: `Refused ${channel}: ${issue?.message ?? 'invalid'}${where}` },
    };
  }
  return { ok: true, channel: channel as C, args: result.data as RequestArgs<C> };
}
