// The page's start and its link to main, runes compiled by the stores project: the first
// 'state:get' fills the stores (or says why the console cannot start), then every event reaches the
// right store; a patch that does not follow on asks for one resync at a time; visibility is reported.
// Each test starts a fresh page (fresh modules), as a reload does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import type { RequestResult, StartNotice } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { type ConsoleState, type Identity, packRows, type RowSnapshot } from '../../src/shared/live';
import { installPage, settle } from './fake-page';

const page = installPage();

const identity: Identity = {
  serverUrl: 'https://evo.example',
  userName: 'ann',
  displayName: 'Ann',
  accounts: [
    { id: 'a1', name: 'Acme' },
    { id: 'a2', name: 'Beta' },
  ],
  accountId: 'a2',
  demo: false,
};
const signedIn: ConsoleState = {
  identity,
  connection: { status: 'online' },
  missed: [],
  holds: {},
  consoleData: {},
  doNotDisturb: false,
};
const signedOut: ConsoleState = { ...signedIn, identity: undefined, connection: { status: 'signed-out' } };

const snapshot = (version: number, sessions: SessionInfo[]): RowSnapshot => ({
  version,
  sessions: packRows(sessions),
  activity: packRows([]),
  total: { sessions: sessions.length, activity: 0 },
});

const started = (fields: Partial<RequestResult<'state:get'>> = {}): RequestResult<'state:get'> => ({
  state: signedIn,
  snapshot: snapshot(3, [{ id: 's1', callState: 'Ringing', dateCreated: '2026-12-05T09:00:00.000Z' }]),
  settings: { ...DEFAULT_SETTINGS, language: 'en', theme: 'dark' },
  ...fields,
});

const RESET: StartNotice = {
  code: 'settings-reset',
  message: 'Your settings could not be read or saved and were reset to the defaults. settings.json was damaged.',
  detail: 'settings.json was damaged and has been reset (a copy is kept as settings.json.bak).',
};

async function freshPage() {
  vi.resetModules();
  const [startup, consoleStore, liveStore, navigationStore, toastStore, clockStore, auth] = await Promise.all([
    import('../../src/renderer/src/state/startup'),
    import('../../src/renderer/src/state/console.svelte'),
    import('../../src/renderer/src/state/live.svelte'),
    import('../../src/renderer/src/state/navigation.svelte'),
    import('../../src/renderer/src/state/toasts.svelte'),
    import('../../src/renderer/src/state/clock.svelte'),
    import('../../src/renderer/src/state/auth'),
  ]);
  return {
    ...startup,
    ...auth,
    consoleMirror: consoleStore.consoleMirror,
    live: liveStore.live,
    navigation: navigationStore.navigation,
    toasts: toastStore.toasts,
    clock: clockStore.clock,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  page.main.reset();
  page.main.ok('app:visibility', null);
  page.root.dataset = {};
  page.visibility.state = 'visible';
});
afterEach(() => vi.useRealTimers());

describe('before main answers', () => {
  it('shows no one signed in, nothing missed or locked, no update, and is not ready even with a board', async () => {
    const p = await freshPage();
    expect(p.consoleMirror.state).toEqual({
      connection: { status: 'signed-out' },
      missed: [],
      holds: {},
      consoleData: {},
      doNotDisturb: false,
    });
    expect([p.consoleMirror.lockedSettings, p.consoleMirror.hotkeysByDesktop, p.consoleMirror.update]).toEqual([
      [],
      false,
      { phase: 'idle' },
    ]);
    expect(p.consoleMirror.settings).toEqual(DEFAULT_SETTINGS);
    p.live.replace(snapshot(1, []));
    expect(p.consoleMirror.ready, 'a board but no one signed in').toBe(false);
  });
});

