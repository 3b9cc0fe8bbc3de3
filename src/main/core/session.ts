// One signed-in session: the Login, the identity and chosen account, the holds in flight, the
// poll failures in a row and the last activity fetch. The core replaces it as a whole on sign-in,
// sign-out and account switch, so work begun under an older one is recognised by identity alone.
import type { HoldState, Identity } from '../../shared/live';
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
    return new SignedInSession(this.login, { ...this.identity, accountId }, this.accountsLoaded);
  }

  get accountId(): string | undefined {
    return this.identity.accountId;
  }

  /** Whose notes and missed calls these are. */
  get owner(): string {
    return this.login.owner;
  }

  /**
   * Loads the account list and chooses an account: `saved` when it is still offered, else the
   * only one. Answers the chosen account, if any.
   */
  async loadAccounts(saved: string | undefined): Promise<string | undefined> {
    const status = await this.login.call((c, o) => c.authStatus(o));
    const accounts = (status.accountIds ?? []).map((id, i) => ({ id, name: status.accountNames?.[i] ?? id }));
    const chosen = accounts.some((a) => a.id === saved) ? saved : accounts.length === 1 ? accounts[0]?.id : undefined;
    const identity: Identity = { ...this.identity, accounts };
    if (status.displayName) identity.displayName = status.displayName;
    if (status.userId) identity.userId = status.userId;
    if (chosen) identity.accountId = chosen;
    else delete identity.accountId;
    this.identity = identity;
    this.accountsLoaded = true;
    return chosen;
  }
}
