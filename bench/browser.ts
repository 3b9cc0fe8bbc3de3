// Debian's Chromium through Playwright, kept off the network, and the web shell it opens.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type Browser, chromium } from '@playwright/test';

import { CHROMIUM_LAUNCH } from '../tests/support/chromium';
import { type Started, startProcess, WEB_SHELL_SCRIPT } from '../tests/support/ready-process';

export const CHROMIUM = CHROMIUM_LAUNCH.executablePath as string;

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Why the browser benchmarks cannot run here, or undefined when they can. */
export function browserProblem(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: apt-get install -y chromium`;
  for (const built of ['out/renderer/index.html', WEB_SHELL_SCRIPT])
    if (!existsSync(resolve(built))) return `${built} is not built: run \`npm run build\` first`;
  return undefined;
}

/** A warning when renderer sources are newer than out/renderer: the figures are for an old build. */
export function staleBuild(): string | undefined {
  const built = statSync(resolve('out/renderer/index.html')).mtimeMs;
  const newer = ['src/renderer', 'src/shared'].flatMap((dir) =>
    readdirSync(resolve(dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built)
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  return newer.length
    ? `(out/renderer is older than ${newer.length} source file(s): run \`npm run build\` for current figures.)`
    : undefined;
}

export interface WebShellProcess extends Started {
  /** Removes the data directory too. */
  close(): Promise<void>;
}

/**
 * The built web shell on a fresh data directory (or `dataDir`, kept: a console started again, its
 * compile cache warm); `value` is the page URL with its token.
 */
export async function startWebShell(options: { demo: boolean; dataDir?: string }): Promise<WebShellProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'evo-bench-'));
  const args = [WEB_SHELL_SCRIPT, '--port', '0', '--data-dir', dataDir];
  if (!options.demo) args.push('--no-demo-offer');
  const shell = await startProcess(args, 'EVO_WEB_URL', { env: { ...process.env, HOME: join(dataDir, 'home') } });
  return {
    ...shell,
    async close() {
      await shell.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
