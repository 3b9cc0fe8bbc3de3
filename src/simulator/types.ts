// The simulator's public face: how tests, benchmarks and the demo start it and steer it.
import type { FileInfo, SessionInfo } from '../shared/evovoice';

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
  | 'drift-missing-field'; // optional fields left out

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
  /** Replace all live sessions with `n` generated ones (up to at least 10,000). */
  loadSessions(n: number, options?: { accountId?: string }): void;
  /** Changes console data as another agent would (bumps dateLastModified). */
  setConsoleData(id: string, text: string): SessionInfo;
  /** Every login session expires: the next cookie request gets 401. */
  expireLogins(): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  requests(filter?: { method?: string; pathPrefix?: string }): RequestRecord[];
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
