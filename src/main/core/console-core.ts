// The console core's wiring: builds the stores, board, outbox, sign-in, poll cycle and call
// actions on the host's ports, and publishes state and patches to subscribers.
import type { ConsoleState, LivePatch } from '../../shared/live';
import { notificationLocale } from '../../shared/missed-call-text';
import { CallActions } from './call-actions';
import { ConnectionStatus } from './connection';
import type { ConsoleCore, CoreEvent } from './console';
import type { CoreContext } from './context';
import { describeCore } from './diagnostics';
import { DroppedFields } from './dropped-fields';
import { DurableStore } from './durable-store';
import { HoldAlerts } from './hold-alerts';
import { InFlight } from './in-flight';
import { PasswordKeeper } from './keychain';
import { LiveBoard } from './live-board';
import { MissedCalls } from './missed-calls';
import { ConsoleDataOutbox, loginTransport } from './outbox';
import { PollCycle } from './poll-cycle';
import { Poller } from './poller';
import { Portal } from './portal';
import type { CorePorts } from './ports';
import { followPowerEvents } from './power';
import { RememberedPasswords } from './remembered-passwords';
import { RowView } from './row-view';
import { parseSettingsPatch, settingsEffects } from './settings-patch';
import { SignIns } from './sign-in';
import { Subscribers } from './subscribers';

/** The core plus what tests and the web shell use to wait for in-flight work. */
export interface LocalConsoleCore extends ConsoleCore {
  /** Resolves when no poll, outbox send or action is in flight. */
  settled(): Promise<void>;
}

