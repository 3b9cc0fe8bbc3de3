// The web shell's console, loaded after the page is served (start.ts): composes the core, the demo
// and the dispatcher over this run's settings and policy, and starts the core.
import { readFileSync } from 'node:fs';

import type { Logger } from '../main/core/ports';
import { composeWebConsole, type WebConsole } from './compose';
import type { WebStartOptions } from './start';

export async function startConsole(options: WebStartOptions, log: Logger): Promise<WebConsole> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const parts = composeWebConsole({
    dataDir: options.dataDir,
    appVersion: pkg.version,
    offerDemo: options.offerDemo,
    log,
    ...(options.policyFile ? { policyFile: options.policyFile } : {}),
  });
  await parts.core.start();
  return parts;
}
