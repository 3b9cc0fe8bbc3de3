// The start-up test of the whole main process on the Electron stand-in for each platform, each in
// its own Node process (start-main.ts), with every named check it reports asserted here.
// Unpackaged: out/main/index.js of this tree (`npx electron-vite build` first). Packaged: the
// app.asar that `npm run package` wrote to dist/, extracted, run with only the node_modules the
// package holds (a production dependency left out of the package fails here) and the package's
// resources folder. Without dist/ (run standalone) the packaged runs are skipped and say why;
// scripts/test.sh packages before this step. The stand-in is not Electron: the e2e specs run
// against real Electron where its binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { extractAll } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bundle = join(root, 'out/main/index.js');
const dist = join(root, 'dist');
const PLATFORMS = ['darwin', 'win32', 'linux'];

/** The app.asar of the package in dist/: <os>-unpacked/resources/ or <name>.app/Contents/Resources/. */
function packagedAsar(distDir: string): string | undefined {
  if (!existsSync(distDir)) return undefined;
  const candidates = readdirSync(distDir).flatMap((entry) => [
    join(distDir, entry, 'resources', 'app.asar'),
    ...(existsSync(join(distDir, entry)) && entry.startsWith('mac')
      ? readdirSync(join(distDir, entry)).map((app) => join(distDir, entry, app, 'Contents', 'Resources', 'app.asar'))
      : []),
  ]);
  return candidates.find((file) => existsSync(file));
}

interface Report {
  checks: { name: string; ok: boolean; detail?: unknown }[];
}

/** The extracted package, set up in beforeAll when dist/ holds one. */
const packagedApp: { dir?: string; resources?: string } = {};

function start(platform: string, layout: string, scenario = 'run'): { report?: Report; output: string } {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './tests/launch/register.mjs',
      'tests/launch/start-main.ts',
      platform,
      layout,
      scenario,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ...(layout === 'packaged'
          ? { EVO_LAUNCH_APP: packagedApp.dir, EVO_LAUNCH_RESOURCES: packagedApp.resources }
          : {}),
      },
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  return { report: line ? (JSON.parse(line) as Report) : undefined, output: `${child.stdout}\n${child.stderr}` };
}

/** Runs a scenario and expects every check it reports to pass, and the named ones to have run. */
function expectScenario(platform: string, layout: string, scenario: string, expected: string[]): void {
  const { report, output } = start(platform, layout, scenario);
  expect(report, output).toBeDefined();
  expect(
    report?.checks.filter((c) => !c.ok),
    output,
  ).toEqual([]);
  const names = report?.checks.map((c) => c.name) ?? [];
  for (const name of expected) expect(names, output).toContain(name);
}

const asar = packagedAsar(dist);
/** The OS the package in dist/ was built for: a package carries only its own OS's tray art and binaries. */
const packageOs =
  asar && /[\\/]mac[^\\/]*[\\/]/.test(asar)
    ? 'darwin'
    : asar && /[\\/]win[^\\/]*-unpacked[\\/]/.test(asar)
      ? 'win32'
      : 'linux';
const noPackage = existsSync(dist)
  ? undefined
  : 'skipped: no dist/ (run `npm run package` first; scripts/test.sh does)';
/** Why a packaged run of `platform` is skipped: no package, or the package is another OS's. */
const packageSkip = (platform: string) =>
  noPackage ??
  (platform === packageOs ? undefined : `skipped: dist/ holds the ${packageOs} package (one OS per package)`);
const layoutsFor = (platform: string) =>
  ['unpackaged', 'packaged'].map((layout) => ({
    layout,
    skip: layout === 'packaged' ? packageSkip(platform) : undefined,
  }));

