// The console core: wires sign-in, the poll cycle, the live board, missed calls, holds and the
// console-data outbox to the host's ports, and publishes state and patches to subscribers.
import type { PatchSessionRequest, SessionInfo } from '../../shared/evovoice';
import { settingsSchema, type Settings } from '../../shared/ipc';
import { HOLD_TARGET, type Connection, type ConsoleState, type HoldState, type Identity } from '../../shared/live';
import { backoffDelay } from './backoff';
import { activityInterval, pollInterval, withJitter, type Activity } from './cadence';
import type { ConsoleCore, CoreEvent } from './console';
import { describeCore } from './diagnostics';
import { CoreError, toCoreError } from './errors';
import { LiveBoard } from './live-board';
import { Login, PASSWORD_REJECTED } from './login';
import { MissedCalls } from './missed-calls';
import { ConsoleDataOutbox } from './outbox';
import { historyPage } from './call-history';
import { fetchActivity, fetchSessions, isLive } from './feeds';
import { PasswordKeeper } from './keychain';
import { Poller } from './poller';
import type { CorePorts } from './ports';
import { checkServerUrl } from './server-url';
import { DurableStore } from './durable-store';
import { toVoicemailAudio, VOICEMAIL_MAX_BYTES, VoicemailShelf } from './voicemail';

/** The core plus what tests and the web shell use to wait for in-flight work. */
export interface LocalConsoleCore extends ConsoleCore {
  /** Resolves when no poll, outbox send or action is in flight. */
  settled(): Promise<void>;
}

/** An activity poll is due when this share of its interval has passed (polls are jittered). */
const ACTIVITY_DUE_SHARE = 0.85;
const RECENT_ERRORS = 20;
/** Settings that change what or how often the core polls: a change polls at once. */
const POLL_SETTINGS = ['endpointIds', 'activityWindowHours', 'pollLiveMs', 'pollVisibleMs', 'pollIdleMs'] as const;

