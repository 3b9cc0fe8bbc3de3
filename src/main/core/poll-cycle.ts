// The poll cycle: one poll of the signed-in session's feeds (today's sessions always, recent
// activity when due), laid onto the board, missed calls and connection; backoff on failure.
import type { SessionInfo } from '../../shared/evovoice';
import type { Settings } from '../../shared/ipc';
import { ActivityHistory } from './activity-history';
import { backoffDelay, RETRY_AFTER_CAP_MS } from './backoff';
import { type Activity, activityDue, pollInterval, withJitter } from './cadence';
import type { CoreContext } from './context';
import { type CoreError, toCoreError } from './errors';
import { type ActivityPage, fetchActivity, fetchSessions, isLive } from './feeds';
import type { SignedInSession } from './session';
import { SessionFeed } from './session-feed';

/** What an older-activity read added to the list, and whether the server has more. */
export interface OlderActivity {
  added: number;
  more: boolean;
}

/** What one poll fetched for one account. */
interface Fetched {
  poll: number;
  now: number;
  sessions: PromiseSettledResult<SessionInfo[]>;
  activity: PromiseSettledResult<ActivityPage | undefined>;
}

export class PollCycle {
  /** Each signed-in session's sessions feed: a new sign-in or account starts with a full read. */
  private readonly feeds = new WeakMap<SignedInSession, SessionFeed>();
  /** Each signed-in session's activity list: the news, and the older calls the agent asked for. */
  private readonly histories = new WeakMap<SignedInSession, ActivityHistory>();
  /** An older-calls read in flight, per session: a second ask shares it. */
  private readonly olderReads = new WeakMap<SignedInSession, Promise<OlderActivity>>();

  /** `screen` answers whether the window is visible and the screen locked. */
  constructor(
    private readonly core: CoreContext,
    private readonly screen: () => { visible: boolean; locked: boolean },
  ) {}

  /** What sets the pace: a live call on the board, the window, the lock screen. */
  activity(): Activity {
    return { liveCall: this.core.board.liveSessions.some(isLive), ...this.screen() };
  }

  /** One poll; answers the delay before the next one. */
  async pollOnce(): Promise<number> {
    const session = this.core.session();
    const settings = this.core.store.getSettings();
    if (!session) return settings.pollIdleMs;
    // Immediate polls (window shown, unlock, network back, after an action) wait too.
    const wait = session.login.notBefore - this.core.clock.now();
    if (wait > 0) return wait;
    try {
      if (!session.accountsLoaded) await this.loadAccounts(session);
      const accountId = session.accountId;
      const unlisted = !session.accountsListed;
      const fetched = accountId || unlisted ? await this.fetch(session, accountId, settings) : undefined;
      return this.core.land(session, () => this.apply(session, settings, fetched)) ?? this.nextPoll(settings);
    } catch (error) {
      return this.core.land(session, () => this.failed(session, toCoreError(error), settings)) ?? settings.pollIdleMs;
    }
  }

  /** Loads the session's accounts; once they land, the outbox may send that user's notes. */
  async loadAccounts(session: SignedInSession): Promise<void> {
    const { store } = this.core;
    const saved = session.login.demo ? session.accountId : store.getSettings().accountId;
    const chosen = await session.loadAccounts(saved);
    this.core.land(session, () => {
      if (chosen && !session.login.demo && chosen !== saved) store.setSettings({ accountId: chosen });
      this.core.outbox.setOwner(session.owner);
      this.core.publishState();
    });
  }

  private async fetch(session: SignedInSession, accountId: string | undefined, settings: Settings): Promise<Fetched> {
    const { board, clock } = this.core;
    const poll = board.pollStarted();
    const now = clock.now();
    const due = activityDue(settings, this.activity(), now - session.lastActivityAt);
    const activity = () => fetchActivity(session.login, accountId, settings, now);
    const [sessions, first] = await Promise.allSettled([
      fetchSessions(this.feedOf(session), session.login, accountId, settings, now, board.known, board.pages),
      due === 'now' ? activity() : Promise.resolve(undefined),
    ]);
    // Quiet: the activity feed is read when a call has ended since the last poll (it changes then).
    const ended = due === 'if-a-call-ended' && sessions.status === 'fulfilled' && board.callEnded(sessions.value);
    const [then] = ended ? await Promise.allSettled([activity()]) : [first];
    return { poll, now, sessions, activity: then };
  }

