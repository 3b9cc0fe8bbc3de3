// One sign-in to one server: the API client, the password held in memory for one re-sign-in on
// a 401, and the rule that a password the server rejected is never sent again.
import type { AuthenticateResponse } from '../../shared/evovoice';
import { createEvoVoiceClient, type CallOptions, type EvoVoiceClient, type EvoVoiceClientOptions } from './client';
import { CoreError } from './errors';

export const PASSWORD_REJECTED = 'Signed out: password rejected';

export class Login {
  readonly client: EvoVoiceClient;
  private password: string | undefined;
  private rejected = false;
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

  /** Signs in (again); concurrent callers share one attempt. */
  signIn(): Promise<AuthenticateResponse> {
    this.renewing ??= this.attempt().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** Runs an API call signed in: signs in first if needed, and once more on a 401. */
  async call<T>(fn: (client: EvoVoiceClient, options: CallOptions) => Promise<T>): Promise<T> {
    if (!this.client.hasSession()) await this.signIn();
    try {
      return await fn(this.client, this.options);
    } catch (error) {
      if (!(error instanceof CoreError) || error.status !== 401) throw error;
      await this.signIn();
      return fn(this.client, this.options);
    }
  }

  /** Abandons every request in flight for this sign-in (stop, sign-out, another sign-in). */
  cancel(): void {
    this.cancelled.abort();
  }

  /** Ends the server session (best effort) and forgets the password. */
  async end(): Promise<void> {
    this.password = undefined;
    try {
      if (this.client.hasSession()) await this.client.logout();
    } catch {
      // Best effort: the session expires on the server by itself.
    }
  }

  private async attempt(): Promise<AuthenticateResponse> {
    if (this.rejected || this.password === undefined) {
      throw new CoreError('password-rejected', `${PASSWORD_REJECTED}. Sign in again.`);
    }
    try {
      return await this.client.signIn(this.userName, this.password, this.options);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'password-rejected') {
        this.rejected = true;
        this.password = undefined;
      }
      throw error;
    }
  }
}
