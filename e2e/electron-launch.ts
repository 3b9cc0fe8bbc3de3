// How the e2e suite starts the real Electron app: the app folder as `npm start` does, an isolated
// HOME, a virtual X display on headless Linux, and the Chromium sandbox on unless running as root
// or, on Linux CI only, when the chrome-sandbox helper is not set up (root-owned, mode 4755; the
// release workflow sets it up, so there the sandbox stays on).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ElectronLaunchPlan {
  executablePath: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Playwright adds --no-sandbox on Linux unless this is true. */
  chromiumSandbox: boolean;
}

export interface LaunchFacts {
  binary: string;
  /** The folder holding package.json: Electron reads its name, version and `main` from there. */
  appDir: string;
  dataDir: string;
  /** Running as root: Chromium's sandbox refuses to start, so it is turned off. */
  root: boolean;
  /** Linux: chrome-sandbox beside the binary is root-owned with mode 4755 (default: looked up). */
  sandboxHelperReady?: boolean;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** An X display started for this run (headless Linux), e.g. ':99'. */
  display?: string;
}

/** Linux: Chromium's SUID sandbox helper (node_modules/electron/dist/chrome-sandbox) is set up. */
export function sandboxHelperReady(binary: string): boolean {
  try {
    const helper = statSync(join(dirname(binary), 'chrome-sandbox'));
    return helper.uid === 0 && (helper.mode & 0o7777) === 0o4755;
  } catch {
    return false;
  }
}

/**
 * Whether to pass --no-sandbox: as root (Chromium refuses to start), or on Linux in CI when the
 * helper is not set up (Playwright then reports "Process failed to launch!"). A developer's Linux
 * machine keeps the sandbox and gets Chromium's own message naming the helper to fix.
 */
export function withoutSandbox(facts: LaunchFacts): boolean {
  if (facts.root) return true;
  const platform = facts.platform ?? process.platform;
  if (platform !== 'linux' || !facts.env.CI) return false;
  return !(facts.sandboxHelperReady ?? sandboxHelperReady(facts.binary));
}

/**
 * `electron .` in the app folder: the app path is the project (its package.json name and version),
 * not `out/main`, which would make Electron's default app name it "Electron" with Electron's version.
 */
export function electronLaunchPlan(facts: LaunchFacts): ElectronLaunchPlan {
  const home = join(facts.dataDir, 'home');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(facts.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    EVO_CONSOLE_TEST_HOOKS: '1',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  });
  if (facts.display !== undefined) env.DISPLAY = facts.display;
  const noSandbox = withoutSandbox(facts);
  return {
    executablePath: facts.binary,
    args: ['.', `--user-data-dir=${facts.dataDir}`, ...(noSandbox ? ['--no-sandbox'] : [])],
    cwd: facts.appDir,
    env,
    chromiumSandbox: !noSandbox,
  };
}

/** Linux with neither an X nor a Wayland display: windows need a virtual one. */
export function needsVirtualDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

export interface VirtualDisplay {
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on a free display number (it writes the number it took to fd 3). */
export function startVirtualDisplay(timeoutMs = 10_000): Promise<VirtualDisplay> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (xvfb.exitCode !== null || xvfb.signalCode !== null) return done();
      xvfb.once('exit', () => done());
      xvfb.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let said = '';
    let errors = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Xvfb did not report a display within ${timeoutMs} ms: ${errors.trim()}`));
    }, timeoutMs);
    xvfb.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const number = /^(\d+)\n/.exec(said)?.[1];
      if (number === undefined) return;
      clearTimeout(timer);
      resolve({ display: `:${number}`, stop });
    });
    xvfb.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start Xvfb (apt-get install xvfb): ${error.message}`));
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before reporting a display: ${errors.trim()}`));
    });
  });
}