  /** The sessions feed of `session` (made on its first poll). */
  feedOf(session: SignedInSession): SessionFeed {
    let feed = this.feeds.get(session);
    if (!feed) this.feeds.set(session, (feed = new SessionFeed(this.core.log)));
    return feed;
  }

  /** The activity list of `session` (made on its first use). */
  historyOf(session: SignedInSession): ActivityHistory {
    let history = this.histories.get(session);
    if (!history) this.histories.set(session, (history = new ActivityHistory()));
    return history;
  }

  /**
   * The agent asked for older activity: the next page after what the list shows, read once and
   * kept under the news (polls still read one page). Answers how many calls it added and whether
   * the server has more.
   */
  olderActivity(session: SignedInSession): Promise<OlderActivity> {
    const running = this.olderReads.get(session);
    if (running) return running;
    const read = this.readOlder(session).finally(() => this.olderReads.delete(session));
    this.olderReads.set(session, read);
    return read;
  }

  private async readOlder(session: SignedInSession): Promise<OlderActivity> {
    const history = this.historyOf(session);
    const next = history.olderRequest();
    if (!next) return { added: 0, more: false };
    const { clock, store } = this.core;
    const page = await fetchActivity(
      session.login,
      session.accountId,
      store.getSettings(),
      clock.now(),
      next.page,
      next.countPerPage,
    );
    return (
      this.core.land(session, () => {
        const added = history.older(page);
        this.core.publishPatch(this.core.board.update({ activity: history.list }));
        return { added, more: history.hasMore };
      }) ?? { added: 0, more: false }
    );
  }

  private apply(session: SignedInSession, settings: Settings, fetched: Fetched | undefined): number {
    if (!fetched) return this.succeeded(session, settings);
    const { board, missed, publishState } = this.core;
    const lists: { sessions?: SessionInfo[]; activity?: SessionInfo[] } = {};
    if (fetched.sessions.status === 'fulfilled') lists.sessions = fetched.sessions.value;
    if (fetched.activity.status === 'fulfilled' && fetched.activity.value) {
      lists.activity = this.historyOf(session).news(fetched.activity.value);
      session.lastActivityAt = fetched.now;
    }
    this.core.publishPatch(board.update(lists, fetched.poll));
    if (session.nameAccounts([...(lists.sessions ?? []), ...(lists.activity ?? [])])) publishState();
    if (fetched.sessions.status === 'rejected')
      return this.failed(session, toCoreError(fetched.sessions.reason), settings);
    if (fetched.activity.status === 'rejected') {
      const problem = toCoreError(fetched.activity.reason);
      if (problem.code === 'password-rejected' || session.login.refused) return this.failed(session, problem, settings);
      if (problem.retryAfterMs !== undefined)
        session.login.holdOff(fetched.now + Math.min(problem.retryAfterMs, RETRY_AFTER_CAP_MS), true);
      this.core.connection.remember(problem);
      this.core.connection.markGoodPoll();
      if (missed.hasBaseline(session.missedKey) && missed.observe(session.missedKey, lists.sessions ?? [], settings)) {
        publishState();
      }
      this.core.connection.set({ status: 'degraded', message: `Recent activity is not updating: ${problem.message}` });
      return this.nextPoll(settings);
    }
    if (missed.observe(session.missedKey, [...(lists.sessions ?? []), ...(lists.activity ?? [])], settings))
      publishState();
    return this.succeeded(session, settings);
  }

  private succeeded(session: SignedInSession, settings: Settings): number {
    session.failures = 0;
    this.core.connection.markGoodPoll();
    this.core.connection.set({ status: 'online' });
    if (this.core.outbox.waiting) this.core.outbox.kick();
    return this.nextPoll(settings);
  }

  private failed(session: SignedInSession, problem: CoreError, settings: Settings): number {
    this.core.failed(session, problem);
    if (problem.code === 'password-rejected' || session.login.refused) return settings.pollIdleMs;
    session.failures++;
    const delay = backoffDelay(session.failures, this.core.random, problem.retryAfterMs);
    session.login.holdOff(this.core.clock.now() + delay, problem.retryAfterMs !== undefined);
    this.core.log.warn('Poll failed', { code: problem.code, status: problem.status, failures: session.failures });
    this.core.connection.set({
      status: problem.unreachable ? 'offline' : 'degraded',
      message: problem.message,
      nextRetry: new Date(this.core.clock.now() + delay).toISOString(),
    });
    return delay;
  }

  private nextPoll(settings: Settings): number {
    return withJitter(pollInterval(settings, this.activity()), this.core.random);
  }
}