export function createConsoleCore(ports: CorePorts): LocalConsoleCore {
  const { clock, log } = ports;
  let constructed = false;
  const store = new DurableStore(ports.settings, log, () => constructed && publishState());
  const random = ports.random ?? Math.random;
  const listeners = new Set<(event: CoreEvent) => void>();
  const board = new LiveBoard();
  const voicemail = new VoicemailShelf();
  const missed = new MissedCalls(store, ports.notifier, () => clock.now());
  const passwords = new PasswordKeeper(ports.secrets, log);
  const holds: Record<string, HoldState> = {};
  const actions = new Set<Promise<unknown>>();
  const recentErrors: string[] = [];
  let login: Login | undefined;
  let identity: Identity | undefined;
  let ready = false;
  let connection: Connection = { status: 'signed-out' };
  let failures = 0;
  let lastActivityAt = -Infinity;
  let visible = false;
  let locked = false;
  let unsubscribePower: (() => void) | undefined;

  const clientOptions = () => ({
    fetch: ports.fetch,
    now: () => clock.now(),
    ...(ports.requestTimeoutMs ? { timeoutMs: ports.requestTimeoutMs } : {}),
    onDropped: (path: string, dropped: string[]) =>
      log.warn('Evo Voice sent fields of the wrong type; dropped', { path, fields: dropped.slice(0, 20) }),
  });

  const poller = new Poller(clock, () => pollOnce());
  const outbox = new ConsoleDataOutbox({
    store,
    clock,
    random,
    log,
    transport: {
      current: (sessionId) =>
        signedIn()
          .call((c, o) => c.getSessions({ specificIds: [sessionId] }, o))
          .then((answer) => answer.items?.find((s) => s.id === sessionId)),
      write: (sessionId, text) => signedIn().call((c, o) => c.patchSession({ sessionId, consoleData: text }, o)),
    },
    onChange: () => publishState(),
    onSaved: (session) => {
      publishPatch(board.upsert(session));
      poller.now();
    },
  });

  function emit(event: CoreEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('A subscriber failed', { error: String(error) });
      }
    }
  }
  function state(): ConsoleState {
    const current: ConsoleState = {
      connection: { ...connection },
      missed: missed.unread.slice(),
      holds: { ...holds },
      consoleData: { ...outbox.statuses },
      doNotDisturb: store.getSettings().doNotDisturb,
    };
    if (store.problem) current.storage = store.problem;
    if (identity) current.identity = { ...identity, accounts: identity.accounts.slice() };
    return current;
  }
  function publishState(): void {
    emit({ type: 'state', state: state() });
  }
  function publishPatch(patch: ReturnType<LiveBoard['update']>): void {
    if (patch) emit({ type: 'patch', patch });
  }
  function publishSnapshot(): void {
    emit({ type: 'snapshot', snapshot: board.snapshot() });
  }
  function setConnection(next: Omit<Connection, 'lastGoodPoll'>): void {
    const changed =
      next.status !== connection.status ||
      next.message !== connection.message ||
      next.nextRetry !== connection.nextRetry;
    connection = { ...next, ...(connection.lastGoodPoll ? { lastGoodPoll: connection.lastGoodPoll } : {}) };
    if (changed) publishState();
  }
  function remember(error: CoreError): void {
    recentErrors.push(
      `${new Date(clock.now()).toISOString()} ${error.code}${error.status ? ` ${error.status}` : ''}: ${error.message}`,
    );
    if (recentErrors.length > RECENT_ERRORS) recentErrors.shift();
  }
  function track<T>(work: Promise<T>): Promise<T> {
    actions.add(work);
    void work.then(
      () => actions.delete(work),
      () => actions.delete(work),
    );
    return work;
  }

  function signedIn(): Login {
    if (!login) throw new CoreError('not-signed-in', 'Sign in to Evo Voice first.');
    return login;
  }
  function watchPower(): void {
    unsubscribePower ??= ports.power.on((event) => {
      switch (event) {
        case 'suspend':
          poller.pause();
          return;
        case 'resume':
          poller.resume();
          outbox.kick();
          return;
        case 'lock-screen':
          locked = true;
          return;
        case 'unlock-screen':
          locked = false;
          poller.now();
          return;
        case 'online':
          poller.now();
          outbox.kick();
          return;
        case 'offline':
          if (login && !login.isRejected)
            setConnection({ status: 'offline', message: 'This computer is offline: waiting for the network.' });
      }
    });
  }
  function begin(next: Login, displayName?: string, userId?: string): void {
    poller.stop();
    login = next;
    voicemail.forget();
    ready = false;
    failures = 0;
    lastActivityAt = -Infinity;
    identity = { serverUrl: next.serverUrl, userName: next.userName, accounts: [], demo: next.demo };
    if (displayName) identity.displayName = displayName;
    if (userId) identity.userId = userId;
    for (const id of Object.keys(holds)) delete holds[id];
    board.reset();
    publishSnapshot();
    watchPower();
  }
  async function loadAccounts(current: Login): Promise<void> {
    const status = await current.call((c, o) => c.authStatus(o));
    if (current !== login || !identity) return;
    const ids = status.accountIds ?? [];
    const accounts = ids.map((id, i) => ({ id, name: status.accountNames?.[i] ?? id }));
    const saved = current.demo ? identity.accountId : store.getSettings().accountId;
    const chosen = accounts.some((a) => a.id === saved) ? saved : accounts.length === 1 ? accounts[0]?.id : undefined;
    identity = { ...identity, accounts };
    if (status.displayName) identity.displayName = status.displayName;
    if (status.userId) identity.userId = status.userId;
    if (chosen) identity.accountId = chosen;
    else delete identity.accountId;
    if (chosen && !current.demo && chosen !== saved) store.setSettings({ accountId: chosen });
    ready = true;
    outbox.setOwner(current.owner);
    publishState();
  }
  function passwordRejected(current: Login): void {
    if (current !== login) return;
    poller.stop();
    outbox.setOwner(undefined);
    if (!current.demo) void passwords.forget(current.serverUrl, current.userName);
    setConnection({ status: 'signed-out', message: PASSWORD_REJECTED });
  }

  function activity(): Activity {
    return { liveCall: board.liveSessions.some(isLive), visible, locked };
  }
  function nextPoll(settings: Settings): number {
    return withJitter(pollInterval(settings, activity()), random);
  }
  async function pollOnce(): Promise<number> {
    const current = login;
    const settings = store.getSettings();
    if (!current) return settings.pollIdleMs;
    try {
      if (!ready) await loadAccounts(current);
      const accountId = identity?.accountId;
      if (current !== login || !accountId) return pollSucceeded(settings);
      const now = clock.now();
      const wantActivity = now - lastActivityAt >= activityInterval(settings, activity()) * ACTIVITY_DUE_SHARE;
      const [sessions, recent] = await Promise.allSettled([
        fetchSessions(current, accountId, settings, now, board.known),
        wantActivity ? fetchActivity(current, accountId, settings, now) : Promise.resolve(undefined),
      ]);
      if (current !== login || identity?.accountId !== accountId) return nextPoll(settings);
      const lists: { sessions?: SessionInfo[]; activity?: SessionInfo[] } = {};
      if (sessions.status === 'fulfilled') lists.sessions = sessions.value;
      if (recent.status === 'fulfilled' && recent.value) {
        lists.activity = recent.value;
        lastActivityAt = now;
      }
      publishPatch(board.update(lists));
      if (sessions.status === 'rejected') throw sessions.reason;
      if (recent.status === 'rejected') {
        const problem = toCoreError(recent.reason);
        if (problem.code === 'password-rejected') throw problem;
        remember(problem);
        markGoodPoll();
        if (missed.hasBaseline(current.owner) && missed.observe(current.owner, lists.sessions ?? [], settings)) {
          publishState();
        }
        setConnection({ status: 'degraded', message: `Recent activity is not updating: ${problem.message}` });
        return nextPoll(settings);
      }
      if (missed.observe(current.owner, [...(lists.sessions ?? []), ...(lists.activity ?? [])], settings))
        publishState();
      return pollSucceeded(settings);
    } catch (error) {
      if (current !== login) return settings.pollIdleMs;
      return pollFailed(current, toCoreError(error), settings);
    }
  }
  function markGoodPoll(): void {
    connection = { ...connection, lastGoodPoll: new Date(clock.now()).toISOString() };
  }
  function pollSucceeded(settings: Settings): number {
    failures = 0;
    markGoodPoll();
    setConnection({ status: 'online' });
    if (outbox.waiting) outbox.kick();
    return nextPoll(settings);
  }
  function pollFailed(current: Login, problem: CoreError, settings: Settings): number {
    remember(problem);
    if (problem.code === 'password-rejected') {
      passwordRejected(current);
      return settings.pollIdleMs;
    }
    failures++;
    const delay = backoffDelay(failures, random, problem.retryAfterMs);
    log.warn('Poll failed', { code: problem.code, status: problem.status, failures });
    setConnection({
      status: problem.unreachable ? 'offline' : 'degraded',
      message: problem.message,
      nextRetry: new Date(clock.now() + delay).toISOString(),
    });
    return delay;
  }

  const core: LocalConsoleCore = {
    async start() {
      watchPower();
      const settings = store.getSettings();
      if (!settings.userName || !settings.serverUrl || login) return;
      let serverUrl: string;
      let password: string | null;
      try {
        serverUrl = checkServerUrl(settings.serverUrl);
        password = await passwords.restore(serverUrl, settings.userName);
      } catch (error) {
        setConnection({ status: 'signed-out', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (!password) return;
      begin(new Login(serverUrl, settings.userName, password, false, clientOptions()));
      setConnection({ status: 'offline', message: `Connecting to ${new URL(serverUrl).host}…` });
      poller.start();
    },

    async stop() {
      poller.stop();
      outbox.stop();
      login?.cancel();
      login = undefined;
      ready = false;
      unsubscribePower?.();
      unsubscribePower = undefined;
      await core.settled();
    },

    getState: state,
    getSnapshot: () => board.snapshot(),
    getSettings: () => store.getSettings(),

    updateSettings(patch) {
      const parsed = settingsSchema.partial().strict().safeParse(patch);
      if (!parsed.success) {
        throw new CoreError('invalid-payload', `Settings not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
      }
      if (parsed.data.serverUrl !== undefined) parsed.data.serverUrl = checkServerUrl(parsed.data.serverUrl);
      const before = store.getSettings();
      const next = store.setSettings(parsed.data);
      emit({ type: 'settings', settings: next });
      if (before.doNotDisturb !== next.doNotDisturb) publishState();
      if (POLL_SETTINGS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]))) poller.now();
      return next;
    },

    subscribe(listener) {
      listeners.add(listener);
      listener({ type: 'snapshot', snapshot: board.snapshot() });
      listener({ type: 'state', state: state() });
      return () => listeners.delete(listener);
    },

    async signIn(args, options = {}) {
      const demo = options.demo === true;
      const serverUrl = checkServerUrl(args.serverUrl);
      const next = new Login(serverUrl, args.userName, args.password, demo, clientOptions());
      let answer;
      try {
        answer = await track(next.signIn());
      } catch (error) {
        const problem = toCoreError(error);
        remember(problem);
        throw problem;
      }
      const previous = login;
      begin(next, answer.displayName, answer.userId);
      if (previous && previous !== next) {
        previous.cancel();
        void previous.end();
      }
      if (!demo) {
        store.setSettings({ serverUrl, userName: args.userName });
        const problem = await passwords.keep(serverUrl, args.userName, args.password, args.remember);
        if (problem && identity) identity.keychainProblem = problem;
      }
      setConnection({ status: 'online' });
      try {
        await track(loadAccounts(next));
      } catch (error) {
        const problem = toCoreError(error);
        remember(problem);
        log.warn('Signed in, but the account list did not load; the poll will retry', { code: problem.code });
      }
      poller.start();
      return { ...(identity as Identity) };
    },

    async signOut() {
      const current = login;
      poller.stop();
      outbox.setOwner(undefined);
      login = undefined;
      ready = false;
      identity = undefined;
      for (const id of Object.keys(holds)) delete holds[id];
      if (current && !current.demo) await passwords.forget(current.serverUrl, current.userName);
      current?.cancel();
      if (current) await track(current.end());
      board.reset();
      publishSnapshot();
      connection = { status: 'signed-out' };
      publishState();
    },

    async selectAccount(accountId) {
      const current = signedIn();
      if (!identity?.accounts.some((a) => a.id === accountId)) {
        throw new CoreError(
          'not-found',
          `${current.userName} cannot work on account ${accountId}: pick one from the list.`,
        );
      }
      identity = { ...identity, accountId };
      if (!current.demo) store.setSettings({ accountId });
      lastActivityAt = -Infinity;
      board.reset();
      publishSnapshot();
      publishState();
      poller.now();
      return { ...identity };
    },

    async hold(args) {
      const current = signedIn();
      const id = args.sessionId;
      if (holds[id]) {
        throw new CoreError('busy', 'This call is already being put on hold or resumed: wait a moment.');
      }
      if (!board.find(id)) throw new CoreError('not-found', 'This call is no longer on the board: it may have ended.');
      const overlay: Partial<SessionInfo> =
        args.action === 'hold'
          ? { callState: HOLD_TARGET.hold, holdReason: args.reason ?? 'None' }
          : { callState: HOLD_TARGET.resume };
      const request: PatchSessionRequest = { sessionId: id, ...overlay };
      holds[id] = args.action === 'hold' ? 'pending-hold' : 'pending-resume';
      publishPatch(board.overlay(id, overlay));
      publishState();
      try {
        const updated = await track(current.call((c, o) => c.patchSession(request, o)));
        delete holds[id];
        publishPatch(board.settle(id, updated));
        publishState();
        poller.now();
        return updated;
      } catch (error) {
        delete holds[id];
        publishPatch(board.settle(id));
        publishState();
        const problem = toCoreError(error);
        remember(problem);
        if (problem.code === 'password-rejected') passwordRejected(current);
        const what = args.action === 'hold' ? 'put the call on hold' : 'take the call off hold';
        throw new CoreError(problem.code, `Could not ${what}: ${problem.message}`, {
          ...(problem.status !== undefined ? { status: problem.status } : {}),
          cause: problem,
        });
      }
    },

    saveConsoleData(args) {
      return outbox.save(signedIn().owner, args);
    },

    resolveConflict(args) {
      signedIn();
      return outbox.resolve(args.sessionId, args.text);
    },

    markMissedSeen(sessionIds) {
      if (missed.markSeen(sessionIds)) publishState();
    },

    async loadCallHistory(args) {
      const current = signedIn();
      const accountId = identity?.accountId;
      if (!accountId) throw new CoreError('not-signed-in', 'Choose an account first.');
      const answer = await track(
        current.call((c, o) => c.getCallHistory({ accountId, page: args.page, countPerPage: args.countPerPage }, o)),
      );
      return historyPage(answer, args);
    },

    async loadDashboard(args = {}) {
      const current = signedIn();
      const accountId = identity?.accountId;
      if (!accountId) throw new CoreError('not-signed-in', 'Choose an account first.');
      return voicemail.remember(await track(current.call((c, o) => c.getPortalHome({ accountId, ...args }, o))));
    },

    async voicemailAudio(voicemailId) {
      const current = signedIn();
      const uri = voicemail.uriOf(voicemailId);
      return toVoicemailAudio(await track(current.call((c, o) => c.getFile(uri, VOICEMAIL_MAX_BYTES, o))));
    },

    pollNow() {
      failures = 0;
      poller.now();
    },

    setWindowVisible(next) {
      const wasVisible = visible;
      visible = next;
      if (next && !wasVisible) poller.now();
    },

    diagnostics() {
      return describeCore({
        state: state(),
        settings: store.getSettings(),
        snapshot: board.snapshot(),
        activity: activity(),
        failures,
        polling: poller.isActive,
        recentErrors,
      });
    },

    async settled() {
      while (poller.busy || outbox.busy || actions.size) {
        await Promise.allSettled([poller.settled(), outbox.settled(), ...actions]);
      }
    },
  };

  constructed = true;
  return core;
}
