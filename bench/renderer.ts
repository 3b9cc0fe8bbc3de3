// Benchmark 5: the live view in Chromium through the web shell: time to the first painted rows
// at 100, 1,000 and 10,000 sessions, the size of the first snapshot, and the main-thread work of
// the frame that applies a one-call patch at 10,000; side by side with the same list rendered
// without virtualization (bench/page/list.html).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { fillSignIn } from '../e2e/agent';
import { startSimulator } from '../src/simulator/index';
import { DEMO_USER, type Simulator } from '../src/simulator/types';
import { launchChromium, staleBuild, startWebShell } from './browser';
import { ACCOUNT } from './core-rig';
import { type FrameTiming, type Probe, PROBE_SCRIPT } from './page-probe';
import { summarize, type Summary } from './stats';
import type { Row } from './table';

/** Board sizes for the first-paint plot; the last one is the one with targets and patches. */
export const PAINT_SIZES = [100, 1_000, 10_000] as const;
const SESSIONS = PAINT_SIZES[PAINT_SIZES.length - 1] as number;
const LOADS = 5;
const PATCHES = 6;
const WAIT_MS = 60_000;
const MB = 1e6;

export interface FirstPaintPoint {
  sessions: number;
  /** Median over LOADS page loads. */
  ms: number;
}

const probe = (page: Page): Promise<Probe> =>
  page.evaluate(() => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    return { ...p, socket: undefined, measureFrame: undefined, snapshot: undefined } as unknown as Probe;
  });

interface Paint {
  ms: number;
  rows: number;
  socketAt?: number;
}

async function firstPaint(page: Page): Promise<Paint> {
  await page.waitForFunction(
    () => (window as unknown as { __probe: Probe }).__probe.firstRowPaint !== undefined,
    null,
    { timeout: WAIT_MS, polling: 100 },
  );
  const p = await probe(page);
  return {
    ms: p.firstRowPaint as number,
    rows: p.rowsAtFirstPaint ?? 0,
    ...(p.socketAt !== undefined ? { socketAt: p.socketAt } : {}),
  };
}

async function firstRowId(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('[data-session-id]') as HTMLElement).dataset.sessionId as string);
}

/** Asks the web shell for a poll now, over the page's own socket. */
async function pollNow(page: Page, n: number): Promise<void> {
  await page.evaluate((id) => {
    const socket = (window as unknown as { __probe: Probe }).__probe.socket;
    socket?.send(JSON.stringify({ id, channel: 'poll:now', args: null }));
  }, 1_000_000 + n);
}

const liveOn = (sim: Simulator) =>
  sim.control.listSessions().filter((s) => s.accountId === ACCOUNT && s.ended !== true).length;

/** Page loads at one board size: paints, and the first snapshot of each load. */
interface Loads {
  sessions: number;
  paints: number[];
  rows: number;
  socketAt: number[];
  snapshotAt: number[];
  snapshotBytes: number[];
  /** Frames that carried the rows of one load (the first answer and the chunks). */
  snapshotFrames: number;
  /** False when the largest early frame did not hold the board (the probe missed the snapshot). */
  snapshotSeen: boolean;
}

/** Waits until the board's title counts every live call: the last chunk of rows is in. */
const allRows = (page: Page, live: number) =>
  page
    .locator('#live-title .count')
    .filter({ hasText: `(${live})` })
    .waitFor({ timeout: WAIT_MS });

async function measureLoads(page: Page, sessions: number, live: number): Promise<Loads> {
  const loads: Loads = {
    sessions,
    paints: [],
    rows: 0,
    socketAt: [],
    snapshotAt: [],
    snapshotBytes: [],
    snapshotFrames: 0,
    snapshotSeen: true,
  };
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    const paint = await firstPaint(page);
    loads.paints.push(paint.ms);
    loads.rows = paint.rows;
    if (paint.socketAt !== undefined) loads.socketAt.push(paint.socketAt);
    await allRows(page, live);
    // Ended calls and the activity feed come in the last chunks, after the board counts every live call.
    await page.waitForFunction(
      () => (window as unknown as { __probe: Probe }).__probe.snapshot()?.complete === true,
      null,
      {
        timeout: WAIT_MS,
        polling: 100,
      },
    );
    const snapshot = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.snapshot());
    if (snapshot) {
      loads.snapshotAt.push(snapshot.at);
      loads.snapshotBytes.push(snapshot.bytes);
      loads.snapshotFrames = snapshot.frames;
    }
    loads.snapshotSeen &&= snapshot?.board === true;
  }
  return loads;
}

