// Runs Electronegativity over the Electron sources and fails on any finding above
// informational that docs/security-exceptions.json does not explain (check name + file + reason).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const out = '.tmp/electronegativity.csv';
// One run over all of src/ so that global checks (CSP, navigation limits) see main, preload and
// the page together, as they ship.
execFileSync(
  'node_modules/.bin/electronegativity',
  ['-i', 'src', '-r', '-v', 'false', '-e', '45.0.0', '-o', out],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and newlines. */
function parseCsv(text) {
  const records = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') records.at(-1).push(cell.trim()), (cell = '');
    else if (ch === '\n') records.at(-1).push(cell.trim()), (cell = ''), records.push([]);
    else if (ch !== '\r') cell += ch;
  }
  records.at(-1).push(cell.trim());
  return records.filter((r) => r.length > 1);
}
const [header, ...records] = parseCsv(readFileSync(out, 'utf8'));
const cols = header.map((c) => c.toLowerCase());
const rows = records.map((cells) => Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ''])));
const exceptions = existsSync('docs/security-exceptions.json')
  ? JSON.parse(readFileSync('docs/security-exceptions.json', 'utf8'))
  : [];
const explained = (r) => exceptions.some((e) => e.check === r.issue && (r.filename ?? '').includes(e.file));
const serious = rows.filter((r) => !/informational/i.test(r.severity ?? ''));
const unexplained = serious.filter((r) => !explained(r));
console.log(
  `electronegativity: ${rows.length} findings, ${serious.length} above informational, ${serious.length - unexplained.length} explained in docs/security-exceptions.json`,
);
for (const r of unexplained) console.log(`  UNEXPLAINED ${r.severity} ${r.issue} ${r.filename}:${r.location}`);
process.exit(unexplained.length ? 1 : 0);
