// Benchmark 1: main-process CPU of one poll of GET /sessions (JSON.parse, validate, diff, patch)
// on the simulator's real response bodies, against JSON.parse of the same bodies (the floor).
import { LiveBoard } from '../src/main/core/live-board';
import type { SessionInfo } from '../src/shared/evovoice';
import { parseSessionList } from '../src/shared/wire';
import { startSimulator } from '../src/simulator/index';
import { ACCOUNT, START, startCoreRig } from './core-rig';
import { summarize } from './stats';
import type { Row } from './table';

export const SIZES = [100, 1000, 10_000];
/** Untimed pairs first; the JIT is already warm from the smaller sizes run before in this process. */
const warmupPairs = (size: number) => (size >= 10_000 ? 1 : 3);
/** Timed pairs per case: about the same total work at every size. */
const pairsFor = (size: number) => Math.max(11, Math.min(150, Math.round(50_000 / size)));

export interface PollCostPoint {
  size: number;
  changed: boolean;
  floorMs: number;
  coreMs: number;
  /** Median of the per-pair ratios core / floor. */
  ratio: number;
}

/** The /sessions page bodies of one poll, exactly as the core requested and received them. */
async function capturePoll(size: number): Promise<{ before: string[]; after: string[]; returned: number }> {
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 11, startTime: START });
  let capture: string[] | undefined;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = new URL(String(input));
    // The full reads only: what a poll costs when it reads every page (see below).
    if (capture && url.pathname === '/sessions' && !url.searchParams.has('SortField'))
      capture.push(await response.clone().text());
    return response;
  };
  try {
    sim.control.loadSessions(size, { accountId: ACCOUNT });
    // Polls read only what changed where the server honours SortField; this measures the full read
    // (the first poll, the safety net, a server that ignores the sort), so the server ignores it.
    sim.control.setStrictness({ ignoreSort: true });
    const rig = await startCoreRig({ simUrl: sim.url, startTime: sim.control.now(), fetch });
    const poll = async () => {
      capture = [];
      rig.core.pollNow();
      await rig.core.settled();
      return capture;
    };
    const before = await poll();
    const ids = rig.core.getSnapshot().sessions.map((s) => s.id as string);
    const every = Math.max(1, Math.round(ids.length / Math.max(1, Math.round(ids.length / 100))));
    for (let i = 0; i < ids.length; i += every) {
      const session = sim.control.getSession(ids[i] as string);
      sim.control.updateSession(ids[i] as string, {
        callState: session?.callState === 'Hold' ? 'Connected' : 'Hold',
        consoleData: `Changed in the benchmark (${i})`,
      });
    }
    const after = await poll();
    await rig.close();
    return { before, after, returned: ids.length };
  } finally {
    await sim.close();
  }
}

/**
 * What the core does with one poll's bodies, from the body received to the patch decided: each page
 * compared with its last body (parsed and validated only when it changed), then the diff.
 */
function corePoll(board: LiveBoard, pages: readonly string[]): unknown {
  const sessions: SessionInfo[] = [];
  pages.forEach((text, page) => {
    const list = board.pages.read(`/sessions?page=${page}`, text, JSON.parse, (raw, reused) => {
      const known = Object.assign((item: Record<string, unknown>) => board.known(item), { checked: reused });
      return parseSessionList(raw, known).value;
    });
    for (const s of list.items ?? []) sessions.push(s);
  });
  return board.update({ sessions });
}

function floorPoll(pages: readonly string[]): unknown {
  let last: unknown;
  for (const text of pages) last = JSON.parse(text);
  return last;
}

/** Times one call in ms. */
function timed(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Floor and core interleaved pair by pair (order swapped every pair), so that both see the same
 * machine load: on a shared, busy machine, per-pair ratios are far steadier than separate runs.
 */
function measure(before: string[], after: string[], pairs: number, warmup: number, changed: boolean) {
  const board = new LiveBoard();
  corePoll(board, before);
  /** Unchanged: the same bodies every poll. Changed: before and after in turn, each poll a 1% change. */
  let flip = false;
  const next = () => (changed && (flip = !flip) ? after : before);
  const ratios: number[] = [];
  const floors: number[] = [];
  const cores: number[] = [];
  let patches = 0;
  for (let i = -warmup; i < pairs; i++) {
    // Fresh strings decoded from bytes, as the client reads each body: never the last poll's object.
    const pages = next().map((text) => Buffer.from(text).toString('utf8'));
    const floorFirst = i % 2 === 0;
    const a = floorFirst ? timed(() => floorPoll(pages)) : 0;
    const core = timed(() => corePoll(board, pages) && patches++);
    const floor = floorFirst ? a : timed(() => floorPoll(pages));
    if (i < 0) continue;
    floors.push(floor);
    cores.push(core);
    ratios.push(core / floor);
  }
  const expected = changed ? warmup + pairs : 0;
  if (patches !== expected)
    throw new Error(`Expected ${expected} patches from ${warmup + pairs} polls, got ${patches}`);
  return { floor: summarize(floors), core: summarize(cores), ratio: summarize(ratios) };
}

/** At 10,000 sessions: an unchanged poll should cost a fraction of parsing it (it need not be parsed), a changed one at most 1.5×. */
const target = (changed: boolean): number => (changed ? 1.5 : 0.3);

export async function pollCost(): Promise<{ rows: Row[]; points: PollCostPoint[] }> {
  const rows: Row[] = [];
  const points: PollCostPoint[] = [];
  for (const size of SIZES) {
    const { before, after, returned } = await capturePoll(size);
    const bytes = before.reduce((n, t) => n + Buffer.byteLength(t), 0);
    for (const changed of [false, true]) {
      const pairs = pairsFor(size);
      const m = measure(before, after, pairs, warmupPairs(size), changed);
      points.push({ size, changed, floorMs: m.floor.median, coreMs: m.core.median, ratio: m.ratio.median });
      const big = size === SIZES[SIZES.length - 1];
      rows.push({
        id: `1 ${size / 1000 >= 1 ? `${size / 1000}k` : size} ${changed ? '1% changed' : 'unchanged'}`,
        measure: `poll CPU (body → patch decided), ${returned} sessions in ${before.length} page${before.length > 1 ? 's' : ''}, ${(bytes / 1e6).toFixed(1)} MB`,
        value: m.core.median,
        unit: 'ms',
        spread: `ratio IQR ${m.ratio.p25.toFixed(2)}–${m.ratio.p75.toFixed(2)}× over ${pairs} pairs`,
        baseline: { label: 'JSON.parse', value: m.floor.median, unit: 'ms' },
        ratio: m.ratio.median,
        target: big ? `≤ ${target(changed)}× floor` : 'reported',
        ...(big ? { met: m.ratio.median <= target(changed) } : {}),
      });
    }
  }
  return { rows, points };
}