export function createConsoleCore(ports: CorePorts): LocalConsoleCore {
  const { clock, log } = ports;
  const subscribers = new Subscribers(log);
  const emit = (event: CoreEvent) => subscribers.emit(event);
  const store = new DurableStore(ports.settings, log, publishState);
  const random = ports.random ?? Math.random;
  const board = new LiveBoard({ now: () => clock.now(), agent: () => signIns.session?.identity });
  const rows = new RowView(board);
  const missed = new MissedCalls(store, ports.notifier, () => clock.now());
  const connection = new ConnectionStatus(clock, publishState);
  const remembered = new RememberedPasswords(ports.secrets, store);
  const droppedFields = new DroppedFields(log, publishState);
  const inFlight = new InFlight();
  const track = <T>(work: Promise<T>) => inFlight.track(work);
  const screen = { visible: false, locked: false };
  let unsubscribePower: (() => void) | undefined;
  const holdAlerts = new HoldAlerts({
    clock,
    notifier: ports.notifier,
    seconds: () => store.getSettings().holdAlertSeconds,
    agent: () => signIns.session?.identity,
    locale: () => notificationLocale(store.getSettings().language),
    privateText: () => store.getSettings().privateNotifications,
    onChange: publishState,
  });

  const outbox = new ConsoleDataOutbox({
    store,
    clock,
    random,
    log,
    transport: loginTransport(() => signIns.signedIn().login),
    onChange: publishState,
    onSaved: (saved) => {
      publishPatch(board.upsert(saved));
      poller.now();
    },
  });
  const context: CoreContext = {
    clock,
    random,
    log,
    store,
    board,
    missed,
    outbox,
    connection,
    session: () => signIns.session,
    land: (from, apply) => (from === signIns.session ? apply() : undefined),
    publishPatch,
    publishState,
    pollSoon: () => poller.now(),
    track,
    failed(from, problem) {
      connection.remember(problem);
      if (problem.code === 'password-rejected' || from.login.refused)
        context.land(from, () => signIns.signedOutByServer(from, problem));
    },
  };
  const cycle = new PollCycle(context, () => screen);
  const poller = new Poller(clock, () => cycle.pollOnce());
  const calls = new CallActions(context);
  const signIns = new SignIns({
    core: context,
    passwords: new PasswordKeeper(remembered, log),
    missingPassword: (serverUrl, userName) => remembered.missing(serverUrl, userName),
    poller,
    client: {
      fetch: ports.fetch,
      now: () => clock.now(),
      ...(ports.requestTimeoutMs ? { timeoutMs: ports.requestTimeoutMs } : {}),
      onDropped: (path, dropped) => droppedFields.record(path, dropped),
      fileHosts: () => ports.settings.recordingHosts,
      ...(ports.resolveHost ? { resolveHost: ports.resolveHost } : {}),
    },
    loadAccounts: (session) => cycle.loadAccounts(session),
    publishSnapshot: () => {
      portal.forget();
      holdAlerts.clear();
      holdAlerts.review(board.liveSessions);
      emit(snapshotEvent());
    },
  });
  const portal = new Portal({ signedIn: () => signIns.signedIn(), track });

  function state(): ConsoleState {
    const session = signIns.session;
    const current: ConsoleState = {
      connection: connection.value,
      missed: missed.unread.slice(),
      holds: Object.fromEntries(session?.holds ?? []),
      consoleData: { ...outbox.statuses },
      doNotDisturb: store.getSettings().doNotDisturb,
    };
    if (store.problem) current.storage = store.problem;
    if (droppedFields.summary) current.ignoredFields = droppedFields.summary;
    const heldSince = holdAlerts.heldSince();
    if (Object.keys(heldSince).length) current.heldSince = heldSince;
    if (session) current.identity = { ...session.identity, accounts: session.identity.accounts.slice() };
    return current;
  }
  /** Nobody can have subscribed while the core is being built: nothing to publish then. */
  function publishState(): void {
    if (subscribers.any) emit({ type: 'state', state: state() });
  }
  function publishPatch(patch: LivePatch | undefined): void {
    if (!patch) return;
    emit({ type: 'patch', patch, rows: rows.patch(patch) });
    holdAlerts.review(board.liveSessions);
  }
  function snapshotEvent(): CoreEvent {
    const snapshot = board.snapshot();
    return { type: 'snapshot', snapshot, rows: rows.snapshot(snapshot) };
  }
  function watchPower(): void {
    unsubscribePower ??= followPowerEvents(ports.power, {
      poller,
      outbox,
      screen,
      offline: () => signIns.networkLost(),
    });
  }

  const core: LocalConsoleCore = {
    async start() {
      watchPower();
      const { userName, serverUrl } = store.getSettings();
      if (userName && serverUrl && !signIns.session) await signIns.restore(serverUrl, userName);
    },

    async stop() {
      poller.stop();
      holdAlerts.stop();
      outbox.stop();
      signIns.stop();
      unsubscribePower?.();
      unsubscribePower = undefined;
      await core.settled();
    },

    getState: state,
    getSnapshot: () => board.snapshot(),
    getRowSnapshot: () => rows.snapshot(),
    snapshotRows: (args) => rows.rows(args),
    callDetails: (sessionId) => rows.details(sessionId),
    getSettings: () => store.getSettings(),

    updateSettings(patch) {
      const before = store.getSettings();
      const next = store.setSettings(parseSettingsPatch(patch));
      emit({ type: 'settings', settings: next });
      const effects = settingsEffects(before, next);
      if (effects.state) publishState();
      if (effects.holdAlerts) holdAlerts.reschedule();
      if (effects.poll) poller.now();
      return next;
    },

    subscribe(listener) {
      listener(snapshotEvent());
      listener({ type: 'state', state: state() });
      return subscribers.add(listener);
    },

    async signIn(args, options = {}) {
      watchPower();
      return signIns.signIn(args, options.demo === true);
    },
    signOut: () => signIns.signOut(),
    selectAccount: (accountId) => signIns.selectAccount(accountId),

    hold: (args) => calls.hold(signIns.signedIn(), args),
    async saveConsoleData(args) {
      return outbox.onDisk(outbox.save(signIns.signedIn().owner, args, board.callerOf(args.sessionId)));
    },
    async resolveConflict(args) {
      signIns.signedIn();
      return outbox.onDisk(outbox.resolve(args.sessionId, args.text));
    },
    async retryConsoleData(args) {
      signIns.signedIn();
      return outbox.onDisk(outbox.retry(args.sessionId));
    },
    discardConsoleData(args) {
      signIns.signedIn();
      outbox.discard(args.sessionId);
    },

    markMissedSeen(sessionIds) {
      if (missed.markSeen(sessionIds)) publishState();
    },

    loadOlderActivity: () => track(cycle.olderActivity(signIns.signedIn())),
    loadCallHistory: (args) => portal.callHistory(args),
    loadDashboard: (args) => portal.dashboard(args),
    voicemailAudio: (voicemailId) => portal.voicemailAudio(voicemailId),

    pollNow() {
      if (signIns.session) {
        signIns.session.failures = 0;
        signIns.session.login.retryNow();
      }
      poller.now();
    },

    setWindowVisible(visible) {
      const appeared = visible && !screen.visible;
      screen.visible = visible;
      if (appeared) poller.now();
    },

    diagnostics() {
      return describeCore({
        state: state(),
        settings: store.getSettings(),
        snapshot: board.snapshot(),
        activity: cycle.activity(),
        failures: signIns.session?.failures ?? 0,
        polling: poller.isActive,
        recentErrors: connection.recentErrors,
      });
    },

    async settled() {
      while (poller.busy || inFlight.busy || outbox.busy) {
        await Promise.allSettled([poller.settled(), outbox.settled(), inFlight.settled()]);
      }
      await missed.settled();
    },
  };

  return core;
}
