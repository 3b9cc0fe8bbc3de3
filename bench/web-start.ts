// Benchmark 7: the built web shell from process start to the live view showing the demo's calls in
// Chromium (browser already running, a tab open): spawn → EVO_WEB_URL printed → page → "Try the
// demo" → rows. The starts share one data folder, as an agent's console starts again and again:
// the first start fills Node's compile cache there (reported apart), the next ones use it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchChromium, startWebShell } from './browser';
import { summarize } from './stats';
import type { Row } from './table';

const RUNS = 5;
const WAIT_MS = 60_000;
const TARGET_MS = 1000;
/** After the tab is idle: what is left of closing the last one and opening this one. */
const SETTLE_MS = 500;

interface Start {
  /** Spawn → EVO_WEB_URL printed. */
  ready: number;
  /** Spawn → the sign-in page offers the demo. */
  page: number;
  /** Spawn → the first demo call on the live view. */
  rows: number;
}

async function once(browser: Awaited<ReturnType<typeof launchChromium>>, dataDir: string): Promise<Start> {
  // The tab is open and settled before the clock starts, as an agent's browser is: opening one is
  // the browser's cost, not the console's (its renderer process was still starting for some
  // 300 ms after newPage() answered, on the same two cores as the shell).
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 2000 })));
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const started = performance.now();
  const shell = await startWebShell({ demo: true, dataDir });
  try {
    await page.goto(shell.value);
    const demo = page.getByRole('button', { name: 'Try the demo' });
    await demo.waitFor({ timeout: WAIT_MS });
    const shown = performance.now() - started;
    // The agent's click, in the page: Playwright's own click first checks the button is visible,
    // stable and not covered, 70-130 ms that are the harness's, not the console's.
    await demo.evaluate((button: HTMLElement) => button.click());
    await page.locator('[data-session-id]').first().waitFor({ timeout: WAIT_MS });
    const rows = performance.now() - started;
    return { ready: shell.readyMs, page: shown, rows };
  } finally {
    await page.close();
    await shell.close();
  }
}

export async function webStart(): Promise<Row[]> {
  const browser = await launchChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'evo-bench-'));
  const runs: Start[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, dataDir));
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const rows = summarize(runs.map((r) => r.rows));
  const ready = summarize(runs.map((r) => r.ready));
  const page = summarize(runs.map((r) => r.page));
  const first = runs[0] as Start;
  return [
    {
      id: '7 web start',
      measure: 'web shell: process start → live view showing demo calls',
      value: rows.median,
      unit: 'ms',
      spread: `IQR ${rows.p25.toFixed(0)}–${rows.p75.toFixed(0)} ms, ${rows.min.toFixed(0)}–${rows.max.toFixed(0)} ms over ${RUNS} starts`,
      target: `≤ ${TARGET_MS / 1000} s`,
      met: rows.median <= TARGET_MS,
      note: `medians from spawn: EVO_WEB_URL printed (the shell's light first half listening; the console loads while the page does) ${ready.median.toFixed(0)} ms, sign-in page offering the demo ${page.median.toFixed(0)} ms; the rest is starting the demo simulator, signing in and the first poll. The first start (compile cache empty): printed ${first.ready.toFixed(0)} ms, live view ${first.rows.toFixed(0)} ms. A tab is open and idle before each start; the click is the page's own (no harness checks).`,
    },
  ];
}