describe('the first state:get', () => {
  it('fills the stores, shows the board, applies the theme and reports the page visible', async () => {
    const p = await freshPage();
    page.main.ok('state:get', started({ lockedSettings: ['theme'], hotkeysByDesktop: true, notices: [RESET] }));
    expect(p.consoleMirror.ready).toBe(false);
    await p.startConsole();
    expect(p.consoleMirror.answered).toBe(true);
    expect(p.consoleMirror.ready).toBe(true);
    expect(p.consoleMirror.identity).toEqual(identity);
    expect(p.consoleMirror.signedIn).toBe(true);
    expect(p.consoleMirror.activeAccountName).toBe('Beta');
    expect(p.consoleMirror.needsAccount).toBe(false);
    expect(p.consoleMirror.settings.theme).toBe('dark');
    expect(p.consoleMirror.lockedSettings).toEqual(['theme']);
    expect(p.consoleMirror.hotkeysByDesktop).toBe(true);
    expect(page.root.dataset.theme).toBe('dark');
    expect(p.live.version).toBe(3);
    expect(p.live.ordered.map((s) => s.id)).toEqual(['s1']);
    expect(p.toasts.items.map((t) => [t.kind, t.title, t.body])).toEqual([['error', 'Settings', RESET.message]]);
    expect(page.main.of('app:visibility')).toEqual([{ visible: true }]);
  });

  it("words a start notice in the agent's language, the particulars for IT support as they came", async () => {
    const p = await freshPage();
    const spanish = { ...DEFAULT_SETTINGS, language: 'es' as const };
    page.main.ok('state:get', started({ settings: spanish, notices: [RESET] }));
    await p.startConsole();
    expect(p.toasts.items.map((t) => [t.title, t.body])).toEqual([
      [
        'Ajustes',
        'No se pudieron leer ni guardar sus ajustes y se han restablecido los valores predeterminados. settings.json was damaged and has been reset (a copy is kept as settings.json.bak).',
      ],
    ]);
  });

  it('takes the defaults for what main leaves out, and no board while signed out', async () => {
    const p = await freshPage();
    page.main.ok('state:get', started({ state: signedOut, settings: { ...DEFAULT_SETTINGS, theme: 'system' } }));
    page.root.dataset = { theme: 'light' };
    await p.startConsole();
    expect(p.consoleMirror.lockedSettings).toEqual([]);
    expect(p.consoleMirror.hotkeysByDesktop).toBe(false);
    expect(p.consoleMirror.signedIn).toBe(false);
    expect(p.consoleMirror.activeAccountName).toBe('');
    expect(p.consoleMirror.needsAccount).toBe(false);
    expect(p.live.loaded).toBe(false);
    expect(page.root.dataset.theme, 'system: the page follows prefers-color-scheme').toBeUndefined();
    expect(p.toasts.items).toEqual([]);
  });

  it('keeps a newer board that was pushed before the answer came', async () => {
    const p = await freshPage();
    const release = page.main.hold('state:get', { ok: true, value: started() });
    const starting = p.startConsole();
    page.main.emit('live:snapshot', snapshot(5, [{ id: 'newer', dateCreated: '2026-12-05T09:01:00.000Z' }]));
    page.main.emit('state:changed', signedIn);
    expect(p.consoleMirror.ready, 'signed in and the board is here: ready before the answer').toBe(true);
    await release();
    await starting;
    expect(p.live.version).toBe(5);
    expect(p.live.sessions.map((s) => s.id)).toEqual(['newer']);
  });

  it('takes the answer’s board when it is newer than the one pushed', async () => {
    const p = await freshPage();
    const release = page.main.hold('state:get', { ok: true, value: started() });
    const starting = p.startConsole();
    page.main.emit('live:snapshot', snapshot(2, [{ id: 'older' }]));
    await release();
    await starting;
    expect(p.live.version).toBe(3);
  });

  it('says why the console cannot start when state:get fails', async () => {
    const p = await freshPage();
    page.main.refuse('state:get', { code: 'internal', message: 'The core did not start.' });
    await p.startConsole();
    expect(p.consoleMirror.startError).toBe('The core did not start.');
    expect(p.consoleMirror.answered).toBe(false);
    expect(page.main.of('app:visibility')).toEqual([]);
  });
});

