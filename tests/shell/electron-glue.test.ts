// The Electron glue against a recording 'electron' module: window preferences, CSP header,
// permission/navigation/window.open denial, IPC sender check, the preload's exposure, tray menu
// and notifications.
import { existsSync } from 'node:fs';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/ipc';
import type { ConsoleState } from '../../src/shared/live';
import { electronMock, FakeNotification, idle, network, recorded } from './electron-mock';
import { recordingLog, signedOutState } from './recording-core';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { createMainWindow } = await import('../../src/main/window');
const { hardenSession, hardenWebContents } = await import('../../src/main/security');
const { registerIpc } = await import('../../src/main/ipc/electron-ipc');
const { createConsoleTray, trayIconPath } = await import('../../src/main/tray');
const { createDesktopNotifier, sessionIdFromActivation } = await import('../../src/main/notifications');
const { installTestHooks, TEST_HOOKS_KEY } = await import('../../src/main/test-hooks');
const { trayView, TRAY_ICONS } = await import('../../src/main/tray-menu');
const { createPowerEvents } = await import('../../src/main/power');

const PAGE = { url: 'app://console/index.html' };

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.notifications.length = 0;
  recorded.trays.length = 0;
  recorded.menus.length = 0;
  recorded.exposed.clear();
  recorded.ipcInvokes.length = 0;
  recorded.ipcListeners.clear();
  recorded.badge.length = 0;
  recorded.overlays.length = 0;
  recorded.activation = undefined;
  FakeNotification.supported = true;
});

function windowOptions(quitting = false) {
  const events: string[] = [];
  return {
    events,
    options: {
      preload: '/app/out/preload/index.cjs',
      page: PAGE,
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      startHidden: false,
      devTools: false,
      hidesToTray: true,
      isQuitting: () => quitting,
      onSessionEnd: () => events.push('session-end'),
      onVisibility: (v: boolean) => events.push(v ? 'visible' : 'hidden'),
      onHiddenToTray: () => events.push('hidden-to-tray'),
      onBounds: () => events.push('bounds'),
    },
  };
}

describe('window', () => {
  it('has exactly the locked-down webPreferences', () => {
    createMainWindow(windowOptions().options);
    const win = recorded.windows[0];
    expect(win?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(win?.loaded).toBe(PAGE.url);
    expect(win?.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false });
  });

  it('hides to the tray on close until the app quits, and reports visibility', () => {
    const { options, events } = windowOptions();
    createMainWindow(options);
    const win = recorded.windows[0]!;
    win.emit('ready-to-show');
    const close = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    win.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(events).toEqual(['visible', 'hidden', 'hidden-to-tray']);

    const quitting = windowOptions(true);
    createMainWindow(quitting.options);
    const closeForReal = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    recorded.windows[1]!.emit('close', closeForReal);
    expect(closeForReal.prevented).toBe(false);
  });

  it('closes for real where the desktop has no tray, and passes the end of the OS session on', () => {
    const { options, events } = windowOptions();
    createMainWindow({ ...options, hidesToTray: false });
    const win = recorded.windows[0]!;
    const close = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    win.emit('close', close);
    expect(close.prevented).toBe(false);
    win.emit('query-session-end', {});
    win.emit('session-end', {});
    expect(events).toEqual(['session-end', 'session-end']);
  });

  it('stays hidden at start when asked to start in the tray', () => {
    const { options, events } = windowOptions();
    createMainWindow({ ...options, startHidden: true });
    recorded.windows[0]!.emit('ready-to-show');
    expect(recorded.windows[0]!.visible).toBe(false);
    expect(events).toEqual([]);
  });
});

