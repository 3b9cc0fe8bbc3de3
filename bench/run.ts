// `npm run bench` runs every benchmark against the simulator, each in a child process
// (node --expose-gc), prints one table, and writes bench/results/latest.json and the plots.
// `npm run bench:check` also exits 1 when a target is missed. `--only a,b` runs some of them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { startProcess } from '../tests/support/ready-process';
import { type BenchmarkName, type BenchmarkResult, benchmarks } from './benchmarks';
import { firstPaintChart, heapChart, pollCostChart } from './charts';
import { type Machine, markdownTable, type Results, type Row, textTable } from './table';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const CHILD_TIMEOUT_MS = 180_000;

const loadBefore = loadavg()[0] ?? 0;

function machine(): Machine {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    cpu = 'unknown (no /proc/cpuinfo)';
  }
  const load: [number, number] = [loadBefore, loadavg()[0] ?? 0];
  return { cpu, cores: availableParallelism(), node: process.version, os: `${type()} ${release()}`, load };
}

/**
 * The benchmarks measure the client's cost per answer against the simulator as the targets were
 * set (lenient: pages of up to 2,000). The strict default of the tests caps pages at 100, which
 * turns one poll of 10,000 calls into 100 requests: `EVO_SIM_STRICT=1 npm run bench` measures that.
 */
process.env.EVO_SIM_STRICT ??= '0';

async function runChild(name: BenchmarkName): Promise<BenchmarkResult> {
  const child = await startProcess(['--expose-gc', '--import', 'tsx', CHILD, name], 'BENCH_RESULT', {
    timeoutMs: CHILD_TIMEOUT_MS,
  });
  await child.stop();
  return JSON.parse(child.value) as BenchmarkResult;
}

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, only: { type: 'string' } } });
const names = (values.only?.split(',') ?? Object.keys(benchmarks)) as BenchmarkName[];
const unknown = names.filter((n) => !(n in benchmarks));
if (unknown.length) {
  process.stderr.write(`Unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(benchmarks).join(', ')}\n`);
  process.exit(2);
}

const started = performance.now();
const rows: Row[] = [];
mkdirSync(RESULTS, { recursive: true });
for (const name of names) {
  const t0 = performance.now();
  process.stderr.write(`bench: ${name}…`);
  try {
    const result = await runChild(name);
    rows.push(...result.rows);
    if (result.pollCost) writeFileSync(`${RESULTS}poll-cost.svg`, pollCostChart(result.pollCost));
    if (result.heap) writeFileSync(`${RESULTS}heap.svg`, heapChart(result.heap));
    if (result.firstPaint) writeFileSync(`${RESULTS}first-paint.svg`, firstPaintChart(result.firstPaint));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    rows.push({ id: name, measure: `${name} did not run`, unit: '', met: false, note: message });
  }
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** The rows of the last `latest.json`, none when there is none. */
function previousRows(): Row[] {
  try {
    return (JSON.parse(readFileSync(`${RESULTS}latest.json`, 'utf8')) as Results).rows;
  } catch {
    return [];
  }
}

/** Table order follows the numbering, whatever order the benchmarks ran in. */
const number = (row: Row) => Number.parseInt(row.id, 10) || Number.MAX_SAFE_INTEGER;
rows.sort((a, b) => number(a) - number(b));

const results: Results = {
  date: new Date().toISOString(),
  machine: machine(),
  seconds: Math.round((performance.now() - started) / 1000),
  rows,
};
const stamp = `${results.date.slice(0, 16)}Z, load ${results.machine.load.map((l) => l.toFixed(1)).join(' → ')}`;
for (const row of rows) row.measured = stamp;
// The rows of benchmarks not run now (`--only`, and bench:fleet's 8 and 9) stay as they were
// measured, each saying when; a benchmark run now replaces all of its rows.
const ran = new Set(rows.map(number));
const kept = previousRows().filter((r) => !ran.has(number(r)));
const written = { ...results, rows: [...rows, ...kept].sort((a, b) => number(a) - number(b)) };
writeFileSync(`${RESULTS}latest.json`, `${JSON.stringify(written, null, 2)}\n`);
writeFileSync(`${RESULTS}latest.md`, `${markdownTable(written.rows)}\n`);
const m = results.machine;
process.stdout.write(
  `\n${textTable(rows)}\n\n${m.cores} × ${m.cpu}, Node ${m.node}, ${m.os}; load ${m.load.map((l) => l.toFixed(1)).join(' → ')}; ${results.seconds} s.\n` +
    `Written: bench/results/latest.json, latest.md, poll-cost.svg, heap.svg, first-paint.svg.\n`,
);
const missed = rows.filter((r) => r.met === false);
if (values.check && missed.length) {
  process.stderr.write(`bench:check: ${missed.length} target(s) missed: ${missed.map((r) => r.id).join(', ')}\n`);
  process.exit(1);
}
