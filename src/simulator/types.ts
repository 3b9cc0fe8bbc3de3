// The simulator's public face: how tests, benchmarks and the demo start it and steer it.
import type { FileInfo, SessionInfo } from '../shared/evovoice';
import type { Strictness } from './strictness';

export type { AuthStatusMode, Strictness } from './strictness';

export type SimEndpoint =
  'auth' | 'auth-status' | 'sessions' | 'patch-session' | 'activity' | 'call-history' | 'home' | 'voicemail-audio';

export type FaultKind =
  | 'latency' // answer after `ms` more
  | 'hang' // never answer (until the client gives up or the server closes)
  | 'error-500' // 500 with a responseStatus body
  | 'bad-gateway-html' // 502 with an HTML body
  | 'rate-limit' // 429 with Retry-After: `retryAfterSeconds`
  | 'malformed-json' // 200 with a body that is not JSON
  | 'truncated-json' // 200 with a JSON body cut short
  | 'reset' // destroy the socket
  | 'drift-enum' // an unknown enum name in callState etc.
  | 'drift-extra-field' // an extra field on every item
  | 'drift-missing-field' // optional fields left out
  | 'unauthorized' // 401 with a responseStatus even with a valid login (a session the server lost)
  | 'proxy-html-401' // 401 with an HTML sign-in page, as an SSO proxy in front of the API answers
  | 'proxy-redirect' // 302 to an SSO proxy's sign-in page
  | 'patch-ignored'; // a PATCH answered 200 with the session as it was, nothing applied

export interface Fault {
  endpoint: SimEndpoint | '*';
  kind: FaultKind;
  /** Apply to the next `count` matching requests... */
  count?: number;
  /** ...or to this fraction (0..1) of them, drawn from the seeded random source. */
  rate?: number;
  ms?: number;
  retryAfterSeconds?: number;
}

export interface SimUser {
  userName: string;
  password: string;
  displayName: string;
  userId: string;
  accountIds: string[];
}

export interface RequestRecord {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  /** 'cookie' | 'basic' | 'none' */
  auth: 'cookie' | 'basic' | 'none';
  userName?: string;
  /** 0 when no answer was sent (a 'hang' or 'reset' fault). */
  status: number;
  fault?: FaultKind;
  /** Body bytes of the answer (0 for a 304); absent when none was sent. */
  bytes?: number;
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** 'realtime': the scenario advances on a timer (demo); 'manual' (default): only `advance()` moves it. */
  clock?: 'realtime' | 'manual';
  /** Run the live call-centre scenario (calls arriving, held, missed, ending). Default true for realtime. */
  scenario?: boolean;
  /** Start time of the simulated clock (ms since epoch). Default Date.now(). */
  startTime?: number;
  users?: SimUser[];
  /** Serve `POST /__sim/control` ({op, args}) so another process can steer it. Default false. */
  httpControl?: boolean;
  /** Switches on top of the lenient default; absent: read from EVO_SIM_STRICT (`1` is STRICT). */
  strictness?: Partial<Strictness>;
  /** Fill the archive with this many days of finished calls (about 20 a day) before the clock starts. */
  archiveDays?: number;
  /** Ended calls move to the archive this many simulated minutes after they end. Default 15. */
  archiveAfterMinutes?: number;
  /**
   * GET /sessions keeps each filtered, sorted set and the text of each page it sent between
   * requests, built again only when a session, the query, the stale replica or the strictness
   * changed. Default true; false builds every answer afresh (the reference
   * `tests/simulator/kept-lists.test.ts` compares the kept answers against).
   */
  keepLists?: boolean;
}

/** What tests and benchmarks use to steer the simulator behind the console's back. */
export interface SimulatorControl {
  /** Simulated now (ms since epoch). */
  now(): number;
  /** Move the simulated clock forward, running the scenario for that span. */
  advance(ms: number): void;
  /** Adds a live call; `parentSessionId` makes it findable with GET /sessions?ParentSessionId=. */
  addSession(partial: Partial<SessionInfo>, options?: { parentSessionId?: string }): SessionInfo;
  updateSession(id: string, patch: Partial<SessionInfo>): SessionInfo;
  /** Marks a call missed (ended, wasMissed, in the activity feed). */
  missCall(id: string): SessionInfo;
  endSession(id: string): void;
  /** Leaves a voicemail (a generated WAV at its uri, with a transcription) for session `id`. */
  addVoicemail(id: string, fields?: Partial<FileInfo>): FileInfo;
  getSession(id: string): SessionInfo | undefined;
  /** Every session, live and archived, in id order. */
  listSessions(): SessionInfo[];
  /**
   * Replace all live sessions with `n` generated ones (up to at least 10,000); `endedToday` more
   * finished calls spread over the day so far (UTC), live until archived (see `archiveAfterMinutes`).
   */
  loadSessions(n: number, options?: { accountId?: string; endedToday?: number }): void;
  /** Adds `n` finished calls spread over the last `days` days straight to the archive (SearchArchive=true). */
  loadArchive(n: number, options?: { days?: number }): void;
  /** Moves an ended call to the archive now, instead of 15 simulated minutes after it ended. */
  archiveSession(id: string): void;
  /** The strict behaviours in force. */
  strictness(): Strictness;
  /** Turns strict behaviours on or off from now on; answers the ones in force. */
  setStrictness(changes: Partial<Strictness>): Strictness;
  /** Changes console data as another agent would (bumps dateLastModified). */
  setConsoleData(id: string, text: string): SessionInfo;
  /** Every login session expires: the next cookie request gets 401. */
  expireLogins(): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  requests(filter?: { method?: string; pathPrefix?: string }): RequestRecord[];
  /** API requests answered and their body bytes since the start, however many the request log keeps. */
  traffic(): { requests: number; bytes: number };
  clearRequests(): void;
  users(): SimUser[];
}

export interface Simulator {
  url: string;
  port: number;
  control: SimulatorControl;
  close(): Promise<void>;
}

/** The demo / test account every simulator knows unless `users` says otherwise. */
export const DEMO_USER: SimUser = {
  userName: 'demo@evovoice.example',
  password: 'demo-password',
  displayName: 'Demo Agent',
  userId: 'user-demo',
  accountIds: ['acct-north', 'acct-south'],
};
