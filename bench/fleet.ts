// `npm run bench:fleet`: what a floor of consoles costs the server. N console cores (no UI, real
// clock) signed in as N agents on one account against one simulator process (strict, pages capped
// at 100) holding live calls and the day's ended ones, while calls arrive, change, are missed and
// end; then the naive full-read poller (the same core against the same server told to ignore the
// sort) in the same run. Also the single-console rows at 10,000 sessions (counted requests).
// Options: --agents --live --ended --seconds --naive-agents --changes (per second) --sign-ins (at a
// time) --only fleet|single
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createConsoleCore, type LocalConsoleCore, systemClock } from '../src/main/core/index';
import type { SessionInfo } from '../src/shared/evovoice';
import { startSimulator, STRICT } from '../src/simulator/index';
import type { RequestRecord } from '../src/simulator/types';
import { MemorySecrets, MemorySettings, TestPower } from '../tests/core/ports';
import { startProcess } from '../tests/support/ready-process';
import { ACCOUNT, quietLog, START, startCoreRig } from './core-rig';
import { fleetUser } from './fleet-sim';
import { quantile } from './stats';
import { fmt, type Results, type Row, textTable } from './table';

const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const SIM = fileURLToPath(new URL('./fleet-sim.ts', import.meta.url));
const LIVE_MS = 2_000;

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '10' },
    live: { type: 'string', default: '2000' },
    ended: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '30' },
    'naive-agents': { type: 'string', default: '1' },
    changes: { type: 'string', default: '8' },
    'sign-ins': { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
const size = {
  agents: Number(values.agents),
  live: Number(values.live),
  ended: Number(values.ended),
  seconds: Number(values.seconds),
  naiveAgents: Number(values['naive-agents']),
  changes: Number(values.changes),
  signIns: Number(values['sign-ins']),
};

/** The server's side of one phase, and what the agents' boards and notices saw. */
interface Phase {
  agents: number;
  seconds: number;
  requests: number;
  bytes: number;
  /** Per change: ms until the last agent's board showed it. */
  everyBoard: number[];
  /** Per missed call and agent: ms until the notice. */
  missed: number[];
  /** Changes some agent never showed before the phase ended. */
  unseen: number;
  cpuMsPerAgentSecond: number;
  /** The sign-ins (each console's first, full read), `signIns` at a time: wall seconds, CPU and heap per agent. */
  signIn: { seconds: number; cpuMsPerAgent: number; heapMbPerAgent: number };
}

/**
 * One control call on a connection of its own: a kept-alive one can be closed by the simulator
 * (idle 5 s) just as a busy machine's late timer reuses it, and a POST is not sent again.
 */
function control(url: string, op: string, ...args: unknown[]): Promise<unknown> {
  const body = JSON.stringify({ op, args });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/__sim/control`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('error', reject);
      res.once('end', () => {
        const answer = JSON.parse(text) as { result?: unknown };
        if (res.statusCode !== 200) reject(new Error(`control ${op}: ${res.statusCode} ${text}`));
        else resolve(answer.result);
      });
    });
    req.end(body);
  });
}

async function agent(url: string, i: number, onPatch: (ids: string[]) => void, onMissed: (id: string) => void) {
  const user = fleetUser(i);
  const core: LocalConsoleCore = createConsoleCore({
    fetch: globalThis.fetch,
    secrets: new MemorySecrets(),
    settings: new MemorySettings({ serverUrl: url }),
    notifier: { show: (n) => n.sessionId !== undefined && onMissed(n.sessionId) },
    clock: systemClock,
    power: new TestPower(),
    log: quietLog,
    random: Math.random,
    requestTimeoutMs: 30_000,
  });
  core.subscribe((event) => {
    if (event.type !== 'patch' || !event.patch.sessions) return;
    const { added, changed } = event.patch.sessions;
    onPatch([...added.map((s) => s.id as string), ...changed.map((c) => c.id)]);
  });
  await core.signIn({ serverUrl: url, userName: user.userName, password: user.password, remember: false });
  await core.selectAccount(ACCOUNT);
  core.setWindowVisible(true);
  await core.settled();
  return core;
}

/** Calls arriving, answered, held, resumed, missed and ending at `perSecond` changes a second. */
function driver(url: string, live: string[], perSecond: number, changed: (id: string, missed: boolean) => void) {
  const ringing: string[] = [];
  const touched = new Map<string, number>();
  const free = (id: string) => (touched.get(id) ?? 0) < performance.now() - 3 * LIVE_MS;
  const pick = (ids: string[]) => {
    for (let tries = 0; tries < 10; tries++) {
      const id = ids[Math.floor(Math.random() * ids.length)];
      if (id !== undefined && free(id)) return id;
    }
    return undefined;
  };
  const step = async () => {
    const roll = Math.random();
    let id: string | undefined;
    let missed = false;
    if (roll < 0.25 || live.length === 0) {
      const s = (await control(url, 'addSession', {
        accountId: ACCOUNT,
        callState: 'Ringing',
        ended: false,
      })) as SessionInfo;
      id = s.id as string;
      ringing.push(id);
      live.push(id);
    } else if (roll < 0.35 && ringing.length > 0) {
      id = pick(ringing);
      if (id === undefined) return;
      ringing.splice(ringing.indexOf(id), 1);
      live.splice(live.indexOf(id), 1);
      await control(url, 'missCall', id);
      missed = true;
    } else if (roll < 0.6) {
      id = pick(live);
      if (id === undefined) return;
      live.splice(live.indexOf(id), 1);
      await control(url, 'endSession', id);
    } else {
      id = pick(live);
      if (id === undefined) return;
      const callState = roll < 0.75 ? 'Connected' : roll < 0.85 ? 'Hold' : 'Connected';
      await control(url, 'updateSession', id, { callState, consoleData: `fleet ${performance.now().toFixed(0)}` });
    }
    touched.set(id, performance.now());
    changed(id, missed);
  };
  let stopped = false;
  const loop = (async () => {
    const gap = 1000 / perSecond;
    let next = performance.now();
    while (!stopped) {
      next += gap * (0.5 + Math.random());
      await step();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

async function phase(url: string, agents: number, seconds: number, perSecond: number): Promise<Phase> {
  const pending = new Map<string, { at: number; seen: Set<number>; last: number }>();
  const missedAt = new Map<string, { at: number; seen: Set<number> }>();
  const everyBoard: number[] = [];
  const missed: number[] = [];
  let measuring = false;
  const cores: LocalConsoleCore[] = [];
  const signInCpu = process.cpuUsage();
  const signInStart = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const signIn = async (i: number) => {
    const onPatch = (ids: string[]) => {
      if (!measuring) return;
      const now = performance.now();
      for (const id of ids) {
        const change = pending.get(id);
        if (!change || change.seen.has(i)) continue;
        change.seen.add(i);
        change.last = now - change.at;
        if (change.seen.size === agents) {
          everyBoard.push(change.last);
          pending.delete(id);
        }
      }
    };
    const onMissed = (id: string) => {
      const call = missedAt.get(id);
      if (!measuring || !call || call.seen.has(i)) return;
      call.seen.add(i);
      missed.push(performance.now() - call.at);
    };
    cores[i] = await agent(url, i, onPatch, onMissed);
  };
  // A few at a time: the simulator answers one console's pages while another parses its own.
  let nextAgent = 0;
  const signing = async () => {
    while (nextAgent < agents) await signIn(nextAgent++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size.signIns, agents)) }, signing));
  const signInUsed = process.cpuUsage(signInCpu);
  const signedIn = {
    seconds: (performance.now() - signInStart) / 1000,
    cpuMsPerAgent: (signInUsed.user + signInUsed.system) / 1000 / agents,
    heapMbPerAgent: (process.memoryUsage().heapUsed - heapBefore) / 1e6 / agents,
  };
  process.stderr.write(
    `fleet: ${agents} signed in in ${fmt(signedIn.seconds)} s (${fmt(signedIn.cpuMsPerAgent)} ms CPU, ${fmt(signedIn.heapMbPerAgent)} MB heap each)\n`,
  );
  const live = ((await control(url, 'listSessions')) as SessionInfo[])
    .filter((s) => s.ended !== true && s.accountId === ACCOUNT)
    .map((s) => s.id as string);
  await new Promise((resolve) => setTimeout(resolve, 3 * LIVE_MS));
  const before = (await control(url, 'traffic')) as { requests: number; bytes: number };
  const cpu = process.cpuUsage();
  const started = performance.now();
  measuring = true;
  const stop = driver(url, live, perSecond, (id, wasMissed) => {
    pending.set(id, { at: performance.now(), seen: new Set(), last: 0 });
    if (wasMissed) missedAt.set(id, { at: performance.now(), seen: new Set() });
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await stop();
  // The last changes get the time they need to reach every board.
  await new Promise((resolve) => setTimeout(resolve, 2 * LIVE_MS));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const after = (await control(url, 'traffic')) as { requests: number; bytes: number };
  measuring = false;
  await Promise.all(cores.map((c) => c.stop()));
  return {
    agents,
    seconds: elapsed,
    requests: after.requests - before.requests,
    bytes: after.bytes - before.bytes,
    everyBoard,
    missed,
    unseen: pending.size,
    cpuMsPerAgentSecond: (used.user + used.system) / 1000 / agents / elapsed,
    signIn: signedIn,
  };
}

function fleetRows(ours: Phase, naive: Phase): Row[] {
  const perAgentHour = (p: Phase) => (p.requests / p.seconds / p.agents) * 3600;
  const perSecond = (p: Phase, n: number) => (n / p.seconds / p.agents) * ours.agents;
  const p95 = (xs: number[]) => (xs.length ? quantile(xs, 0.95) : Number.NaN);
  const scope = `${ours.agents} agents, ${size.live} live + ${size.ended} ended sessions, page cap 100, ${size.changes} changes/s`;
  const naiveNote = `naive: the same core against the same server ignoring SortField (full reads), ${naive.agents} agents, scaled to ${ours.agents}`;
  const row = (
    id: string,
    measure: string,
    value: number,
    base: number,
    unit: string,
    target: string,
    met?: boolean,
  ): Row => ({
    id,
    measure,
    value,
    unit,
    baseline: { label: 'naive full-read poller', value: base, unit },
    ratio: Number.isFinite(value / base) ? value / base : undefined,
    target,
    met,
    note: naiveNote,
  });
  const rph = perAgentHour(ours);
  const change = p95(ours.everyBoard);
  return [
    row(
      '8 fleet req/s',
      `server requests per second, ${scope}`,
      ours.requests / ours.seconds,
      perSecond(naive, naive.requests),
      'req/s',
      'reported',
    ),
    row(
      '8 fleet bytes/s',
      `server bytes per second, ${scope}`,
      ours.bytes / ours.seconds,
      perSecond(naive, naive.bytes),
      'B/s',
      'reported',
    ),
    row(
      '8 fleet req/agent-h',
      `requests per agent-hour, live call, ${scope}`,
      rph,
      perAgentHour(naive),
      'req/h',
      '≤ 2,200',
      rph <= 2200,
    ),
    {
      ...row(
        '8 fleet change p95',
        `server change → every agent's board, p95 of ${ours.everyBoard.length} changes (${ours.unseen} unseen)`,
        change,
        p95(naive.everyBoard),
        'ms',
        `≤ ${LIVE_MS + 500} ms`,
        change <= LIVE_MS + 500 && ours.unseen === 0,
      ),
    },
    row(
      '8 fleet missed p95',
      `missed call → notice on each agent, p95 of ${ours.missed.length}`,
      p95(ours.missed),
      p95(naive.missed),
      'ms',
      'reported',
    ),
    {
      ...row(
        '8 fleet first read',
        `each console's sign-in: its first, full read (${size.live + size.ended} sessions in pages of 100), CPU per agent (${ours.agents} consoles, ${size.signIns} at a time, ${fmt(ours.signIn.seconds)} s)`,
        ours.signIn.cpuMsPerAgent,
        naive.signIn.cpuMsPerAgent,
        'ms',
        'reported',
      ),
      note: `heap ${fmt(ours.signIn.heapMbPerAgent)} MB per console after its first read; ${naiveNote}`,
    },
    row(
      '8 fleet CPU/agent',
      'CPU per agent core (ms of CPU per second, all cores in one process)',
      ours.cpuMsPerAgentSecond,
      naive.cpuMsPerAgentSecond,
      'ms/s',
      'reported',
    ),
  ];
}