/** The console through the web shell: sign in, then per board size reload LOADS times; patches via the simulator. */
interface Measured {
  loads: Loads[];
  frames: FrameTiming[];
}

async function measureConsole(sim: Simulator): Promise<Measured> {
  const shell = await startWebShell({ demo: false });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ path: PROBE_SCRIPT });
    sim.control.loadSessions(PAINT_SIZES[0], { accountId: ACCOUNT });
    await page.goto(shell.value);
    await fillSignIn(page, sim.url, DEMO_USER.userName, DEMO_USER.password);
    await page.getByRole('button', { name: 'Northwind Health (North)' }).click();
    await firstPaint(page);
    const loads: Loads[] = [];
    for (const [n, size] of PAINT_SIZES.entries()) {
      if (n > 0) {
        sim.control.loadSessions(size, { accountId: ACCOUNT });
        await pollNow(page, n);
      }
      await allRows(page, liveOn(sim));
      loads.push(await measureLoads(page, size, liveOn(sim)));
    }
    for (let i = 0; i < PATCHES; i++) {
      const id = await firstRowId(page);
      const callState = sim.control.getSession(id)?.callState === 'Hold' ? 'Connected' : 'Hold';
      sim.control.updateSession(id, { callState });
      await pollNow(page, PAINT_SIZES.length + i);
      await page.waitForFunction((n) => (window as unknown as { __probe: Probe }).__probe.frames.length > n, i, {
        timeout: WAIT_MS,
        polling: 50,
      });
    }
    const frames = (await probe(page)).frames;
    return { loads, frames };
  } finally {
    await browser.close();
    await shell.close();
  }
}

/** The plain-DOM list of the same sessions, and the bytes of its sessions JSON. */
function serveBaseline(sim: Simulator): Promise<{ server: Server; bytes: number }> {
  const dir = fileURLToPath(new URL('./page/', import.meta.url));
  const sessions = sim.control.listSessions().filter((s) => s.accountId === ACCOUNT);
  const json = JSON.stringify({ sessions });
  const files: Record<string, [string, string]> = {
    '/': [readFileSync(`${dir}list.html`, 'utf8'), 'text/html'],
    '/list.js': [readFileSync(`${dir}list.js`, 'utf8'), 'text/javascript'],
    '/snapshot.json': [json, 'application/json'],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.[1] ?? 'text/plain', 'Cache-Control': 'no-store' });
    res.end(file?.[0] ?? 'Not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, bytes: Buffer.byteLength(json) })),
  );
}

interface Baseline {
  paints: number[];
  rows: number;
  frames: FrameTiming[];
  /** UTF-8 bytes of the sessions as the plain page fetches them. */
  bytes: number;
}

async function measureBaseline(sim: Simulator): Promise<Baseline> {
  const { server, bytes } = await serveBaseline(sim);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ path: PROBE_SCRIPT });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const paints: number[] = [];
    let rows = 0;
    for (let i = 0; i < LOADS; i++) {
      await page.goto(url);
      const paint = await firstPaint(page);
      paints.push(paint.ms);
      rows = paint.rows;
    }
    for (let i = 0; i < PATCHES; i++) {
      const id = await firstRowId(page);
      await page.evaluate(
        ([sessionId, n]) => {
          (window as unknown as { __probe: Probe }).__probe.measureFrame();
          const apply = (window as unknown as { applyChange: (c: { id: string; callState: string }) => boolean })
            .applyChange;
          apply({ id: sessionId as string, callState: n % 2 ? 'Connected' : 'Hold' });
        },
        [id, i] as const,
      );
      await page.waitForFunction((n) => (window as unknown as { __probe: Probe }).__probe.frames.length > n, i, {
        timeout: WAIT_MS,
        polling: 50,
      });
    }
    return { paints, rows, frames: (await probe(page)).frames, bytes };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

const spread = (s: Summary, runs: string) =>
  `IQR ${s.p25.toFixed(0)}–${s.p75.toFixed(0)} ms, max ${s.max.toFixed(0)} ms over ${runs}`;

const median = (samples: readonly number[]) => summarize(samples).median;

