// Starts the main process on the Electron stand-in for one platform, packaged or not, and drives
// it: second instance, tray menu, a missed call from the simulator on loopback to a notification
// and its activation (Windows: clicked while running), the global hotkeys (hold on the simulator,
// a taken one reported), a voicemail served by a redirect, an SSO proxy's redirect at sign-in, and
// a quit with an unsent console-data edit. Other scenarios: 'unwritable-logs', 'wayland', 'smoke'.
// Unpackaged: out/main/index.js of this tree. Packaged: the app extracted from the package's
// app.asar (EVO_LAUNCH_APP, its `main`), with only the node_modules the package holds, and the
// package's resources folder (EVO_LAUNCH_RESOURCES).
// Prints one JSON line of named checks; exits 1 when any failed. Run by startup.test.ts as
//   node --import tsx --import ./tests/launch/register.mjs tests/launch/start-main.ts linux packaged
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { APP_ID, APP_PAGE_URL } from '../../src/main/app-identity';
import { DEFAULT_HOTKEYS } from '../../src/shared/hotkeys';
import { type IpcResult, REQUEST_CHANNELS, type StartNotice } from '../../src/shared/ipc';
import { DEMO_USER, startSimulator } from '../../src/simulator/index';
import { app, configure, recorded, type StandInConfig } from './electron-stand-in';

const [platform = 'linux', layout = 'unpackaged', scenario = 'run'] = process.argv.slice(2) as [
  StandInConfig['platform'],
  string,
  string,
];
const packaged = layout === 'packaged';
const root = resolve(import.meta.dirname, '../..');
const appDir = packaged ? process.env.EVO_LAUNCH_APP : root;
if (!appDir || (packaged && !process.env.EVO_LAUNCH_RESOURCES)) {
  throw new Error(
    'packaged: set EVO_LAUNCH_APP (the extracted app.asar) and EVO_LAUNCH_RESOURCES (its resources folder)',
  );
}
const appPackage = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string };
const bundle = packaged ? join(appDir, appPackage.main) : join(root, 'out/main/index.js');
const QUIT_LIMIT_MS = 2000;

