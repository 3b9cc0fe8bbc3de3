// One signed-in session: the Login, the identity and chosen account, the holds in flight, the
// poll failures in a row and the last activity fetch. The core replaces it as a whole on sign-in,
// sign-out and account switch, so work begun under an older one is recognised by identity alone.
import type { AuthStatusResponse, SessionInfo } from '../../shared/evovoice';
import type { Account, HoldState, Identity } from '../../shared/live';
import { CoreError, toCoreError } from './errors';
import type { Login } from './login';

export class SignedInSession {
  /** Hold or resume requests in flight, by call id (published as `ConsoleState.holds`). */
  readonly holds = new Map<string, HoldState>();
  /** Polls failed in a row: drives the backoff. */
  failures = 0;
  /** Clock time of the last activity fetch that succeeded. */
  lastActivityAt = -Infinity;

  private constructor(
    readonly login: Login,
    public identity: Identity,
    /** True once the account list has loaded (until then each poll tries again). */
    public accountsLoaded: boolean,
    /**
     * True when `GET /auth/status` listed the accounts. False: the server did not say (the call is
     * not on the reference pages), so the accounts are named from the sessions the polls see.
     */
    public accountsListed = false,
  ) {}

  /** A fresh sign-in: no accounts known yet. */
  static begin(login: Login, displayName?: string, userId?: string): SignedInSession {
    const identity: Identity = { serverUrl: login.serverUrl, userName: login.userName, accounts: [], demo: login.demo };
    if (displayName) identity.displayName = displayName;
    if (userId) identity.userId = userId;
    return new SignedInSession(login, identity, false);
  }

  /** The same sign-in working on another account: nothing of the old account's work carries over. */
  withAccount(accountId: string): SignedInSession {
    return new SignedInSession(this.login, { ...this.identity, accountId }, this.accountsLoaded, this.accountsListed);
  }

  get accountId(): string | undefined {
    return this.identity.accountId;
  }

  /** Whose notes these are (server and user). */
  get owner(): string {
    return this.login.owner;
  }

  /** Whose missed calls these are: server, user and account (each account has its own baseline). */
  get missedKey(): string {
    return `${this.login.owner}|${this.accountId ?? '*'}`;
  }

  /**
   * Loads the account list and chooses an account: `saved` when it is still offered, else the
   * only one. Without account ids from `GET /auth/status` (it failed, or lacks them) the accounts
   * come from the sessions instead, and `saved` is kept (the server's answers check it). Answers
   * the chosen account, if any.
   */
  async loadAccounts(saved: string | undefined): Promise<string | undefined> {
    const status = await this.login
      .call((c, o) => c.authStatus(o))
      .catch((error: unknown): AuthStatusResponse => {
        const problem = toCoreError(error);
        if (problem.code === 'password-rejected' || problem.unreachable || this.login.refused) throw problem;
        return {};
      });
    const listed = (status.accountIds?.length ?? 0) > 0;
    const accounts = listed
      ? (status.accountIds ?? []).map((id, i) => ({ id, name: status.accountNames?.[i] ?? id }))
      : this.identity.accounts.slice();
    if (!listed && saved && !accounts.some((a) => a.id === saved)) accounts.push({ id: saved, name: saved });
    const chosen = accounts.some((a) => a.id === saved) ? saved : accounts.length === 1 ? accounts[0]?.id : undefined;
    const identity: Identity = { ...this.identity, accounts };
    if (status.displayName) identity.displayName = status.displayName;
    if (status.userId) identity.userId = status.userId;
    if (chosen) identity.accountId = chosen;
    else delete identity.accountId;
    if (listed) delete identity.accountsUnlisted;
    else identity.accountsUnlisted = true;
    this.identity = identity;
    this.accountsListed = listed;
    this.accountsLoaded = true;
    return chosen;
  }

  /**
   * The account the agent picked, checked: against the server's list when it gave one, else by
   * asking the server for one of that account's sessions (a 403 means it is not this user's).
   */
  async checkAccount(accountId: string): Promise<void> {
    const refuse = () =>
      new CoreError('not-found', `${this.login.userName} cannot work on account ${accountId}: pick one from the list.`);
    if (this.identity.accounts.some((a) => a.id === accountId)) return;
    if (this.accountsListed || accountId.trim() !== accountId || accountId === '') throw refuse();
    let answer;
    try {
      answer = await this.login.call((c, o) => c.getSessions({ accountIds: [accountId], countPerPage: 1 }, o));
    } catch (error) {
      const problem = toCoreError(error);
      throw problem.code === 'forbidden' || problem.code === 'invalid-payload' ? refuse() : problem;
    }
    // A server that ignored the filter answers with other accounts' calls: not a confirmation.
    if (answer.items?.some((s) => s.accountId !== undefined && s.accountId !== accountId)) throw refuse();
    this.nameAccounts([{ accountId, ...answer.items?.[0] }]);
  }

  /**
   * Adds or names accounts from the sessions a poll saw (when the server did not list them).
   * Answers true when the account list changed.
   */
  nameAccounts(sessions: Iterable<Pick<SessionInfo, 'accountId' | 'accountName'>>): boolean {
    if (this.accountsListed) return false;
    let accounts: Account[] | undefined;
    for (const { accountId, accountName } of sessions) {
      if (!accountId) continue;
      const list = accounts ?? this.identity.accounts;
      const known = list.find((a) => a.id === accountId);
      if (known && (known.name !== accountId || !accountName || accountName === accountId)) continue;
      accounts ??= this.identity.accounts.slice();
      const name = accountName ?? accountId;
      const i = accounts.findIndex((a) => a.id === accountId);
      if (i >= 0) accounts[i] = { id: accountId, name };
      else accounts.push({ id: accountId, name });
    }
    if (!accounts) return false;
    this.identity = { ...this.identity, accounts };
    return true;
  }
}
