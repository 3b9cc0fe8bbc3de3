// Sign-in, restoring the last sign-in at start, sign-out and account switch. Each replaces the
// signed-in session as a whole (and empties the board), so nothing of an older one lingers; an
// explicit sign-out also removes what the console kept of that agent (missed calls, what the
// outbox learned, the user name and account in the settings), so the next agent finds no trace.
import type { RequestArgs } from '../../shared/ipc';
import type { Identity } from '../../shared/live';
import type { EvoVoiceClientOptions } from './client';
import type { CoreContext } from './context';
import { CoreError, toCoreError } from './errors';
import type { PasswordKeeper } from './keychain';
import { Login, PASSWORD_REJECTED } from './login';
import type { Poller } from './poller';
import { checkServerUrl } from './server-url';
import { SignedInSession } from './session';

export interface SignInParts {
  core: CoreContext;
  passwords: PasswordKeeper;
  /** Words for the agent when a password they asked to keep is gone from the keychain. */
  missingPassword(serverUrl: string, userName: string): string | undefined;
  poller: Poller;
  /** How every Login's API client talks to the server. */
  client: Omit<EvoVoiceClientOptions, 'baseUrl'>;
  /** Loads the session's accounts and lets its notes be sent (the poll cycle's). */
  loadAccounts(session: SignedInSession): Promise<void>;
  /** The board was emptied: subscribers need a fresh snapshot. */
  publishSnapshot(): void;
}

export class SignIns {
  private current: SignedInSession | undefined;

  constructor(private readonly parts: SignInParts) {}

  get session(): SignedInSession | undefined {
    return this.current;
  }

  /** The session, or the error the agent sees when nobody is signed in. */
  signedIn(): SignedInSession {
    if (!this.current) throw new CoreError('not-signed-in', 'Sign in to Evo Voice first.');
    return this.current;
  }

  /** Signs in again with the user and keychain password of the last sign-in, if both are there. */
  async restore(serverUrl: string, userName: string): Promise<void> {
    const { core, passwords, poller } = this.parts;
    let password: string | null;
    try {
      serverUrl = checkServerUrl(serverUrl);
      password = await passwords.restore(serverUrl, userName);
    } catch (error) {
      core.connection.set({ status: 'signed-out', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!password) {
      const gone = this.parts.missingPassword(serverUrl, userName);
      if (gone) core.connection.set({ status: 'signed-out', message: gone });
      return;
    }
    const login = new Login(serverUrl, userName, password, false, this.parts.client);
    login.keepInKeychain(() => passwords.restore(serverUrl, userName));
    this.replace(SignedInSession.begin(login));
    core.connection.set({ status: 'offline', message: `Connecting to ${new URL(serverUrl).host}…` });
    poller.start();
  }

  async signIn(args: RequestArgs<'auth:sign-in'>, demo: boolean): Promise<Identity> {
    const { core, passwords } = this.parts;
    const serverUrl = checkServerUrl(args.serverUrl);
    const login = new Login(serverUrl, args.userName, args.password, demo, this.parts.client);
    let answer;
    try {
      answer = await core.track(login.signIn());
    } catch (error) {
      const problem = toCoreError(error);
      core.connection.remember(problem);
      throw problem;
    }
    const previous = this.current?.login;
    const next = SignedInSession.begin(login, answer.displayName, answer.userId);
    this.replace(next);
    if (previous) {
      previous.cancel();
      void previous.end();
    }
    if (!demo) {
      core.store.setSettings({ serverUrl, userName: args.userName });
      const problem = await passwords.keep(serverUrl, args.userName, args.password, args.remember);
      if (problem) next.identity.keychainProblem = problem;
      else if (args.remember) login.keepInKeychain(() => passwords.restore(serverUrl, args.userName));
    }
    core.connection.set({ status: 'online' });
    try {
      await core.track(this.parts.loadAccounts(next));
    } catch (error) {
      const problem = toCoreError(error);
      core.connection.remember(problem);
      core.log.warn('Signed in, but the account list did not load; the poll will retry', { code: problem.code });
    }
    this.parts.poller.start();
    return { ...next.identity };
  }

  async signOut(): Promise<void> {
    const { core, passwords } = this.parts;
    const ended = this.current;
    core.outbox.setOwner(undefined);
    this.replace(undefined);
    if (ended) {
      core.missed.forget(ended.owner);
      core.outbox.forgetOwner(ended.owner);
      if (!ended.login.demo) core.store.setSettings({ userName: '', accountId: '' });
    }
    if (ended && !ended.login.demo) await passwords.forget(ended.login.serverUrl, ended.login.userName);
    ended?.login.cancel();
    if (ended) await core.track(ended.login.end());
    // What sign-out removed is gone from the disk too once it is answered (a slow disk writes later).
    await core.store.flushed().catch(() => undefined);
    core.connection.signedOut();
  }

  async selectAccount(accountId: string): Promise<Identity> {
    const current = this.signedIn();
    await this.parts.core.track(current.checkAccount(accountId));
    if (current !== this.current) throw new CoreError('not-signed-in', 'Signed out meanwhile: sign in again.');
    const next = current.withAccount(accountId);
    if (!next.login.demo) this.parts.core.store.setSettings({ accountId });
    this.replace(next);
    this.parts.core.publishState();
    this.parts.poller.start();
    return { ...next.identity };
  }

  /**
   * The server rejected the password, or kept refusing requests after signing in again: polling
   * stops and the agent is asked to sign in again. Only a rejected password is forgotten.
   */
  signedOutByServer(ended: SignedInSession, problem: CoreError): void {
    const { core, passwords, poller } = this.parts;
    poller.stop();
    core.outbox.setOwner(undefined);
    const rejected = ended.login.isRejected;
    if (rejected && !ended.login.demo) void passwords.forget(ended.login.serverUrl, ended.login.userName);
    core.connection.set({ status: 'signed-out', message: rejected ? PASSWORD_REJECTED : problem.message });
  }

  /** The computer went offline: say so while signed in (not after the password was rejected). */
  networkLost(): void {
    if (this.current && !this.current.login.isRejected) {
      this.parts.core.connection.set({
        status: 'offline',
        message: 'This computer is offline: waiting for the network.',
      });
    }
  }

  /** Stops the core: requests in flight are abandoned, nothing is signed out on the server. */
  stop(): void {
    this.current?.login.cancel();
    this.current = undefined;
  }

  /** Makes `next` the signed-in session (or none): the board starts empty, polling starts over. */
  private replace(next: SignedInSession | undefined): void {
    this.parts.poller.stop();
    this.current = next;
    this.parts.core.missed.setAgent(next?.owner);
    this.parts.core.board.reset();
    this.parts.publishSnapshot();
  }
}
