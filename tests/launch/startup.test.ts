// The start-up test of the whole main process: the built out/main/index.js started on the Electron
// stand-in for each platform, packaged and unpackaged, each in its own Node process
// (start-main.ts), with every named check it reports asserted here. `npm run test:launch`; needs
// `npx electron-vite build` first. The stand-in is not Electron: the e2e specs run against real
// Electron where its binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

function start(platform: string, layout: string): { report?: Report; output: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/launch/register.mjs', 'tests/launch/start-main.ts', platform, layout],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, EVO_LAUNCH_BUNDLE: bundle } },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  return { report: line ? (JSON.parse(line) as Report) : undefined, output: `${child.stdout}\n${child.stderr}` };
}

describe('the main process starts on every platform, packaged and not', () => {
  it('has a built bundle to start (run npx electron-vite build first)', () => {
    expect(existsSync(bundle), bundle).toBe(true);
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
      'a missed call reaches Notification',
      'activating the notification shows the window and opens the call',
      'quit completes within 2000 ms',
      'the unsent console-data edit is persisted',
      'no exception at start or while running',
    ]) {
      expect(names, output).toContain(expected);
    }
  });
});
