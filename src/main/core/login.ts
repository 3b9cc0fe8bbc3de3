// One sign-in to one server: the API client, the password for a re-sign-in on a 401 (held in
// memory, or read again from the keychain when the agent kept it there), the rule that a password
// the server rejected is never sent again, the stop after a 401 that outlasts re-sign-ins, and the
// server's one not-before time.
import type { AuthenticateResponse } from '../../shared/evovoice';
import { type CallOptions, createEvoVoiceClient, type EvoVoiceClient, type EvoVoiceClientOptions } from './client';
import { CoreError } from './errors';

export const PASSWORD_REJECTED = 'Signed out: password rejected';
export const PASSWORD_GONE =
  'Signed out: your saved password is no longer in the system keychain, so the console could not sign in again. Sign in again.';
/** Re-sign-ins in a row that the next request still answered with 401 before the console stops. */
export const REFUSALS_BEFORE_STOP = 2;

export class Login {
  readonly client: EvoVoiceClient;
  private password: string | undefined;
  /** Reads the password from the keychain, when the agent kept it there (then `password` is dropped). */
  private fromKeychain: (() => Promise<string | null>) | undefined;
  private rejected = false;
  /** Successful sign-ins so far: a 401 after a retry is counted once per sign-in. */
  private signIns = 0;
  private refusedAfter = 0;
  private refusals = 0;
  /** The server's "not before" (clock ms): backoff or Retry-After; every poll waits for it. */
  private notBeforeAt = -Infinity;
  /** True when `notBeforeAt` is the server's own Retry-After (the agent's "Retry now" keeps it). */
  private serverAsked = false;
  private renewing: Promise<AuthenticateResponse> | undefined;
  private readonly cancelled = new AbortController();
  private readonly options: CallOptions = { signal: this.cancelled.signal };

  constructor(
    readonly serverUrl: string,
    readonly userName: string,
    password: string,
    readonly demo: boolean,
    client: Omit<EvoVoiceClientOptions, 'baseUrl'>,
  ) {
    this.password = password;
    this.client = createEvoVoiceClient({ ...client, baseUrl: serverUrl });
  }

  /** Server and user: whose notes and missed calls these are. */
  get owner(): string {
    return `${this.serverUrl}|${this.userName}`;
  }

  get isRejected(): boolean {
    return this.rejected;
  }

  /** Clock ms before which nothing is polled from this server. */
  get notBefore(): number {
    return this.notBeforeAt;
  }

  /** Polls wait until `at`; `serverAsked` when the server said so with Retry-After. */
  holdOff(at: number, serverAsked: boolean): void {
    if (at <= this.notBeforeAt) return;
    this.notBeforeAt = at;
    this.serverAsked = serverAsked;
  }

  /** The agent asked to retry now: the backoff ends, a server's Retry-After does not. */
  retryNow(): void {
    if (!this.serverAsked) this.notBeforeAt = -Infinity;
  }

  /** True once 401s outlasted REFUSALS_BEFORE_STOP re-sign-ins: the agent must sign in again. */
  get refused(): boolean {
    return this.refusals >= REFUSALS_BEFORE_STOP;
  }

  /** Signs in (again); concurrent callers share one attempt. */
  signIn(): Promise<AuthenticateResponse> {
    this.renewing ??= this.attempt().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /**
   * Runs an API call signed in: signs in first if needed, and once more on a 401. A 401 right
   * after a successful re-sign-in counts as a refusal; after REFUSALS_BEFORE_STOP of them no more
   * credentials are posted (lockout policies count them) until the agent signs in again.
   */
  async call<T>(fn: (client: EvoVoiceClient, options: CallOptions) => Promise<T>): Promise<T> {
    if (this.refused) throw this.refusedError();
    if (!this.client.hasSession()) await this.signIn();
    try {
      return this.accepted(await fn(this.client, this.options));
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      await this.signIn();
      const renewal = this.signIns;
      try {
        return this.accepted(await fn(this.client, this.options));
      } catch (again) {
        if (!isUnauthorized(again)) throw again;
        if (this.refusedAfter !== renewal) {
          this.refusedAfter = renewal;
          this.refusals++;
        }
        throw this.refused ? this.refusedError() : again;
      }
    }
  }

  /** Abandons every request in flight for this sign-in (stop, sign-out, another sign-in). */
  cancel(): void {
    this.cancelled.abort();
  }

  /**
   * The keychain holds the password: this copy is dropped and a re-sign-in reads it again, so the
   * process holds it only while signing in (a crash dump taken meanwhile cannot show it).
   */
  keepInKeychain(read: () => Promise<string | null>): void {
    this.fromKeychain = read;
    this.password = undefined;
  }

  /** Ends the server session (best effort) and forgets the password. */
  async end(): Promise<void> {
    this.password = undefined;
    this.fromKeychain = undefined;
    try {
      if (this.client.hasSession()) await this.client.logout();
    } catch {
      // Best effort: the session expires on the server by itself.
    }
  }

  private accepted<T>(answer: T): T {
    this.refusals = 0;
    return answer;
  }

  private refusedError(): CoreError {
    return new CoreError(
      'unauthorized',
      `${this.client.host} still refuses requests right after signing in again: sign in again (the console stopped retrying so your account is not locked).`,
      { status: 401 },
    );
  }

  private async attempt(): Promise<AuthenticateResponse> {
    if (this.rejected || (this.password === undefined && !this.fromKeychain)) {
      throw new CoreError('password-rejected', `${PASSWORD_REJECTED}. Sign in again.`);
    }
    if (this.refused) throw this.refusedError();
    const password = this.password ?? (await this.fromKeychain?.());
    if (!password) throw new CoreError('password-rejected', PASSWORD_GONE);
    try {
      const answer = await this.client.signIn(this.userName, password, this.options);
      this.signIns++;
      return answer;
    } catch (error) {
      if (error instanceof CoreError && error.code === 'password-rejected') {
        this.rejected = true;
        this.password = undefined;
      }
      throw error;
    }
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof CoreError && error.status === 401;
}