beforeAll(() => {
  if (!existsSync(dist)) return;
  if (!asar) throw new Error(`dist/ holds no packaged app.asar: run npm run package again (looked in ${dist})`);
  packagedApp.dir = mkdtempSync(join(tmpdir(), 'evo-launch-app-'));
  // The files the package holds (app.asar.unpacked too: keytar's native module).
  extractAll(asar, packagedApp.dir);
  packagedApp.resources = dirname(asar);
});
afterAll(() => {
  if (packagedApp.dir) rmSync(packagedApp.dir, { recursive: true, force: true });
});

describe('the main process starts on every platform, packaged and not', () => {
  it('has a built bundle to start (run npx electron-vite build first)', () => {
    expect(existsSync(bundle), bundle).toBe(true);
  });

  it('keeps the simulator out of the start-up bundle (a chunk loaded when the demo starts)', () => {
    const main = readFileSync(bundle, 'utf8');
    expect(main).not.toContain('// src/simulator/server.ts');
    expect(main).toMatch(/await import\("\.\/chunks\/simulator-[\w-]+\.js"\)/);
    expect(main).not.toMatch(/^import [^;]*from "\.\/chunks\/simulator/m);
    expect(main).not.toMatch(/from "zod"/);
  });

  it('starts although the log folder cannot be used, and tells the agent where the log is', () => {
    expectScenario('win32', 'unpackaged', 'unwritable-logs', [
      'the console starts although the log folder cannot be used',
      'the agent is told where the log is once the page is up',
    ]);
  });

  it('on a seat upgraded from the package-named data folder, starts with the agent’s settings', () => {
    expectScenario('linux', 'unpackaged', 'previous-data-folder', [
      'the settings of the previous data folder are the agent’s settings',
      'the copy is logged once',
    ]);
  });

  it('on a Wayland session says the desktop binds the hotkeys, and moves a changed one', () => {
    expectScenario('linux', 'unpackaged', 'wayland', [
      'Settings is told the desktop binds the hotkeys',
      'a changed hotkey is bound and the old key no longer fires',
    ]);
  });

  describe.each(PLATFORMS)('%s', (platform) => {
    it.skipIf(!!packageSkip(platform))(
      `--smoke-test of the package starts, writes one ready line and quits ${packageSkip(platform) ?? ''}`,
      () => {
        expectScenario(platform, 'packaged', 'smoke', [
          '--smoke-test writes one "ready" line to the log',
          '--smoke-test quits by itself with status 0',
        ]);
      },
    );
  });

  describe.each(PLATFORMS)('%s', (platform) => {
    for (const { layout, skip } of layoutsFor(platform)) {
      it.skipIf(!!skip)(`${layout} ${skip ?? ''}`, () => {
        // The checks that must have run (a scenario cut short reports fewer).
        expectScenario(platform, layout, 'run', [
          'every path handed to Tray, nativeImage, the preload and the page loader exists',
          'every request channel of the IPC contract has a handler',
          'app:// registered once as privileged before ready, as standard, secure and fetch-capable',
          'a second instance shows and focuses the first window',
          'tray: Do not disturb toggles the setting',
          'the default global hotkeys are registered',
          "the hold hotkey PATCHes the agent's call on hold and off hold",
          'a hotkey another application holds is reported to the agent',
          "an SSO proxy's redirect at sign-in is reported as the proxy's sign-in page",
          'a voicemail served by a 302 to a signed address plays',
          'a missed call reaches Notification',
          'the missed-call notification offers Open call, Copy number and Call back where the platform has actions',
          'activating the notification shows the window and opens the call, once',
          ...(platform === 'linux'
            ? []
            : [
                "Copy number puts the caller's number on the clipboard",
                'Call back opens the dialer (tel: by default) on the E.164 number',
                'the Open call button shows the window and opens the call, once',
              ]),
          'the demo starts (its simulator loaded on demand) and signs in',
          'tray Quit completes within 2000 ms',
          'the unsent console-data edit is persisted',
          "no 'window-all-closed' during the quit",
          'no exception at start or while running',
        ]);
      });
    }
  });
});
