// The core's public face: what the shells' IPC handlers call. Implemented by createConsoleCore.
import type { AppHomeResponse, SessionInfo } from '../../shared/evovoice';
import type { HistoryPage, RequestArgs, RequestResults, Settings, VoicemailAudio } from '../../shared/ipc';
import type {
  CallDetails,
  ConsoleDataStatus,
  ConsoleState,
  Identity,
  LivePatch,
  LiveSnapshot,
  RowChunk,
  RowSnapshot,
} from '../../shared/live';

export type CoreEvent =
  /** `rows`: what the renderer receives of it (row fields, the first rows). */
  | { type: 'snapshot'; snapshot: LiveSnapshot; rows: RowSnapshot }
  /** `rows`: what the renderer receives of it (row fields; every field of the open call). */
  | { type: 'patch'; patch: LivePatch; rows: LivePatch }
  | { type: 'state'; state: ConsoleState }
  | { type: 'settings'; settings: Settings };

/**
 * Every method that can fail rejects with a CoreError (src/main/core/errors.ts) whose code and
 * message the shells pass to the renderer unchanged.
 */
export interface ConsoleCore {
  /** Restores the last sign-in from settings + keychain and starts polling; quiet if none. */
  start(): Promise<void>;
  /** Stops timers and flushes durable state; the outbox keeps what is unconfirmed. */
  stop(): Promise<void>;

  getState(): ConsoleState;
  getSnapshot(): LiveSnapshot;
  /** The board's first rows for the renderer; the rest with `snapshotRows`. */
  getRowSnapshot(): RowSnapshot;
  snapshotRows(args: RequestArgs<'live:rows'>): RowChunk;
  /** Opens a call (or none): its full details now, and in the patches while it is open. */
  callDetails(sessionId?: string): CallDetails;
  getSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Settings;
  /** Subscribe to snapshots (first, on subscribe), patches, state and settings changes. */
  subscribe(listener: (event: CoreEvent) => void): () => void;

  /** `demo` marks the identity as the embedded demo (never stored in the keychain). */
  signIn(args: RequestArgs<'auth:sign-in'>, options?: { demo?: boolean }): Promise<Identity>;
  signOut(): Promise<void>;
  selectAccount(accountId: string): Promise<Identity>;

  /** Hold (reason `None` or `Transferring`) or resume: shown at once, rolled back if refused. */
  hold(args: RequestArgs<'call:hold'>): Promise<SessionInfo>;
  /** Answered once the note is on this computer's disk (at once on a healthy disk); sent after. */
  saveConsoleData(args: RequestArgs<'call:save-console-data'>): Promise<ConsoleDataStatus>;
  resolveConflict(args: RequestArgs<'call:resolve-conflict'>): Promise<ConsoleDataStatus>;
  /** Sends an unsent note (failed or in conflict) again, as it is. */
  retryConsoleData(args: RequestArgs<'call:retry-console-data'>): Promise<ConsoleDataStatus>;
  /** Forgets an unsent note: the server's text stays. */
  discardConsoleData(args: RequestArgs<'call:discard-console-data'>): void;
  markMissedSeen(sessionIds?: string[]): void;
  /** Older activity than the list shows: the next page, kept under the news (polls read one page). */
  loadOlderActivity(): Promise<RequestResults['activity:more']>;

  loadCallHistory(args: RequestArgs<'history:load'>): Promise<HistoryPage>;
  /** GET /portal/home for the active account, from a date and for one customer when given. */
  loadDashboard(args?: RequestArgs<'dashboard:load'>): Promise<AppHomeResponse>;
  /** The recording of a voicemail the last dashboard answer listed (by id only), size-capped. */
  voicemailAudio(voicemailId: string): Promise<VoicemailAudio>;

  /** Poll now (retry button, after an action). */
  pollNow(): void;
  setWindowVisible(visible: boolean): void;
  /** Text for support: versions, state, recent errors. Never a secret. */
  diagnostics(): string;
}
