// `--smoke-test`: the installed (packaged, fused) app, which Playwright cannot drive, checks itself:
// it starts, loads the page, creates the tray and the hotkeys, writes one "ready" line to its log
// and quits with status 0; what is missing after the time limit is logged and it exits with 1.
import type { Logger } from './core/ports';

export const SMOKE_TEST_FLAG = '--smoke-test';
export const SMOKE_TEST_LIMIT_MS = 60_000;

export function smokeTestRequested(argv: readonly string[]): boolean {
  return argv.includes(SMOKE_TEST_FLAG);
}

export interface SmokeTestFacts {
  /** Resolves once the page finished loading. */
  pageLoaded: Promise<void>;
  /** The tray exists (false where the desktop has none: then that is said, not failed). */
  tray: boolean;
  desktopHasTray: boolean;
  /** The hotkeys registered now. */
  hotkeys: () => string[];
  log: Logger;
  quit: () => void;
  exit: (code: number) => void;
  limitMs?: number;
}

/** Waits for the page, checks tray and hotkeys, then writes the one "ready" line and quits. */
export async function runSmokeTest(facts: SmokeTestFacts): Promise<void> {
  const limit = facts.limitMs ?? SMOKE_TEST_LIMIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limit)));
  const page = await Promise.race([facts.pageLoaded.then(() => 'loaded' as const), late]);
  clearTimeout(timer);
  const problems = [
    ...(page === 'late' ? [`the page did not load within ${limit} ms`] : []),
    ...(facts.desktopHasTray && !facts.tray ? ['the tray was not created'] : []),
    ...(facts.hotkeys().length === 0 ? ['no hotkey was registered'] : []),
  ];
  if (problems.length) {
    facts.log.error('Smoke test failed', { problems });
    facts.exit(1);
    return;
  }
  facts.log.info('Smoke test: ready', { tray: facts.tray, hotkeys: facts.hotkeys() });
  facts.quit();
}