/** One console against 10,000 sessions on the strict server: requests and bytes of the polls the targets name. */
async function singleRows(): Promise<Row[]> {
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 1, startTime: START, strictness: STRICT });
  const rig = await startCoreRig({ simUrl: sim.url, startTime: sim.control.now() });
  const sessions = (q: RequestRecord) => q.method === 'GET' && q.path === '/sessions';
  const poll = async () => {
    sim.control.clearRequests();
    rig.core.pollNow();
    await rig.core.settled();
    return sim.control.requests().filter(sessions);
  };
  try {
    sim.control.loadSessions(10_000, { accountId: ACCOUNT });
    for (let i = 0; i < 3 && rig.core.getSnapshot().sessions.length < 10_000; i++) await poll();
    await poll();
    const unchanged = await poll();
    const ids = sim.control
      .listSessions()
      .filter((s) => !s.ended)
      .slice(0, 100)
      .map((s) => s.id as string);
    await rig.step(LIVE_MS, (delta) => sim.control.advance(delta));
    for (const id of ids) sim.control.updateSession(id, { consoleData: `changed ${id}` });
    const changed = await poll();
    const gone = sim.control.listSessions().find((s) => s.ended)?.id as string;
    sim.control.archiveSession(gone);
    const removal = await poll();
    const removedIn = rig.core.getSnapshot().sessions.some((s) => s.id === gone) ? Number.NaN : 1;
    const bytes = unchanged.reduce((sum, q) => sum + (q.bytes ?? 0), 0);
    const naive = { label: 'full read (before)', value: 100, unit: 'requests' };
    return [
      {
        id: '9 unchanged',
        measure: 'strict server, page cap 100, 10,000 sessions: requests of an unchanged poll',
        value: unchanged.length,
        unit: 'requests',
        baseline: naive,
        ratio: unchanged.length / 100,
        target: '≤ 2',
        met: unchanged.length <= 2,
        note: `${bytes} B`,
      },
      {
        id: '9 unchanged KB',
        measure: 'the same poll: bytes received',
        value: bytes / 1000,
        unit: 'KB',
        target: '≤ 50 KB',
        met: bytes <= 50_000,
      },
      {
        id: '9 1% changed',
        measure: 'the same, 100 calls changed since the last poll: requests',
        value: changed.length,
        unit: 'requests',
        baseline: naive,
        ratio: changed.length / 100,
        target: '≤ 3',
        met: changed.length <= 3,
      },
      {
        id: '9 removal',
        measure: `a session removed from the server → gone from the board (polls; that poll took ${removal.length} requests)`,
        value: removedIn,
        unit: 'polls',
        target: '≤ 1 poll via totalCount',
        met: removedIn === 1,
      },
    ];
  } finally {
    await rig.close();
    await sim.close();
  }
}

