// Benchmark 7: the web shell from process start to the live view showing the demo's calls in
// Chromium (browser already running): spawn → EVO_WEB_URL printed → page → "Try the demo" → rows.
import { launchChromium, startWebShell } from './browser';
import { summarize } from './stats';
import type { Row } from './table';

const RUNS = 3;
const WAIT_MS = 60_000;

async function once(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<{ ready: number; rows: number }> {
  const started = performance.now();
  const shell = await startWebShell({ demo: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(shell.value);
    await page.getByRole('button', { name: 'Try the demo' }).click({ timeout: WAIT_MS });
    await page.locator('[data-session-id]').first().waitFor({ timeout: WAIT_MS });
    const rows = performance.now() - started;
    await page.close();
    return { ready: shell.readyMs, rows };
  } finally {
    await shell.close();
  }
}

export async function webStart(): Promise<Row[]> {
  const browser = await launchChromium();
  const runs: { ready: number; rows: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser));
  } finally {
    await browser.close();
  }
  const rows = summarize(runs.map((r) => r.rows));
  const ready = summarize(runs.map((r) => r.ready));
  return [
    {
      id: '7 web start',
      measure: 'web shell: process start → live view showing demo calls',
      value: rows.median,
      unit: 'ms',
      spread: `${rows.min.toFixed(0)}–${rows.max.toFixed(0)} ms over ${RUNS} starts`,
      target: 'reported',
      note: `of which spawn → EVO_WEB_URL printed (node loading out/web/server.js and starting the core): ${ready.median.toFixed(0)} ms median.`,
    },
  ];
}