const checks: { name: string; ok: boolean; detail?: unknown }[] = [];
const check = (name: string, ok: boolean, detail?: unknown) => checks.push({ name, ok, ...(ok ? {} : { detail }) });
const failures: string[] = [];
process.on('uncaughtException', (error) => failures.push(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => failures.push(`unhandled rejection: ${String(error)}`));

async function until<T>(what: string, probe: () => T | undefined | false, ms = 8000, kick?: () => unknown): Promise<T> {
  const end = Date.now() + ms;
  for (let round = 1; ; round++) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) {
      const titles = recorded.notifications.map((n) => `${n.options.title}: ${n.options.body}`);
      throw new Error(`timed out waiting for ${what} (notifications: ${JSON.stringify(titles)})`);
    }
    // A poll already in flight may have read the server before the change: ask again now and then.
    if (kick && round % 25 === 0) await kick();
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function invoke<T>(channel: string, args: unknown = {}): Promise<T> {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  const sender = { senderFrame: { url: APP_PAGE_URL, parent: null } };
  const result = (await handler(sender, args)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

/** The console in front, as after the agent clicked it. */
function showAndFocus(): void {
  const win = recorded.windows[0];
  win?.show();
  win?.focus();
}

function menuItem(label: string) {
  const tray = recorded.trays[0];
  const item = tray?.menu?.template.find((i) => i.label === label);
  if (!item?.click) throw new Error(`the tray menu has no "${label}" item`);
  return item;
}

/** Every file under `dir` whose text contains `needle` (the persisted outbox). */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => statSync(file).isFile() && readFileSync(file, 'utf8').includes(needle));
}

const scratch = mkdtempSync(join(tmpdir(), `evo-launch-${platform}-`));
const resourcesPath = process.env.EVO_LAUNCH_RESOURCES ?? join(scratch, 'resources');
Object.defineProperty(process, 'platform', { value: platform });
Object.defineProperty(process, 'resourcesPath', { value: resourcesPath });
// Windows: the policy reader runs %SystemRoot%\System32\reg.exe; this one answers as Windows does
// on a workstation without policy (the key is absent, the hive readable).
if (platform === 'win32') {
  process.env.SystemRoot = join(scratch, 'Windows');
  mkdirSync(join(scratch, 'Windows', 'System32'), { recursive: true });
  const reg = join(scratch, 'Windows', 'System32', 'reg.exe');
  writeFileSync(
    reg,
    '#!/bin/sh\ncase "$2" in *\\\\Software) exit 0 ;; esac\necho "ERROR: The system was unable to find the specified registry key or value." >&2\nexit 1\n',
    { mode: 0o755 },
  );
}
// The Linux tray check asks D-Bus; with no bus to ask it trusts a desktop other than GNOME.
process.env.XDG_CURRENT_DESKTOP = 'KDE';
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent';
// An X11 session unless the scenario is a Wayland one (Ubuntu 24.04's default session).
process.env.XDG_SESSION_TYPE = scenario === 'wayland' ? 'wayland' : 'x11';
if (scenario === 'wayland') process.env.WAYLAND_DISPLAY = 'wayland-0';
else delete process.env.WAYLAND_DISPLAY;
if (scenario === 'smoke') process.argv.push('--smoke-test');
// 'unwritable-logs': the log folder cannot be created (a file is in the way).
const blocked = join(scratch, 'blocked');
if (scenario === 'unwritable-logs') writeFileSync(blocked, '');
const temp = join(scratch, 'tmp');
mkdirSync(temp);
// 'previous-data-folder': a seat upgraded from a version whose data folder was the package name.
const appData = join(scratch, 'appData');
if (scenario === 'previous-data-folder') {
  mkdirSync(join(appData, 'evo-voice-console'), { recursive: true });
  writeFileSync(
    join(appData, 'evo-voice-console', 'settings.json'),
    JSON.stringify({ settings: { theme: 'dark', userName: 'ann.previous' } }),
  );
}
configure({
  platform,
  packaged,
  appPath: appDir,
  userData: scenario === 'previous-data-folder' ? join(appData, 'Evo Voice Console') : join(scratch, 'userData'),
  appData,
  logs: scenario === 'unwritable-logs' ? join(blocked, 'logs') : join(scratch, 'logs'),
  home: join(scratch, 'home'),
  temp,
});

// Windows: the app is started by a click on a toast left in the Action Center.
if (platform === 'win32') recorded.launchActivation = { type: 'click', arguments: 'evo-call:from-action-center' };
const sim = await startSimulator({ host: '127.0.0.1', clock: 'manual', scenario: false });
/** Prints the report and exits (1 when a check failed). */
function report(): never {
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ platform, layout, scenario, checks })}\n`);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

/** Every line of every file in `dir` (the app's log folder). */
function logLines(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => statSync(file).isFile())
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line !== '');
}

if (scenario !== 'run') {
  try {
    await import(pathToFileURL(bundle).href);
    if (scenario === 'smoke') {
      await until('the smoke test to end', () => recorded.quitCompleted || recorded.exitCode !== undefined, 15_000);
      const ready = logLines(join(scratch, 'logs')).filter((l) => l.includes('Smoke test: ready'));
      check('--smoke-test writes one "ready" line to the log', ready.length === 1, ready);
      const facts = JSON.parse(ready[0]?.replace(/^.*Smoke test: ready /, '') ?? '{}') as { hotkeys?: string[] };
      check(
        '--smoke-test loaded the page and made the tray and hotkeys first',
        recorded.windows[0]?.pageStatus === 200 && recorded.trays.length === 1 && facts.hotkeys?.length === 3,
        facts,
      );
      check(
        '--smoke-test quits by itself with status 0',
        recorded.quitCompleted && recorded.exitCode === undefined,
        recorded.exitCode,
      );
    } else {
      const win = await until('the window', () => recorded.windows[0]);
      await until('the page', () => win.pageStatus !== undefined);
      await until('the tray menu', () => recorded.trays[0]?.menu);
      const state = await invoke<{ notices?: StartNotice[]; hotkeysByDesktop?: boolean }>('state:get');
      if (scenario === 'unwritable-logs') {
        const fallback = readdirSync(temp).filter((d) => d.startsWith('evo-voice-console-logs-'));
        const file = fallback[0] ? join(temp, fallback[0], 'main.log') : '';
        check(
          'the console starts although the log folder cannot be used',
          win.pageStatus === 200 && recorded.exitCode === undefined,
          recorded.exitCode,
        );
        check(
          'the log is kept in a private folder in the temp folder',
          fallback.length === 1 && logLines(join(temp, fallback[0] ?? '')).length > 0,
          fallback,
        );
        check(
          'the agent is told where the log is once the page is up',
          !!state.notices?.some((n) => n.code === 'log-folder' && n.message.includes(file) && n.detail.includes(file)),
          state.notices,
        );
      } else if (scenario === 'previous-data-folder') {
        const { settings } = await invoke<{ settings: { theme: string; userName: string } }>('state:get');
        check(
          'the settings of the previous data folder are the agent’s settings',
          settings.theme === 'dark' && settings.userName === 'ann.previous',
          settings,
        );
        check(
          'the copy is logged once',
          logLines(join(scratch, 'logs')).filter((l) => l.includes('copied from the previous data folder')).length ===
            1,
        );
      } else if (scenario === 'wayland') {
        check('Settings is told the desktop binds the hotkeys', state.hotkeysByDesktop === true, state);
        const defaults = Object.values(DEFAULT_HOTKEYS);
        check(
          'the default hotkeys are bound through the portal',
          defaults.every((a) => recorded.shortcuts.has(a)),
        );
        await invoke('settings:update', { hotkeyWindow: 'CommandOrControl+Alt+Shift+W' });
        check(
          'a changed hotkey is bound and the old key no longer fires',
          recorded.shortcuts.has('CommandOrControl+Alt+Shift+W') &&
            !recorded.shortcuts.has(DEFAULT_HOTKEYS.hotkeyWindow),
          [...recorded.shortcuts.keys()],
        );
      }
      menuItem('Quit Evo Voice Console').click?.();
      await until('the quit', () => recorded.quitCompleted, QUIT_LIMIT_MS + 1000);
    }
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  await sim.close();
  check('no exception at start or while running', failures.length === 0, failures);
  check('no start-up error dialog', recorded.errorBoxes.length === 0, recorded.errorBoxes);
  report();
}
try {
  await import(pathToFileURL(bundle).href);
  const win = await until('the window', () => recorded.windows[0]);
  await until('the page', () => win.pageStatus !== undefined);
  await until('the tray menu', () => recorded.trays[0]?.menu);

  if (platform === 'win32') {
    const coldStart = win.webContents.sent.find((m) => m.channel === 'notification:clicked');
    check(
      'a toast clicked while the app was closed opens its call once the page loaded',
      (coldStart?.payload as { sessionId?: string } | undefined)?.sessionId === 'from-action-center' && win.visible,
      coldStart,
    );
    win.webContents.sent.length = 0;
  }
  check(
    'app:// registered once as privileged before ready, as standard, secure and fetch-capable',
    JSON.stringify(recorded.privilegedSchemes) ===
      JSON.stringify([
        {
          scheme: 'app',
          privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
          beforeReady: true,
        },
      ]),
    recorded.privilegedSchemes,
  );
  check('page served by app:// with 200', win.pageStatus === 200, win.pageStatus);
  check(
    'crash reporter started, minidumps kept local without a policy URL',
    recorded.crashReporter?.uploadToServer === false,
    recorded.crashReporter,
  );
  check('hardware acceleration left on without a policy', !recorded.hardwareAccelerationDisabled);
  const missing = recorded.paths.filter((p) => !p.exists);
  check(
    'every path handed to Tray, nativeImage, the preload and the page loader exists',
    missing.length === 0,
    missing,
  );
  check(
    'tray, preload and page paths were all used',
    ['nativeImage', 'preload', 'page', 'page asset'].every((u) => recorded.paths.some((p) => p.use === u)),
  );
  const unhandled = REQUEST_CHANNELS.filter((c) => !recorded.ipcHandlers.has(c));
  check('every request channel of the IPC contract has a handler', unhandled.length === 0, unhandled);
  if (platform === 'win32')
    check('AppUserModelID is the app id', recorded.appUserModelId === APP_ID, recorded.appUserModelId);
  check(
    'no default application menu (macOS: app and Edit menus only)',
    platform === 'darwin' ? recorded.applicationMenu !== null : recorded.applicationMenu === null,
  );
  check(
    'devtools off when packaged',
    (win.options as { webPreferences: { devTools: boolean } }).webPreferences.devTools === !packaged,
  );

  const defaults = Object.values(DEFAULT_HOTKEYS);
  check(
    'the default global hotkeys are registered',
    defaults.every((a) => recorded.shortcuts.has(a)),
    [...recorded.shortcuts.keys()],
  );

  win.hide();
  app.emit('second-instance', {}, [], root);
  check('a second instance shows and focuses the first window', win.visible && win.focused);

  menuItem('Hide console').click?.();
  check('tray: Hide console hides the window', !win.visible);
  menuItem('Show console').click?.();
  check('tray: Show console shows it again', win.visible);
  menuItem('Do not disturb').click?.();
  const dnd = (await invoke<{ doNotDisturb: boolean }>('settings:get')).doNotDisturb;
  menuItem('Do not disturb').click?.();
  check(
    'tray: Do not disturb toggles the setting',
    dnd && !(await invoke<{ doNotDisturb: boolean }>('settings:get')).doNotDisturb,
  );
  menuItem('Copy diagnostics').click?.();
  await until('the clipboard', () => recorded.clipboard.length > 0);
  check('tray: Copy diagnostics writes the clipboard', recorded.clipboard[0]?.includes('shell: electron') ?? false);

  const demo = await invoke<{ demo?: boolean; accountId?: string }>('auth:sign-in-demo');
  check('the demo starts (its simulator loaded on demand) and signs in', demo.demo === true && !!demo.accountId, demo);

  // An SSO proxy in front of the server answers every request with a redirect to its login page.
  const proxy = createServer((_req, res) => res.writeHead(302, { Location: '/sso/login' }).end());
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const proxied = await invoke('auth:sign-in', {
    serverUrl: proxyUrl,
    userName: DEMO_USER.userName,
    password: DEMO_USER.password,
    remember: false,
  }).then(
    () => 'signed in',
    (error: Error) => error.message,
  );
  proxy.close();
  check(
    "an SSO proxy's redirect at sign-in is reported as the proxy's sign-in page",
    proxied.includes('A sign-in page of a proxy') && proxied.includes('HTTP 302'),
    proxied,
  );

  await invoke('auth:sign-in', {
    serverUrl: sim.url,
    userName: DEMO_USER.userName,
    password: DEMO_USER.password,
    remember: false,
  });
  await invoke('auth:select-account', { accountId: 'acct-north' });
  // The simulator's clock started before this sign-in: bring it past it (calls missed before the
  // first sign-in are not announced).
  sim.control.advance(Date.now() - sim.control.now() + 1000);

  // A voicemail kept in a blob store: its address answers 302 to a signed one (the simulator's fileRedirects).
  sim.control.setStrictness({ fileRedirects: true });
  const caller = sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing' });
  sim.control.missCall(String(caller.id));
  const voicemail = sim.control.addVoicemail(String(caller.id), {});
  await invoke('dashboard:load', {});
  const audio = await invoke<{ contentType: string; base64: string }>('voicemail:audio', {
    voicemailId: voicemail.id,
  }).catch((error: Error) => ({ contentType: error.message, base64: '' }));
  const hops = sim.control.requests({ pathPrefix: '/files/' }).map((r) => r.status);
  check(
    'a voicemail served by a 302 to a signed address plays',
    audio.contentType === 'audio/wav' && Buffer.from(audio.base64, 'base64').subarray(0, 4).toString() === 'RIFF',
    { contentType: audio.contentType, hops },
  );

  // The hold hotkey, pressed while another application has focus: the agent's call is held on the
  // server, and pressed again taken off hold.
  const mine = sim.control.addSession({
    id: `hotkey-${platform}-${layout}`,
    accountId: 'acct-north',
    callState: 'Connected',
    answeredByName: DEMO_USER.displayName,
  });
  await invoke('poll:now');
  await until(
    "the agent's call on the board",
    () => win.webContents.sent.some((m) => JSON.stringify(m.payload).includes(String(mine.id))),
    8000,
    () => invoke('poll:now'),
  );
  const press = (accelerator: string) => recorded.shortcuts.get(accelerator)?.();
  press(DEFAULT_HOTKEYS.hotkeyHold);
  const held = await until(
    'the hold on the server',
    () => sim.control.getSession(String(mine.id))?.callState === 'Hold',
  );
  await invoke('poll:now');
  press(DEFAULT_HOTKEYS.hotkeyHold);
  // The core refuses a second press while the hold's answer is still being read ("wait a moment"):
  // pressed again, as the agent would, while the call is still held.
  const resumed = await until(
    'the resume on the server',
    () => sim.control.getSession(String(mine.id))?.callState === 'Connected',
    8000,
    () => sim.control.getSession(String(mine.id))?.callState === 'Hold' && press(DEFAULT_HOTKEYS.hotkeyHold),
  );
  check("the hold hotkey PATCHes the agent's call on hold and off hold", held && resumed);
  showAndFocus();
  press(DEFAULT_HOTKEYS.hotkeyWindow);
  const hid = !win.visible;
  press(DEFAULT_HOTKEYS.hotkeyWindow);
  check('the show/hide hotkey hides the console in front and shows it again', hid && win.visible && win.focused);
  press(DEFAULT_HOTKEYS.hotkeyNotes);
  const notes = win.webContents.sent.find((m) => m.channel === 'notification:clicked');
  check(
    "the notes hotkey opens the agent's call with its notes",
    JSON.stringify(notes?.payload) === JSON.stringify({ sessionId: mine.id, editNotes: true }),
    notes,
  );
  win.webContents.sent.length = 0;
  recorded.takenShortcuts.add('CommandOrControl+Alt+Shift+W');
  await invoke('settings:update', { hotkeyWindow: 'CommandOrControl+Alt+Shift+W' });
  const taken = await until('the taken-hotkey notification', () =>
    recorded.notifications.find((n) => n.options.title === 'A hotkey is not available'),
  );
  check(
    'a hotkey another application holds is reported to the agent',
    taken.options.body.includes('CommandOrControl+Alt+Shift+W') &&
      !recorded.shortcuts.has(DEFAULT_HOTKEYS.hotkeyWindow),
    taken.options,
  );
  await invoke('settings:update', { hotkeyWindow: DEFAULT_HOTKEYS.hotkeyWindow });
  check('changing a hotkey back registers it again', recorded.shortcuts.has(DEFAULT_HOTKEYS.hotkeyWindow));
  // Its own id: the demo's simulator numbers its calls the same way, and the core remembers
  // announced ids across servers.
  const call = sim.control.addSession({
    id: `launch-${platform}-${layout}`,
    accountId: 'acct-north',
    callState: 'Ringing',
  });
  await invoke('poll:now');
  await until(
    'the ringing call on the board',
    () => recorded.windows[0]?.webContents.sent.some((m) => JSON.stringify(m.payload).includes(String(call.id))),
    8000,
    () => invoke('poll:now'),
  );
  sim.control.missCall(String(call.id));
  sim.control.advance(1000);
  await invoke('poll:now');
  const shown = await until(
    'the missed-call notification',
    () =>
      recorded.notifications.find(
        (n) =>
          n.options.title.startsWith('Missed call') &&
          (n.options.toastXml ?? 'evo-call:' + String(call.id)).includes(String(call.id)),
      ),
    15_000,
    () => invoke('poll:now'),
  );
  check('a missed call reaches Notification', !!shown);
  const labels = shown.actionLabels();
  check(
    'the missed-call notification offers Open call, Copy number and Call back where the platform has actions',
    JSON.stringify(labels) === JSON.stringify(platform === 'linux' ? [] : ['Open call', 'Copy number', 'Call back']),
    labels,
  );
  if (platform !== 'linux') {
    const copied = recorded.clipboard.length;
    shown.pressAction('Copy number');
    const number = sim.control.getSession(String(call.id))?.fromAddress;
    check("Copy number puts the caller's number on the clipboard", recorded.clipboard[copied] === number, {
      clipboard: recorded.clipboard,
      number,
    });
    // A pressed button ends its toast (Windows then reads a later press from the tag alone, which
    // has no number): Call back is pressed on the toast of a second missed call.
    const before = recorded.notifications.length;
    const second = sim.control.addSession({
      id: `launch-${platform}-${layout}-2`,
      accountId: 'acct-north',
      callState: 'Ringing',
    });
    await invoke('poll:now');
    await until(
      'the second ringing call on the board',
      () => recorded.windows[0]?.webContents.sent.some((m) => JSON.stringify(m.payload).includes(String(second.id))),
      8000,
      () => invoke('poll:now'),
    );
    sim.control.missCall(String(second.id));
    sim.control.advance(1000);
    const again = await until(
      'the second missed-call notification',
      () => recorded.notifications.slice(before).find((n) => n.options.title.startsWith('Missed call')),
      15_000,
      () => invoke('poll:now'),
    );
    const dialed = recorded.externals.length;
    again.pressAction('Call back');
    await until('the dialer', () => recorded.externals[dialed], 5_000);
    const secondNumber = sim.control.getSession(String(second.id))?.fromAddress;
    check(
      'Call back opens the dialer (tel: by default) on the E.164 number',
      recorded.externals[dialed] === `tel:${secondNumber}`,
      { externals: recorded.externals, secondNumber },
    );
  }
  win.hide();
  win.webContents.sent.length = 0;
  shown.activate();
  const opened = win.webContents.sent.filter((m) => m.channel === 'notification:clicked');
  check(
    'activating the notification shows the window and opens the call, once',
    win.visible && opened.length === 1 && (opened[0]?.payload as { sessionId?: string })?.sessionId === call.id,
    opened,
  );
  if (platform !== 'linux') {
    win.hide();
    win.webContents.sent.length = 0;
    shown.pressAction('Open call');
    const viaButton = win.webContents.sent.filter((m) => m.channel === 'notification:clicked');
    check(
      'the Open call button shows the window and opens the call, once',
      win.visible && viaButton.length === 1 && (viaButton[0]?.payload as { sessionId?: string })?.sessionId === call.id,
      viaButton,
    );
  }

  const edit = `unsent note ${platform} ${layout} ${Date.now()}`;
  const other = sim.control.addSession({ accountId: 'acct-north', callState: 'Connected' });
  await invoke('poll:now');
  await until(
    'the connected call on the board',
    () => win.webContents.sent.some((m) => JSON.stringify(m.payload).includes(String(other.id))),
    8000,
    () => invoke('poll:now'),
  );
  sim.control.addFault({ endpoint: 'patch-session', kind: 'hang' });
  await invoke('call:save-console-data', { sessionId: other.id, text: edit, base: {} });
  const started = Date.now();
  menuItem('Quit Evo Voice Console').click?.();
  await until('the quit', () => recorded.quitCompleted, QUIT_LIMIT_MS + 1000);
  const took = Date.now() - started;
  check(`tray Quit completes within ${QUIT_LIMIT_MS} ms`, took <= QUIT_LIMIT_MS, `${took} ms`);
  const persisted = filesContaining(join(scratch, 'userData'), edit);
  check('the unsent console-data edit is persisted', persisted.length > 0);
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await sim.close();
  check('no exception at start or while running', failures.length === 0, failures);
  check('no start-up error dialog', recorded.errorBoxes.length === 0, recorded.errorBoxes);
  check("no 'window-all-closed' during the quit", recorded.windowAllClosed === 0, recorded.windowAllClosed);
  report();
}
