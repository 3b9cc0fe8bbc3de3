// The start-up test of the whole main process: the built out/main/index.js started on the Electron
// stand-in for each platform, packaged and unpackaged, each in its own Node process
// (start-main.ts), with every named check it reports asserted here. `npm run test:launch`; needs
// `npx electron-vite build` first. The stand-in is not Electron: the e2e specs run against real
// Electron where its binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bundle = process.env.EVO_LAUNCH_BUNDLE ?? join(root, 'out/main/index.js');
const COMBINATIONS = ['darwin', 'win32', 'linux'].flatMap((platform) =>
  ['unpackaged', 'packaged'].map((layout) => ({ platform, layout })),
);

interface Report {
  checks: { name: string; ok: boolean; detail?: unknown }[];
}

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
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, EVO_LAUNCH_BUNDLE: bundle } },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  return { report: line ? (JSON.parse(line) as Report) : undefined, output: `${child.stdout}\n${child.stderr}` };
}

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

  it('shows a dialog naming the log and exits when start-up fails', () => {
    const { report, output } = start('win32', 'packaged', 'unwritable-logs');
    expect(
      report?.checks.filter((c) => !c.ok),
      output,
    ).toEqual([]);
    expect(
      report?.checks.map((c) => c.name),
      output,
    ).toContain('a failed start shows an error dialog naming the log');
  });

  it.each(COMBINATIONS)('$platform $layout', ({ platform, layout }) => {
    const { report, output } = start(platform, layout);
    expect(report, output).toBeDefined();
    const failed = report?.checks.filter((c) => !c.ok) ?? [];
    expect(failed, output).toEqual([]);
    // The checks that must have run (a scenario cut short reports fewer).
    const names = report?.checks.map((c) => c.name) ?? [];
    for (const expected of [
      'every path handed to Tray, nativeImage, the preload and the page loader exists',
      'every request channel of the IPC contract has a handler',
      'a second instance shows and focuses the first window',
      'tray: Do not disturb toggles the setting',
      'the default global hotkeys are registered',
      "the hold hotkey PATCHes the agent's call on hold and off hold",
      'a hotkey another application holds is reported to the agent',
      'a missed call reaches Notification',
      'the missed-call notification offers Open call and Copy number where the platform has actions',
      'activating the notification shows the window and opens the call',
      'the demo starts (its simulator loaded on demand) and signs in',
      'tray Quit completes within 2000 ms',
      'the unsent console-data edit is persisted',
      'no exception at start or while running',
    ]) {
      expect(names, output).toContain(expected);
    }
  });
});
