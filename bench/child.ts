// Runs one benchmark in its own process (`node --expose-gc --import tsx bench/child.ts <name>`)
// and prints its rows (and the data a plot needs) on one line: BENCH_RESULT=<json>.
import { type BenchmarkName, benchmarks } from './benchmarks';

const name = process.argv[2] as BenchmarkName;
const run = benchmarks[name];
if (!run) {
  process.stderr.write(`Unknown benchmark '${name}': one of ${Object.keys(benchmarks).join(', ')}\n`);
  process.exit(2);
}
const result = await run();
process.stdout.write(`BENCH_RESULT=${JSON.stringify(result)}\n`);
process.exit(0);
