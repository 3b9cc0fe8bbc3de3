// Prints the test run's closing table and the one line CI reads: `tests: N passed, N failed`.
// Counts every vitest and Playwright test plus each non-test step (typecheck, lint, build, ...).
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const steps = existsSync('.tmp/steps.tsv')
  ? readFileSync('.tmp/steps.tsv', 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'))
  : [];

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const [name, result, seconds] of steps) {
  if (name === 'unit' || name === 'e2e') continue;
  rows.push([name, result, `${seconds}s`]);
  if (result === 'pass') passed++;
  else failed++;
}

const stepOf = (name) => steps.find((s) => s[0] === name);
const vitest = read('.tmp/vitest.json');
if (stepOf('unit')) {
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
    const broken = vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    failed += broken; // a test file that failed to load counts as a failure
    rows.push([
      'unit+integration',
      `${vitest.numPassedTests} passed, ${vitest.numFailedTests + broken} failed`,
      `${stepOf('unit')[2]}s`,
    ]);
  } else {
    failed++;
    rows.push(['unit+integration', 'no results (vitest crashed)', `${stepOf('unit')[2]}s`]);
  }
}
const pw = read('.tmp/playwright.json');
if (stepOf('e2e')) {
  if (pw) {
    const s = pw.stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected + (pw.errors?.length ?? 0);
    skipped += s.skipped;
    rows.push([
      'e2e (Playwright)',
      `${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.flaky} flaky`,
      `${stepOf('e2e')[2]}s`,
    ]);
  } else {
    failed++;
    rows.push(['e2e (Playwright)', 'no results (Playwright crashed)', `${stepOf('e2e')[2]}s`]);
  }
}

console.log('\n=== summary');
for (const [name, result, time] of rows) console.log(`${name.padEnd(20)} ${result.padEnd(40)} ${time}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && steps.every((s) => s[1] === 'pass') ? 0 : 1);
