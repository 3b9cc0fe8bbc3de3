// 10,000 live sessions: time to first paint of the live view, and the frame cost of applying a one-call patch.
import { writeFileSync } from 'node:fs';

import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

const SESSIONS = 10_000;
const PATCHES = 6;

declare global {
  interface Window {
    __perf: {
      firstRowPaint?: number;
      /** Messages of more than 1 MB (snapshots): when they arrived, their size and how long their handler ran. */
      bulk: { at: number; bytes: number; handlerMs: number }[];
      patches: { received: number; handled: number; painted: number }[];
      longFrames: number[];
    };
  }
}

/** Runs in the page before its scripts: timestamps the first painted row and every live:patch frame to its next paint. */
function instrument(): void {
  const perf: Window['__perf'] = { bulk: [], patches: [], longFrames: [] };
  window.__perf = perf;
  const afterPaint = (done: (t: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="live-list"] [role="listitem"]')) {
      observer.disconnect();
      afterPaint((t) => (perf.firstRowPaint = t));
    }
  }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) perf.longFrames.push(entry.duration);
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Long Animation Frame timing is not in every Chromium; the frame times below still are.
  }
  const NativeSocket = window.WebSocket;
  // The client sets onmessage: wrap it to time the handler plus the microtasks it queues (Svelte's flush).
  window.WebSocket = class extends NativeSocket {
    override set onmessage(handler: ((event: MessageEvent) => void) | null) {
      super.onmessage = !handler
        ? null
        : (event: MessageEvent) => {
            const patch = typeof event.data === 'string' && event.data.includes('"live:patch"');
            const received = performance.now();
            handler(event);
            const bytes = typeof event.data === 'string' ? event.data.length : 0;
            if (bytes > 1_000_000) perf.bulk.push({ at: received, bytes, handlerMs: performance.now() - received });
            if (!patch) return;
            const entry = { received, handled: NaN, painted: NaN };
            queueMicrotask(() => (entry.handled = performance.now()));
            afterPaint((painted) => {
              entry.painted = painted;
              perf.patches.push(entry);
            });
          };
    }
    override get onmessage(): ((event: MessageEvent) => void) | null {
      return super.onmessage;
    }
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

test('10,000 sessions: first paint of the live view and the cost of a one-call patch', async ({
  app,
  sim,
}, testInfo) => {
  test.skip(app.kind !== 'web', 'measured in the web shell, where the page can watch its socket');
  test.setTimeout(120_000);
  await app.page.addInitScript(instrument);
  await signIn(app.page, sim);
  sim.control.loadSessions(SESSIONS, { accountId: NORTH });
  // Generated sessions come in every state; the board shows those not ended.
  const live = sim.control.listSessions().filter((s) => s.accountId === NORTH && s.ended !== true).length;
  await expect(app.page.getByRole('heading', { name: /Live calls/ })).toContainText(`(${live})`, { timeout: 60_000 });

  // A fresh page load with the board already full: navigation to the first painted row.
  await app.page.reload();
  const ui = app.page;
  await expect(ui.getByRole('heading', { name: /Live calls/ })).toContainText(`(${live})`, { timeout: 30_000 });
  await expect.poll(() => ui.evaluate(() => window.__perf.firstRowPaint)).toBeGreaterThan(0);
  const firstPaintMs = await ui.evaluate(() => window.__perf.firstRowPaint ?? NaN);
  const snapshots = await ui.evaluate(() => window.__perf.bulk);
  const renderedRows = await ui.getByTestId('live-list').getByRole('listitem').count();
  expect(renderedRows).toBeLessThan(100);

  // One call changes at a time; each change reaches the page as one patch.
  const first = ui.getByTestId('live-list').getByRole('listitem').first();
  const id = await first.getAttribute('data-session-id');
  expect(id).toBeTruthy();
  await ui.evaluate(() => {
    window.__perf.patches = [];
    window.__perf.longFrames = [];
  });
  for (let i = 0; i < PATCHES; i++) {
    sim.control.updateSession(id ?? '', { fromName: `Perf Patch ${i}` });
    // Wait inside the page (no locator polling competing for the main thread while it is measured).
    await ui.evaluate(
      (n) =>
        new Promise<void>((done) => {
          const check = () => (window.__perf.patches.length > n ? done() : setTimeout(check, 50));
          check();
        }),
      i,
    );
  }
  await expect(
    ui
      .getByTestId('live-list')
      .getByRole('button', { name: `Perf Patch ${PATCHES - 1}` })
      .first(),
  ).toBeVisible();
  const patches = await ui.evaluate(() => window.__perf.patches.map((p) => p.painted - p.received));
  const scripts = await ui.evaluate(() => window.__perf.patches.map((p) => p.handled - p.received));
  const longFrames = await ui.evaluate(() => window.__perf.longFrames);
  expect(patches.length).toBeGreaterThanOrEqual(PATCHES);

  // Rows carry no members or log: opening the call fetches its details from main, and while it is
  // open its patches carry them.
  const full = sim.control.getSession(id ?? '');
  await first
    .getByRole('button', { name: /Perf Patch/ })
    .first()
    .click();
  const details = ui.getByRole('complementary');
  await expect(details.getByRole('heading', { name: 'Log' })).toBeVisible();
  await expect(details).toContainText(full?.log?.[0]?.message ?? 'missing log');
  sim.control.updateSession(id ?? '', {
    log: [...(full?.log ?? []), { date: full?.dateCreated, message: 'Perf note' }],
  });
  await expect(details).toContainText('Perf note', { timeout: 15_000 });

  const figures = {
    sessions: SESSIONS,
    liveOnBoard: live,
    renderedRows,
    firstPaintOfLiveViewMs: Math.round(firstPaintMs),
    snapshotMessages: snapshots.map((b) => ({
      arrivedMs: Math.round(b.at),
      megabytes: Number((b.bytes / 1e6).toFixed(1)),
      handlerMs: Math.round(b.handlerMs),
    })),
    patchScriptMedianMs: Number(median(scripts).toFixed(1)),
    patchScriptMaxMs: Number(Math.max(...scripts).toFixed(1)),
    patchToPaintMedianMs: Number(median(patches).toFixed(1)),
    patchToPaintMaxMs: Number(Math.max(...patches).toFixed(1)),
    patchesMeasured: patches.length,
    longAnimationFramesDuringPatches: longFrames.map((d) => Math.round(d)),
  };
  writeFileSync(testInfo.outputPath('performance.json'), JSON.stringify(figures, null, 2));
  await testInfo.attach('performance', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  console.log(`performance: ${JSON.stringify(figures)}`);
  // A generous bound that still fails on a hang or a board rendered all at once; bench/ owns the target.
  expect(figures.firstPaintOfLiveViewMs, 'first paint of the live view').toBeLessThan(10_000);
  expect(figures.patchToPaintMedianMs).toBeLessThan(100);
});
