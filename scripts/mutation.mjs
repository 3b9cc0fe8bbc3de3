// Mutation testing in slices that fit a working session on 2 cores: the mutated folders are cut into
// fixed slices (a file's slice is a hash of its name, so adding a file never reshuffles the others),
// each slice keeps Stryker's incremental result in the repository (tests/mutation/<slice>.json.gz),
// and a run re-tests only what changed since that slice's last run. `--table` prints the score per
// folder from every slice's last result.
//
//   node scripts/mutation.mjs --list            slices, their files, and when each last ran
//   node scripts/mutation.mjs --next            run the slice never run, or run longest ago
//   node scripts/mutation.mjs core-3 shared-1   run these slices
//   node scripts/mutation.mjs --table           the per-folder table (README's mutation table)
//   node scripts/mutation.mjs --survivors core-3  the survivors of one slice, to judge or kill
//   node scripts/mutation.mjs --tests core-3    the test files its last run ran (for --testFiles)
// Stryker options pass through after `--`: `node scripts/mutation.mjs lib-1 -- --concurrency 1`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const RESULTS = join(ROOT, 'tests/mutation');
/** The folders measured, and how many slices each is cut into (about 300 to 500 mutants a slice). */
const FOLDERS = [
  { folder: 'src/main/core', name: 'core', slices: 10 },
  { folder: 'src/shared', name: 'shared', slices: 4 },
  { folder: 'src/renderer/src/state', name: 'state', slices: 2 },
  { folder: 'src/renderer/src/lib', name: 'lib', slices: 1 },
  { folder: 'src/main', name: 'shell', slices: 1, only: ['redact.ts', 'settings-store.ts'] },
];
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const KILLED = new Set(['Killed', 'Timeout']);

function sourceFiles(folder, only) {
  const dir = join(ROOT, folder);
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) {
        if (!only) walk(path);
      } else if (/\.ts$/.test(entry) && !entry.endsWith('.d.ts') && (!only || only.includes(entry))) {
        out.push(relative(ROOT, path).split('\\').join('/'));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** slice name → the files it mutates. */
export function slices() {
  const map = new Map();
  for (const { folder, name, slices: count, only } of FOLDERS) {
    for (let i = 1; i <= count; i++) map.set(`${name}-${i}`, []);
    for (const file of sourceFiles(folder, only)) {
      const bucket = (createHash('sha1').update(file).digest().readUInt32BE(0) % count) + 1;
      map.get(`${name}-${bucket}`).push(file);
    }
  }
  return map;
}

const resultPath = (slice) => join(RESULTS, `${slice}.json.gz`);

function readResult(slice) {
  const path = resultPath(slice);
  if (!existsSync(path)) return undefined;
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}

function lastRun(slice) {
  const report = readResult(slice);
  return report?.evoRanAt ?? (report ? 'unknown' : undefined);
}

function run(slice, files) {
  if (files.length === 0) {
    console.log(`${slice}: no files, nothing to run`);
    return true;
  }
  const work = join(ROOT, 'reports/incremental');
  mkdirSync(work, { recursive: true });
  const incremental = join(work, `${slice}.json`);
  const previous = readResult(slice);
  if (previous) writeFileSync(incremental, JSON.stringify(previous));
  else rmSync(incremental, { force: true });
  console.log(`${slice}: mutating ${files.length} files (${previous ? 'incremental' : 'first run'})`);
  // The commit Stryker copies into its sandbox now, not the one checked out when it finishes.
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout.toString().trim();
  const stryker = join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js');
  const result = spawnSync(
    process.execPath,
    [stryker, 'run', '--mutate', files.join(','), '--incrementalFile', relative(ROOT, incremental), ...passThrough],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(incremental)) {
    console.error(`${slice}: Stryker did not finish (exit ${result.status}); the slice's last result is kept`);
    return false;
  }
  const report = JSON.parse(readFileSync(incremental, 'utf8'));
  report.evoRanAt = new Date().toISOString();
  report.evoCommit = commit;
  // Every file mutated, also those with no mutant (type-only ones), which Stryker's report leaves out.
  report.evoFiles = files;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(resultPath(slice), gzipSync(JSON.stringify(report), { level: 9 }));
  console.log(`${slice}: result kept in ${relative(ROOT, resultPath(slice))}`);
  return true;
}

function tally(mutants) {
  let killed = 0;
  let counted = 0;
  for (const m of mutants) {
    if (!COUNTED.has(m.status)) continue;
    counted++;
    if (KILLED.has(m.status)) killed++;
  }
  return { killed, counted };
}

function table() {
  const all = slices();
  const rows = [];
  for (const { folder, name } of FOLDERS) {
    const files = [...all.entries()].filter(([s]) => s.startsWith(`${name}-`)).flatMap(([, f]) => f);
    let killed = 0;
    let counted = 0;
    let measuredFiles = 0;
    const commits = new Set();
    for (const [slice, sliceFiles] of all) {
      if (!slice.startsWith(`${name}-`)) continue;
      const report = readResult(slice);
      if (!report) continue;
      if (report.evoCommit) commits.add(report.evoCommit);
      for (const file of sliceFiles) {
        const entry = report.files[file];
        if (!entry) {
          if (report.evoFiles?.includes(file)) measuredFiles++;
          continue;
        }
        measuredFiles++;
        const t = tally(entry.mutants);
        killed += t.killed;
        counted += t.counted;
      }
    }
    const score = counted ? `${((100 * killed) / counted).toFixed(1)}%` : '–';
    rows.push([folder, `${measuredFiles} of ${files.length}`, String(counted), score, [...commits].join(', ') || '–']);
  }
  const head = ['folder', 'files measured', 'mutants counted', 'score', 'commits'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

function survivors(slice) {
  const report = readResult(slice);
  if (!report) return console.log(`${slice}: never run`);
  for (const [file, entry] of Object.entries(report.files)) {
    for (const m of entry.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      console.log(`${file}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${m.replacement ?? ''}`.trim());
    }
  }
}

/** The test files the slice's last run ran, as `--testFiles` takes them (run them again with it). */
function testFilesOf(slice) {
  const report = readResult(slice);
  if (!report) return `${slice}: never run`;
  return Object.keys(report.testFiles ?? {})
    .map((file) => relative(ROOT, resolve(ROOT, file)).split('\\').join('/'))
    .sort()
    .join(',');
}

const dashes = process.argv.indexOf('--', 2);
const args = process.argv.slice(2, dashes < 0 ? undefined : dashes);
const passThrough = dashes < 0 ? [] : process.argv.slice(dashes + 1);
const all = slices();
if (args.length === 0 || args.includes('--list')) {
  for (const [slice, files] of all) console.log(`${slice.padEnd(9)} ${lastRun(slice) ?? 'never'}  ${files.join(' ')}`);
} else if (args.includes('--table')) {
  table();
} else if (args[0] === '--survivors') {
  for (const slice of args.slice(1)) survivors(slice);
} else if (args[0] === '--tests') {
  for (const slice of args.slice(1)) console.log(testFilesOf(slice));
} else if (args.includes('--next')) {
  const order = [...all.keys()].sort((a, b) => (lastRun(a) ?? '').localeCompare(lastRun(b) ?? ''));
  process.exitCode = run(order[0], all.get(order[0])) ? 0 : 1;
} else {
  for (const slice of args) {
    if (!all.has(slice)) {
      console.error(`unknown slice ${slice}; node scripts/mutation.mjs --list shows them`);
      process.exitCode = 1;
      continue;
    }
    if (!run(slice, all.get(slice))) process.exitCode = 1;
  }
}