export async function rendererBench(): Promise<{ rows: Row[]; points: FirstPaintPoint[] }> {
  const sim = await startSimulator({ clock: 'realtime', scenario: false, seed: 16 });
  try {
    const console_ = await measureConsole(sim);
    const baseline = await measureBaseline(sim);
    const small = console_.loads[0] as Loads;
    const big = console_.loads[console_.loads.length - 1] as Loads;
    const paint = summarize(big.paints);
    const smallPaint = summarize(small.paints);
    const basePaint = summarize(baseline.paints);
    const bytes = summarize(big.snapshotBytes);
    const work = summarize(console_.frames.map((f) => f.workMs));
    const baseWork = summarize(baseline.frames.map((f) => f.workMs));
    const latency = summarize(console_.frames.map((f) => f.latencyMs));
    const stale = staleBuild() ? `${staleBuild()} ` : '';
    const points = console_.loads.map((l) => ({ sessions: l.sessions, ms: median(l.paints) }));
    const missed = big.snapshotSeen ? '' : ' (no frame of the load held the board: the probe missed the snapshot)';
    return {
      points,
      rows: [
        {
          id: '5 first paint',
          measure: `live view with ${SESSIONS} sessions: page load → first rows painted`,
          value: paint.median,
          unit: 'ms',
          spread: spread(paint, `${big.paints.length} loads`),
          baseline: { label: `plain DOM, all ${baseline.rows} live rows`, value: basePaint.median, unit: 'ms' },
          ratio: paint.median / basePaint.median,
          target: '≤ 200 ms',
          met: paint.median <= 200,
          note: `${stale}virtualized: ${big.rows} rows in the DOM. Median timeline: page script opened its socket at ${median(big.socketAt).toFixed(0)} ms, the first rows (live calls first, newest first) arrived at ${median(big.snapshotAt).toFixed(0)} ms${missed}; the rest is building the board and painting; all rows (${(bytes.median / MB).toFixed(2)} MB in ${big.snapshotFrames} frames) follow in chunks.`,
        },
        {
          id: '5 paint vs 100',
          measure: `first paint with ${SESSIONS} sessions against the same page with ${small.sessions}`,
          value: paint.median,
          unit: 'ms',
          spread: `${small.sessions} sessions: ${spread(smallPaint, `${small.paints.length} loads`)}`,
          baseline: { label: `${small.sessions} sessions`, value: smallPaint.median, unit: 'ms' },
          ratio: paint.median / smallPaint.median,
          target: `≤ 2× the ${small.sessions}-session paint`,
          met: paint.median <= 2 * smallPaint.median,
          note: `first paint median by sessions on the board: ${points.map((p) => `${p.sessions.toLocaleString('en-US')}: ${p.ms.toFixed(0)} ms`).join(', ')} (bench/results/first-paint.svg).`,
        },
        {
          id: '5 snapshot bytes',
          measure: `bytes of the first snapshot the page receives (all its chunks), ${SESSIONS} sessions`,
          value: bytes.median / MB,
          unit: 'MB',
          spread: `${(bytes.min / MB).toFixed(2)}–${(bytes.max / MB).toFixed(2)} MB over ${big.snapshotBytes.length} loads`,
          baseline: { label: 'the same sessions as JSON', value: baseline.bytes / MB, unit: 'MB' },
          ratio: bytes.median / baseline.bytes,
          target: '≤ 2.5 MB',
          met: big.snapshotSeen && bytes.median <= 2.5 * MB,
          note: `UTF-8 bytes of every WebSocket frame that carried the board's rows in one page load (the answer to state:get, then each live:rows chunk: ${big.snapshotFrames} frames)${missed}; rows hold the fields a row shows, a call's details come when it is opened; at ${small.sessions} sessions: ${(median(small.snapshotBytes) / MB).toFixed(2)} MB.`,
        },
        {
          id: '5 patch frame',
          measure: `main-thread work of the frame applying a one-call patch, ${SESSIONS} sessions`,
          value: work.median,
          unit: 'ms',
          spread: spread(work, `${console_.frames.length} patches`),
          baseline: { label: 'plain DOM, same change', value: baseWork.median, unit: 'ms' },
          ratio: work.median / baseWork.median,
          target: '≤ 8 ms',
          met: work.median <= 8,
          note: `patch frame script ${median(console_.frames.map((f) => f.scriptMs)).toFixed(1)} ms + render ${median(console_.frames.map((f) => f.renderMs)).toFixed(1)} ms; patch message → painted ${latency.median.toFixed(0)} ms median (includes waiting for the next vsync).`,
        },
      ],
    };
  } finally {
    await sim.close();
  }
}
