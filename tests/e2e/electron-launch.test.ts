// The Electron e2e launcher's plan: the app folder (`electron .`), no sandbox only as root or on
// Linux CI without the chrome-sandbox helper set up, an isolated HOME, and a virtual X display
// that really starts where Xvfb is installed.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  electronLaunchPlan,
  needsVirtualDisplay,
  sandboxHelperReady,
  startVirtualDisplay,
} from '../../e2e/electron-launch';

const facts = {
  binary: '/opt/electron/electron',
  appDir: '/src/console',
  dataDir: '/tmp/e2e/console-1',
  env: { PATH: '/usr/bin', HOME: '/root', DISPLAY: ':0', UNSET: undefined },
};

describe('electron launch plan', () => {
  it('launches the app folder, as npm start does, not out/main/index.js', () => {
    const plan = electronLaunchPlan({ ...facts, root: false });
    expect(plan.executablePath).toBe('/opt/electron/electron');
    expect(plan.cwd).toBe('/src/console');
    expect(plan.args[0]).toBe('.');
    expect(plan.args.join(' ')).not.toMatch(/out\/main/);
    expect(plan.args).toContain('--user-data-dir=/tmp/e2e/console-1');
  });

  it('turns the Chromium sandbox off as root, and on Linux CI only while the helper is not set up', () => {
    const root = electronLaunchPlan({ ...facts, root: true });
    expect(root.args).toContain('--no-sandbox');
    expect(root.chromiumSandbox).toBe(false);
    const user = electronLaunchPlan({ ...facts, root: false, platform: 'linux', sandboxHelperReady: false });
    expect(user.args).not.toContain('--no-sandbox');
    expect(user.chromiumSandbox).toBe(true);
    const ci = { ...facts, env: { ...facts.env, CI: 'true' }, root: false, platform: 'linux' as const };
    expect(electronLaunchPlan({ ...ci, sandboxHelperReady: false }).args).toContain('--no-sandbox');
    expect(electronLaunchPlan({ ...ci, sandboxHelperReady: true }).chromiumSandbox).toBe(true);
    expect(electronLaunchPlan({ ...ci, platform: 'win32', sandboxHelperReady: false }).chromiumSandbox).toBe(true);
  });

  it('sees the helper as set up only when root-owned with mode 4755', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evo-sandbox-'));
    writeFileSync(join(dir, 'chrome-sandbox'), '');
    chmodSync(join(dir, 'chrome-sandbox'), 0o755);
    expect(sandboxHelperReady(join(dir, 'electron'))).toBe(false);
    expect(sandboxHelperReady(join(dir, 'missing', 'electron'))).toBe(false);
    // Root-owned 4755 is what `sudo chown root:root … && sudo chmod 4755 …` makes.
    if (process.getuid?.() === 0) {
      chmodSync(join(dir, 'chrome-sandbox'), 0o4755);
      expect(sandboxHelperReady(join(dir, 'electron'))).toBe(true);
    }
  });

  it('isolates HOME and the XDG folders under the data folder, keeps the rest of the environment, turns on the test hooks', () => {
    const plan = electronLaunchPlan({ ...facts, root: false });
    expect(plan.env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/tmp/e2e/console-1/home',
      XDG_CONFIG_HOME: '/tmp/e2e/console-1/home/.config',
      EVO_CONSOLE_TEST_HOOKS: '1',
      DISPLAY: ':0',
    });
    expect(plan.env).not.toHaveProperty('UNSET');
    expect(Object.values(plan.env).join(' ')).not.toContain('/root');
  });

  it('points DISPLAY at the virtual display when one was started', () => {
    expect(electronLaunchPlan({ ...facts, root: false, display: ':42' }).env.DISPLAY).toBe(':42');
  });

  it('wants a virtual display on Linux without X or Wayland only', () => {
    expect(needsVirtualDisplay('linux', {})).toBe(true);
    expect(needsVirtualDisplay('linux', { DISPLAY: ':0' })).toBe(false);
    expect(needsVirtualDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(needsVirtualDisplay('darwin', {})).toBe(false);
    expect(needsVirtualDisplay('win32', {})).toBe(false);
  });

  // Skips where Xvfb is not installed (macOS, Windows, a Linux without the xvfb package).
  it.skipIf(!existsSync('/usr/bin/Xvfb'))('starts Xvfb and reports a display a client can open', async () => {
    const xvfb = await startVirtualDisplay();
    try {
      expect(xvfb.display).toMatch(/^:\d+$/);
      // xdpyinfo may be absent; Xvfb's own socket is the proof the display is served.
      expect(existsSync(`/tmp/.X11-unix/X${xvfb.display.slice(1)}`)).toBe(true);
    } finally {
      await xvfb.stop();
    }
  });
});