describe('events from main', () => {
  async function running() {
    const p = await freshPage();
    page.main.ok('state:get', started());
    await p.startConsole();
    return p;
  }

  it('applies patches in order, and asks for one resync when one does not follow on', async () => {
    const p = await running();
    page.main.emit('live:patch', {
      version: 4,
      sessions: { added: [], changed: [{ id: 's1', set: { callState: 'Connected' } }], removed: [] },
    });
    expect(p.live.session('s1')?.callState).toBe('Connected');
    const release = page.main.hold('live:resync', { ok: true, value: snapshot(9, [{ id: 'fresh' }]) });
    page.main.emit('live:patch', { version: 7 });
    page.main.emit('live:patch', { version: 8 });
    await release();
    expect(page.main.of('live:resync')).toHaveLength(1);
    expect(p.live.version).toBe(9);
    page.main.refuse('live:resync', { code: 'network', message: 'No link.' });
    page.main.emit('live:patch', { version: 20 });
    await settle();
    expect(p.toasts.items.at(-1)).toMatchObject({
      kind: 'error',
      title: 'Live calls may be out of date',
      body: 'No link.',
    });
    expect(page.main.of('live:resync')).toHaveLength(2);
  });

  it('mirrors the state, and clears the board when the agent is signed out', async () => {
    const p = await running();
    page.main.emit('state:changed', { ...signedIn, doNotDisturb: true });
    expect(p.consoleMirror.state.doNotDisturb).toBe(true);
    expect(p.live.loaded).toBe(true);
    page.main.emit('state:changed', signedOut);
    expect(p.live.loaded).toBe(false);
    page.main.emit('live:snapshot', snapshot(1, [{ id: 'x' }]));
    page.main.emit('state:changed', signedOut);
    expect(p.live.loaded, 'already signed out: the board stays').toBe(true);
  });

  it('applies settings and their theme, and the update status', async () => {
    const p = await running();
    page.main.emit('settings:changed', { ...DEFAULT_SETTINGS, theme: 'light' });
    expect(p.consoleMirror.settings.theme).toBe('light');
    expect(page.root.dataset.theme).toBe('light');
    page.main.emit('update:status', { phase: 'ready', version: '2.0.0' });
    expect(p.consoleMirror.update).toEqual({ phase: 'ready', version: '2.0.0' });
  });

  it('shows notifications, and goes where a clicked one points', async () => {
    const p = await running();
    page.main.emit('notification:shown', { title: 'Missed call', body: 'From Ada', sessionId: 's9' });
    expect(p.toasts.items.at(-1)).toMatchObject({
      kind: 'notification',
      title: 'Missed call',
      body: 'From Ada',
      sessionId: 's9',
    });
    p.navigation.show('settings');
    page.main.emit('notification:clicked', { sessionId: 's9' });
    expect([p.navigation.view, p.navigation.openId, p.navigation.notesPending]).toEqual(['live', 's9', false]);
    page.main.emit('notification:clicked', { sessionId: 's8', editNotes: true });
    expect([p.navigation.openId, p.navigation.notesPending]).toEqual(['s8', true]);
    page.main.emit('notification:clicked', {});
    expect(p.navigation.view).toBe('activity');
    page.main.emit('app:navigate', { view: 'history' });
    expect(p.navigation.view).toBe('history');
  });

  it('reports the page hidden and visible again', async () => {
    await running();
    page.visibility.state = 'hidden';
    page.documentListeners.get('visibilitychange')?.();
    page.visibility.state = 'visible';
    page.documentListeners.get('visibilitychange')?.();
    expect(page.main.of('app:visibility')).toEqual([{ visible: true }, { visible: false }, { visible: true }]);
  });

  it('ticks the clock every second, with one timer however often it is started', async () => {
    const p = await running();
    vi.setSystemTime(new Date('2026-12-05T10:00:00.000Z'));
    p.clock.start();
    vi.advanceTimersByTime(1000);
    expect(p.clock.now).toBe(Date.parse('2026-12-05T10:00:01.000Z'));
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('signing in and out', () => {
  it('mirrors who signed in, then loads a fresh board', async () => {
    const p = await freshPage();
    page.main.ok('auth:sign-in', identity);
    page.main.ok('live:resync', snapshot(4, [{ id: 'b1' }]));
    const outcome = await p.signIn({
      serverUrl: 'https://evo.example',
      userName: 'ann',
      password: 'pw',
      remember: false,
    });
    await settle();
    expect(outcome).toEqual({ ok: true, identity });
    expect(p.consoleMirror.identity).toEqual(identity);
    expect(p.live.version).toBe(4);
  });

  it('signs in to the demo and opens an account, or says why not', async () => {
    const p = await freshPage();
    page.main.ok('auth:sign-in-demo', { ...identity, demo: true });
    page.main.ok('live:resync', snapshot(1, []));
    expect((await p.signInDemo()).ok).toBe(true);
    expect(p.consoleMirror.identity?.demo).toBe(true);
    page.main.ok('auth:select-account', { ...identity, accountId: 'a1' });
    await p.selectAccount('a1');
    expect(page.main.of('auth:select-account')).toEqual([{ accountId: 'a1' }]);
    expect(p.consoleMirror.activeAccountName).toBe('Acme');
    page.main.refuse('auth:select-account', { code: 'forbidden', message: 'Not yours.' });
    await p.selectAccount('zz');
    expect(p.toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Account not switched', body: 'Not yours.' });
    expect(p.consoleMirror.activeAccountName).toBe('Acme');
    page.main.refuse('auth:sign-in', { code: 'password-rejected', message: 'Wrong password.' });
    const refused = await p.signIn({
      serverUrl: 'https://evo.example',
      userName: 'ann',
      password: 'x',
      remember: false,
    });
    expect(refused).toEqual({ ok: false, error: { code: 'password-rejected', message: 'Wrong password.' } });
  });

  it('names an account by its id when the list does not, and asks for one until chosen', async () => {
    const p = await freshPage();
    p.consoleMirror.state = { ...signedIn, identity: { ...identity, accountId: 'a9' } };
    expect(p.consoleMirror.activeAccountName).toBe('a9');
    p.consoleMirror.state = { ...signedIn, identity: { ...identity, accountId: undefined } };
    expect(p.consoleMirror.activeAccountName).toBe('');
    expect(p.consoleMirror.needsAccount).toBe(true);
  });

  it('signs out: no one signed in, an empty board, back to the live view', async () => {
    const p = await freshPage();
    page.main.ok('state:get', started());
    await p.startConsole();
    p.navigation.openCall('s1');
    p.navigation.show('settings');
    page.main.refuse('auth:sign-out', { code: 'network', message: 'No link.' });
    await p.signOut();
    expect(p.toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Sign out failed', body: 'No link.' });
    expect(p.consoleMirror.signedIn).toBe(true);
    page.main.ok('auth:sign-out', null);
    await p.signOut();
    expect(p.consoleMirror.signedIn).toBe(false);
    expect(p.consoleMirror.state.connection).toEqual({ status: 'signed-out' });
    expect(p.live.loaded).toBe(false);
    expect([p.navigation.view, p.navigation.selectedId, p.navigation.openId]).toEqual(['live', undefined, undefined]);
  });
});