describe('session and web contents security', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    return {
      handlers,
      session: {
        webRequest: { onHeadersReceived: (fn: never) => (handlers.headers = fn) },
        setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
        setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
      },
    };
  }

  it('adds the CSP header to every response and refuses every permission but clipboard writes from the page', () => {
    const { session, handlers } = fakeSession();
    const { log, lines } = recordingLog();
    hardenSession(session as never, PAGE, log);
    let headers: unknown;
    (handlers.headers as (d: unknown, cb: (r: { responseHeaders: unknown }) => void) => void)(
      { responseHeaders: { 'Content-Security-Policy': ['default-src *'], Server: ['x'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ Server: ['x'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (handlers.request as (w: unknown, p: string, cb: (g: boolean) => void) => void)(
        {},
        permission,
        (g) => (granted = g),
      );
      expect(granted).toBe(false);
      expect((handlers.check as (w: unknown, p: string, o: string) => boolean)({}, permission, 'app://console')).toBe(
        false,
      );
    }
    expect(lines.filter((l) => l.message === 'Refused a permission request')).toHaveLength(5);
    const ask = (url: string) => {
      let granted: boolean | undefined;
      (handlers.request as (w: unknown, p: string, cb: (g: boolean) => void) => void)(
        { getURL: () => url },
        'clipboard-sanitized-write',
        (g) => (granted = g),
      );
      return granted;
    };
    expect(ask(`${PAGE.url}#/settings`)).toBe(true);
    expect(ask('https://evil.example/')).toBe(false);
    const check = handlers.check as (w: unknown, p: string, o: string) => boolean;
    expect(check({}, 'clipboard-sanitized-write', 'app://console')).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(check({}, 'clipboard-read', 'app://console')).toBe(false);
  });

  function fakeContents(currentUrl = PAGE.url) {
    const on: Record<string, (...args: unknown[]) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    return {
      on,
      open: (url: string) => openHandler!({ url }),
      contents: {
        getURL: () => currentUrl,
        on: (name: string, fn: (...args: unknown[]) => void) => (on[name] = fn),
        setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      },
    };
  }

  it('denies navigation away from the app, webviews and every window.open', async () => {
    const opened: string[] = [];
    const { contents, on, open } = fakeContents();
    const { log } = recordingLog();
    hardenWebContents(contents as never, { page: PAGE, openExternal: async (u) => void opened.push(u), log });
    const attempt = (name: string, url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      on[name]!(event, url);
      return event.prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', `${PAGE.url}#/history`)).toBe(false);
    expect(attempt('will-attach-webview', 'https://x/')).toBe(true);
    expect(open('https://evovoice.io/help')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://evovoice.io/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://evovoice.io/help']);
  });
});

describe('IPC registration', () => {
  function register() {
    const handlers = new Map<string, (event: unknown, args: unknown) => unknown>();
    const dispatched: unknown[] = [];
    const { log, lines } = recordingLog();
    registerIpc(
      { handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never,
      async (channel, args) => {
        dispatched.push([channel, args]);
        return { ok: true, value: null };
      },
      PAGE,
      log,
    );
    return { handlers, dispatched, lines };
  }

  it('handles every request channel of the contract, and nothing else', () => {
    expect([...register().handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('refuses senders that are not the app page (other URL, subframe, no frame)', async () => {
    const { handlers, dispatched, lines } = register();
    const handler = handlers.get('state:get')!;
    const top = { url: `${PAGE.url}#/live`, parent: null };
    expect(await handler({ senderFrame: top }, {})).toEqual({ ok: true, value: null });
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/other.html', parent: null },
      { url: 'app://other/index.html', parent: null },
      { url: PAGE.url, parent: top },
      null,
    ]) {
      expect(await handler({ senderFrame: frame }, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(dispatched).toEqual([['state:get', {}]]);
    expect(lines.filter((l) => l.message.startsWith('Refused IPC'))).toHaveLength(5);
  });
});

describe('preload', () => {
  it('exposes exactly window.evoConsole with invoke and on, nothing raw', async () => {
    vi.resetModules();
    await import('../../src/preload/index');
    expect([...recorded.exposed.keys()]).toEqual(['evoConsole']);
    const api = recorded.exposed.get('evoConsole') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(Object.values(api).map(String))).not.toMatch(/ipcRenderer\.send\b/);
  });

  it('invokes only contract channels and hands listeners the payload, never the IPC event', async () => {
    vi.resetModules();
    await import('../../src/preload/index');
    const api = recorded.exposed.get('evoConsole') as {
      invoke: (c: string, a: unknown) => Promise<unknown>;
      on: (e: string, l: (...args: unknown[]) => void) => () => void;
    };
    for (const channel of REQUEST_CHANNELS) await api.invoke(channel, {});
    expect(recorded.ipcInvokes.map((i) => i.channel)).toEqual(REQUEST_CHANNELS);
    expect(await api.invoke('electron-store-get-data', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(recorded.ipcInvokes).toHaveLength(REQUEST_CHANNELS.length);

    for (const event of EVENT_CHANNELS) {
      const got: unknown[][] = [];
      const off = api.on(event, (...args) => got.push(args));
      const [listener] = recorded.ipcListeners.get(event) ?? [];
      listener?.({ sender: 'ipc-event', ports: [] }, { hello: event });
      expect(got).toEqual([[{ hello: event }]]);
      off();
      expect(recorded.ipcListeners.get(event)?.size).toBe(0);
    }
    expect(() => api.on('some-internal-channel', () => undefined)).toThrow(TypeError);
  });
});

const signedOut = signedOutState();
const signedIn: ConsoleState = {
  ...signedOut,
  connection: { status: 'online' },
  identity: { serverUrl: 'http://x', userName: 'a', accounts: [], demo: true },
};

describe('tray', () => {
  it('always offers Show/Hide, Do not disturb, Sign out and Quit', () => {
    const states: [ConsoleState, number, boolean][] = [
      [signedOut, 0, false],
      [signedIn, 0, true],
      [{ ...signedIn, doNotDisturb: true }, 3, false],
      [{ ...signedIn, missed: [{ sessionId: 's', from: '1', at: 'now' }] }, 1, true],
    ];
    for (const [state, live, visible] of states) {
      const labels = trayView(state, live, visible).menu.flatMap((i) => (i.type === 'separator' ? [] : [i.label]));
      expect(labels).toContain(visible ? 'Hide console' : 'Show console');
      expect(labels).toEqual(expect.arrayContaining(['Do not disturb', 'Sign out', 'Quit Evo Voice Console']));
    }
  });

  it('shows the longest hold as a running timer in the tooltip', () => {
    const now = Date.parse('2026-11-23T12:02:05Z');
    const one = { ...signedIn, heldSince: { a: '2026-11-23T12:00:00Z' } };
    expect(trayView(one, 1, true, undefined, now).tooltip).toContain('on hold 2:05');
    const two = { ...signedIn, heldSince: { a: '2026-11-23T12:01:00Z', b: '2026-11-23T11:59:00Z' } };
    expect(trayView(two, 2, true, undefined, now).tooltip).toContain('2 on hold, longest 3:05');
    expect(trayView(signedIn, 1, true, undefined, now).tooltip).not.toContain('on hold');
  });

  it('has an icon for every state on every platform (macOS: template + @2x)', () => {
    for (const icon of TRAY_ICONS) {
      for (const platform of ['win32', 'darwin', 'linux'] as const) {
        expect(existsSync(trayIconPath('resources', icon, platform)), `${icon} ${platform}`).toBe(true);
      }
      expect(existsSync(trayIconPath('resources', icon, 'darwin').replace('.png', '@2x.png'))).toBe(true);
    }
  });

  it('shows the state in icon, tooltip and badge, and runs the chosen item', () => {
    const actions: string[] = [];
    const { log } = recordingLog();
    const tray = createConsoleTray({
      resourcesDir: '/res',
      run: (a) => actions.push(a),
      log,
      window: () => undefined,
      platform: 'linux',
    });
    tray.update({ ...signedIn, missed: [{ sessionId: 's', from: '1', at: 'now' }], doNotDisturb: true }, 2, false);
    const fake = recorded.trays[0]!;
    expect(fake.tooltip).toBe('Evo Voice Console · demo · 2 live calls · 1 missed call · do not disturb');
    expect(fake.image).toMatchObject({ path: expect.stringMatching(/missed/) });
    expect(recorded.badge.at(-1)).toBe(1);
    const template = recorded.menus.at(-1) as { label?: string; checked?: boolean; click?: () => void }[];
    expect(template.find((i) => i.label === 'Do not disturb')?.checked).toBe(true);
    template.find((i) => i.label === 'Show console')?.click?.();
    template.find((i) => i.label === 'Sign out')?.click?.();
    expect(actions).toEqual(['show', 'sign-out']);
    tray.update(signedOut, 0, true);
    expect(fake.tooltip).toBe('Evo Voice Console · signed out');
    expect(fake.image).toMatchObject({ path: expect.stringMatching(/signed-out/) });
  });

  it('shows the unread count as a taskbar overlay on Windows, where setBadgeCount does nothing', () => {
    const { log } = recordingLog();
    const win = new electronMock.BrowserWindow({});
    const tray = createConsoleTray({
      resourcesDir: '/res',
      run: () => 0,
      log,
      window: () => win as never,
      platform: 'win32',
    });
    tray.update({ ...signedIn, missed: [{ sessionId: 's', from: '1', at: 'now' }] }, 0, true);
    expect(recorded.overlays.at(-1)).toMatchObject({
      image: { path: expect.stringMatching(/missed\.ico$/) },
      description: '1 missed calls',
    });
    tray.update(signedIn, 0, true);
    expect(recorded.overlays.at(-1)).toEqual({ image: null, description: '' });
    expect(recorded.badge).toEqual([]);
  });

  it('logs a tray icon that loads empty (a wrong path in a packaged build)', () => {
    const { log, lines } = recordingLog();
    createConsoleTray({ resourcesDir: '/missing', run: () => 0, log, window: () => undefined, platform: 'linux' });
    expect(lines).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('Tray icon could not be loaded') }),
    );
  });
});

describe('notifications', () => {
  it('shows none while do-not-disturb is on, keeps each until closed, and opens the call on click', () => {
    let dnd = true;
    const clicked: (string | undefined)[] = [];
    const notifier = createDesktopNotifier({
      doNotDisturb: () => dnd,
      onClick: (id) => clicked.push(id),
      onCopy: () => undefined,
      onDial: () => undefined,
      onResume: () => undefined,
      onFailed: () => undefined,
      platform: 'linux',
    });
    notifier.show({ title: 'Missed call', body: 'From 555', sessionId: 's1' });
    expect(recorded.notifications).toHaveLength(0);
    dnd = false;
    notifier.show({ title: 'Missed call', body: 'From 555', sessionId: 's1' });
    notifier.show({ title: 'Missed call', body: 'From 556', sessionId: 's2' });
    expect(recorded.notifications.map((n) => n.shown)).toEqual([true, true]);
    expect(notifier.live().map((n) => n.sessionId)).toEqual(['s1', 's2']);
    recorded.notifications[0]!.emit('click');
    recorded.notifications[1]!.emit('close');
    expect(clicked).toEqual(['s1']);
    expect(notifier.live()).toEqual([]);
  });

  it('on Windows opens the call from the toast launch argument, even after the object is gone', () => {
    const clicked: (string | undefined)[] = [];
    const notifier = createDesktopNotifier({
      doNotDisturb: () => false,
      onClick: (id) => clicked.push(id),
      onCopy: () => undefined,
      onDial: () => undefined,
      onResume: () => undefined,
      onFailed: () => undefined,
      platform: 'win32',
    });
    notifier.show({ title: 'Missed call <from> "A&B"', body: 'From 555', sessionId: 'sess-42' });
    const xml = String(recorded.notifications[0]!.options.toastXml);
    expect(xml).toContain('launch="evo-call:sess-42"');
    expect(xml).toContain('Missed call &#60;from&#62; &#34;A&#38;B&#34;');
    recorded.notifications[0]!.emit('close');
    recorded.activation!({ type: 'click', arguments: 'evo-call:sess-42' });
    recorded.notifications[0]!.emit('click');
    recorded.activation!({ type: 'click', arguments: 'something-else' });
    expect(clicked).toEqual(['sess-42']);
    expect(sessionIdFromActivation('evo-call:')).toBeUndefined();
  });

  const missed = {
    title: 'Missed call from Ana',
    body: 'On Sales',
    sessionId: 'm1',
    missedCall: { sessionId: 'm1', from: '+15550123', at: '2026-11-23T12:00:00Z' },
  };
  const reminder = { title: 'Caller on hold for 1 min', body: 'x', sessionId: 'h1', onHold: true };

  function actingNotifier(platform: NodeJS.Platform) {
    const done: string[] = [];
    const notifier = createDesktopNotifier({
      doNotDisturb: () => false,
      onClick: (id) => done.push(`open ${id}`),
      onCopy: (number) => done.push(`copy ${number}`),
      onDial: (number) => done.push(`dial ${number}`),
      onResume: (id) => done.push(`resume ${id}`),
      onFailed: () => undefined,
      platform,
    });
    return { notifier, done };
  }

  it('on macOS offers Open call, Copy number and Call back on a missed call, Take off hold on a hold reminder', () => {
    const { notifier, done } = actingNotifier('darwin');
    notifier.show(missed);
    notifier.show(reminder);
    notifier.show({ title: 'Settings were reset', body: 'x' });
    expect(recorded.notifications.map((n) => n.options.actions?.map((a) => a.text))).toEqual([
      ['Open call', 'Copy number', 'Call back'],
      ['Take off hold', 'Open call'],
      undefined,
    ]);
    recorded.notifications[0]!.emit('action', {}, 1);
    recorded.notifications[1]!.emit('action', {}, 0);
    recorded.notifications[0]!.emit('action', {}, 0);
    recorded.notifications[0]!.emit('action', {}, 2);
    expect(done).toEqual(['copy +15550123', 'resume h1', 'open m1', 'dial +15550123']);
  });

  it('on Windows writes the buttons with Electron\'s own "type=action" arguments, tagged with the call', () => {
    const { notifier } = actingNotifier('win32');
    notifier.show(missed);
    notifier.show(reminder);
    const [toast, hold] = recorded.notifications;
    const xml = String(toast!.options.toastXml);
    expect(toast!.options.id).toBe('missed:m1');
    expect(hold!.options.id).toBe('hold:h1');
    expect(xml).toContain('launch="evo-call:m1"');
    expect(xml).toContain(
      '<action content="Open call" arguments="type=action&#38;action=0&#38;tag=missed:m1" activationType="foreground"/>',
    );
    expect(xml).toContain('<action content="Copy number" arguments="type=action&#38;action=1&#38;tag=missed:m1"');
    expect(xml).toContain('<action content="Call back" arguments="type=action&#38;action=2&#38;tag=missed:m1"');
  });

  it('on Windows performs a button once: from handleActivation, not again from the instance event', () => {
    const { notifier, done } = actingNotifier('win32');
    notifier.show(missed);
    notifier.show(reminder);
    // What Electron does for a live toast: the callback, then 'action' on the instance.
    recorded.activation!({ type: 'action', arguments: 'type=action&action=1&tag=missed:m1', actionIndex: 1 });
    recorded.notifications[0]!.emit('action', {}, 1);
    recorded.activation!({ type: 'action', arguments: 'type=action&action=0&tag=hold:h1', actionIndex: 0 });
    recorded.notifications[1]!.emit('action', {}, 0);
    // A button press ends its toast: Call back is pressed on another one.
    notifier.show({
      ...missed,
      sessionId: 'm2',
      missedCall: { ...missed.missedCall, sessionId: 'm2', from: '+15550199' },
    });
    recorded.activation!({ type: 'action', arguments: 'type=action&action=2&tag=missed:m2', actionIndex: 2 });
    recorded.notifications[2]!.emit('action', {}, 2);
    expect(done).toEqual(['copy +15550123', 'resume h1', 'dial +15550199']);
  });

  it('on Windows keeps the toast tag within 64 characters, still acting while the toast is live', () => {
    const { notifier, done } = actingNotifier('win32');
    const sessionId = 'x'.repeat(80);
    notifier.show({ ...missed, sessionId, missedCall: { ...missed.missedCall, sessionId } });
    const tag = String(recorded.notifications[0]!.options.id);
    expect(tag.length).toBeLessThanOrEqual(64);
    recorded.activation!({ type: 'action', arguments: `type=action&action=0&tag=${tag}`, actionIndex: 0 });
    expect(done).toEqual([`open ${sessionId}`]);
  });

  it('on Windows acts on a button pressed after a restart from its tag alone', () => {
    const { done } = actingNotifier('win32');
    recorded.activation!({ type: 'action', arguments: 'type=action&action=0&tag=hold:h9', actionIndex: 0 });
    recorded.activation!({ type: 'action', arguments: 'type=action&action=1&tag=missed:m9', actionIndex: 1 });
    recorded.activation!({ type: 'action', arguments: 'type=action&action=2&tag=missed:m9', actionIndex: 2 });
    recorded.activation!({ type: 'action', arguments: 'type=action&action=0&tag=other', actionIndex: 0 });
    // Call back after a restart: the number is not in the tag, so it opens the call (its details call back).
    expect(done).toEqual(['resume h9', 'open m9', 'open m9']);
  });

  it('on Windows opens the call on a click of a live toast (Electron emits only click), once if activation also runs', () => {
    let clock = 1000;
    const clicked: (string | undefined)[] = [];
    const notifier = createDesktopNotifier({
      doNotDisturb: () => false,
      onClick: (id) => clicked.push(id),
      onCopy: () => undefined,
      onDial: () => undefined,
      onResume: () => undefined,
      onFailed: () => undefined,
      platform: 'win32',
      now: () => clock,
    });
    notifier.show(missed);
    recorded.notifications[0]!.emit('click');
    expect(clicked).toEqual(['m1']);
    recorded.activation!({ type: 'click', arguments: 'evo-call:m1' });
    expect(clicked).toEqual(['m1']);
    clock += 5000;
    recorded.activation!({ type: 'click', arguments: 'evo-call:m1' });
    expect(clicked).toEqual(['m1', 'm1']);
  });

  it('on Linux offers no actions: the click opens the call', () => {
    const { notifier, done } = actingNotifier('linux');
    notifier.show(missed);
    expect(recorded.notifications[0]!.options.actions).toBeUndefined();
    recorded.notifications[0]!.emit('click');
    expect(done).toEqual(['open m1']);
  });

  it('hands a notification the OS refuses (or cannot show) to the page', () => {
    const failed: string[] = [];
    const notifier = createDesktopNotifier({
      doNotDisturb: () => false,
      onClick: () => undefined,
      onCopy: () => undefined,
      onDial: () => undefined,
      onResume: () => undefined,
      onFailed: (n, error) => failed.push(`${n.title}: ${error}`),
      platform: 'darwin',
    });
    notifier.show({ title: 'Missed call', body: 'x', sessionId: 's1' });
    recorded.notifications[0]!.emit('failed', {}, 'not signed');
    FakeNotification.supported = false;
    notifier.show({ title: 'Missed call 2', body: 'x' });
    expect(failed).toEqual([
      'Missed call: not signed',
      'Missed call 2: notifications are not supported on this desktop',
    ]);
    expect(notifier.live()).toEqual([]);
  });
});

describe('test hooks', () => {
  const hooks = { runTrayAction: async () => true, notifications: () => [], trayView: () => undefined };
  it('exist only with EVO_CONSOLE_TEST_HOOKS=1', () => {
    const target: Record<string, unknown> = {};
    expect(installTestHooks({}, hooks, target)).toBe(false);
    expect(installTestHooks({ EVO_CONSOLE_TEST_HOOKS: 'true' }, hooks, target)).toBe(false);
    expect(TEST_HOOKS_KEY in target).toBe(false);
    expect(installTestHooks({ EVO_CONSOLE_TEST_HOOKS: '1' }, hooks, target)).toBe(true);
    expect(Object.keys(target[TEST_HOOKS_KEY] as object).sort()).toEqual([
      'notifications',
      'runTrayAction',
      'trayView',
    ]);
  });
});

describe('power events', () => {
  it('forwards suspend/resume/lock/unlock and reports network changes on its interval', () => {
    vi.useFakeTimers();
    try {
      network.online = true;
      const power = createPowerEvents(5000);
      const seen: string[] = [];
      const off = power.on((e) => seen.push(e));
      for (const name of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown'])
        electronMock.powerMonitor.emit(name);
      network.online = false;
      vi.advanceTimersByTime(4999);
      expect(seen).toEqual(['suspend', 'resume', 'lock-screen', 'unlock-screen']);
      vi.advanceTimersByTime(1);
      network.online = true;
      vi.advanceTimersByTime(5000);
      vi.advanceTimersByTime(5000);
      expect(seen.slice(4)).toEqual(['offline', 'online']);
      off();
      power.dispose();
      electronMock.powerMonitor.emit('suspend');
      expect(seen).toHaveLength(6);
      expect(electronMock.powerMonitor.listenerCount('suspend')).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on Linux, where lock events never fire, reads the system idle state as lock and unlock', () => {
    vi.useFakeTimers();
    try {
      idle.state = 'active';
      const power = createPowerEvents(5000, 'linux');
      const seen: string[] = [];
      power.on((e) => seen.push(e));
      idle.state = 'locked';
      vi.advanceTimersByTime(5000);
      idle.state = 'idle';
      vi.advanceTimersByTime(5000);
      idle.state = 'active';
      vi.advanceTimersByTime(5000);
      expect(seen).toEqual(['lock-screen', 'unlock-screen']);
      power.dispose();
      const mac = createPowerEvents(5000, 'darwin');
      const macSeen: string[] = [];
      mac.on((e) => macSeen.push(e));
      idle.state = 'locked';
      vi.advanceTimersByTime(5000);
      expect(macSeen).toEqual([]);
      mac.dispose();
    } finally {
      idle.state = 'active';
      vi.useRealTimers();
    }
  });
});
