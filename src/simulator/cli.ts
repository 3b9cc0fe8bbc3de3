// `npm run simulator`: a live simulated Evo Voice on loopback for the demo and for trying the console.
import { parseArgs } from 'node:util';

import { startSimulator, STRICT_ENV } from './index';
import { LENIENT, parseStrictness, type Strictness, STRICTNESS_SWITCHES } from './strictness';
import { DEMO_USER } from './types';

const USAGE =
  'usage: simulator [--port 8787] [--seed 1] [--host 127.0.0.1] [--control] [--strict all|switch[=value],...] [--archive-days 31]';

interface CliOptions {
  port: number;
  seed: number;
  host: string;
  control: boolean;
  strictness: Strictness;
  archiveDays: number;
}

function options(): CliOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      seed: { type: 'string', default: '1' },
      host: { type: 'string', default: '127.0.0.1' },
      control: { type: 'boolean', default: false },
      strict: { type: 'string', default: process.env[STRICT_ENV] ?? 'all' },
      'archive-days': { type: 'string', default: '31' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, not '${values.port}'`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not '${values.seed}'`);
  const archiveDays = Number(values['archive-days']);
  if (!(Number.isInteger(archiveDays) && archiveDays >= 0))
    throw new Error(`--archive-days must be a whole number of days, not '${values['archive-days']}'`);
  const strictness = parseStrictness(values.strict);
  return { port, seed, host: values.host, control: values.control, strictness, archiveDays };
}

/** The switches that differ from the lenient default, for the start-up banner. */
const strictOnes = (s: Strictness): string =>
  STRICTNESS_SWITCHES.filter((name) => s[name] !== LENIENT[name])
    .map((name) => `${name}=${String(s[name])}`)
    .join(', ');

let parsed: ReturnType<typeof options>;
try {
  parsed = options();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}; ${USAGE}\n`);
  process.exit(2);
}

const sim = await startSimulator({
  port: parsed.port,
  host: parsed.host,
  seed: parsed.seed,
  clock: 'realtime',
  scenario: true,
  httpControl: parsed.control,
  strictness: parsed.strictness,
  archiveDays: parsed.archiveDays || undefined,
}).catch((e: unknown) => {
  process.stderr.write(`Cannot listen on ${parsed.host}:${parsed.port} (${String(e)}): pick another --port\n`);
  process.exit(1);
});
process.stdout.write(
  `Evo Voice simulator listening on ${sim.url}\n` +
    `Sign in as ${DEMO_USER.userName} / ${DEMO_USER.password}\n` +
    (parsed.control ? `Control: POST ${sim.url}/__sim/control {"op": "...", "args": [...]}\n` : '') +
    `Strict: ${strictOnes(parsed.strictness) || 'none (lenient)'}\n` +
    'Ctrl-C stops it.\n',
);

const stop = (): void => {
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