async function fleet(): Promise<Row[]> {
  const sim = await startProcess(
    ['--import', 'tsx', SIM, String(Math.max(size.agents, size.naiveAgents)), String(size.live), String(size.ended)],
    'SIM_URL',
    { timeoutMs: 120_000 },
  );
  try {
    process.stderr.write(`fleet: ${size.agents} agents for ${size.seconds} s…\n`);
    const ours = await phase(sim.value, size.agents, size.seconds, size.changes);
    await control(sim.value, 'setStrictness', { ignoreSort: true });
    process.stderr.write(`fleet: naive, ${size.naiveAgents} agents for ${size.seconds} s…\n`);
    const naive = await phase(sim.value, size.naiveAgents, size.seconds, size.changes);
    return fleetRows(ours, naive);
  } finally {
    await sim.stop();
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadAtStart = load();
const startedAt = new Date().toISOString();
process.stderr.write(`bench:fleet: load average ${loadAtStart} at the start\n`);
const started = performance.now();
const rows: Row[] = [];
if (values.only !== 'fleet') rows.push(...(await singleRows()));
if (values.only !== 'single') rows.push(...(await fleet()));
process.stdout.write(`${textTable(rows)}\n`);
const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
// latest.json mixes runs: each row says when and at what load (1, 5, 15 min) it was measured.
for (const row of rows) row.measured = `${startedAt.slice(0, 16)}Z, load ${loadAtStart} → ${load()}`;
const ids = new Set(rows.map((r) => r.id));
results.rows = [...results.rows.filter((r) => !ids.has(r.id)), ...rows];
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(
  `bench:fleet: ${fmt((performance.now() - started) / 1000)} s, load average ${load()} at the end, rows in bench/results/latest.json\n`,
);
