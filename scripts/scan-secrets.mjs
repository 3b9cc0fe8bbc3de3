// Scans what the build and the tests left behind (logs, settings files, outboxes, reports, build
// output) for the known test passwords, in clear, base64 (any alignment, also inside "user:pw"),
// URL-encoded and UTF-16; prints one verdict line and exits 1 on a hit.
// Usage: node scripts/scan-secrets.mjs [dir ...] [--secret value ...]   (default dirs below)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DEFAULT_DIRS = ['out', '.tmp', 'test-results', 'playwright-report'];
const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Test passwords shorter than this are words like "pw" that appear everywhere by chance. */
const MIN_SECRET_LENGTH = 8;
/** What redaction writes instead of a password: a test asserting it is not a password. */
const PLACEHOLDER = /redacted|\*\*\*|^\[.*\]$/i;

const args = process.argv.slice(2);
const dirs = [];
const extra = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--secret') extra.push(args[++i] ?? '');
  else dirs.push(args[i]);
}

/** DEMO_USER.password, and every password literal the unit and e2e tests use. */
function knownSecrets() {
  const found = new Set(extra.filter(Boolean));
  for (const value of (process.env.EVO_SCAN_SECRETS ?? '').split(',')) if (value) found.add(value);
  const demo = /DEMO_USER[^{]*\{[^}]*?password:\s*'([^']+)'/s.exec(readIf('src/simulator/types.ts'));
  if (!demo) throw new Error('scan-secrets: DEMO_USER.password not found in src/simulator/types.ts');
  found.add(demo[1]);
  for (const root of ['tests', 'e2e']) {
    for (const file of walk(root)) {
      if (!/\.(ts|mjs|js)$/.test(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/password['"]?\s*[:=]\s*(['"`])([^'"`$\n]+)\1/gi)) {
        if (m[2].length >= MIN_SECRET_LENGTH && !PLACEHOLDER.test(m[2])) found.add(m[2]);
      }
    }
  }
  return { demo: demo[1], secrets: [...found] };
}

function readIf(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Base64 of the secret at each of the three alignments it can take inside a longer text. */
function base64Forms(secret) {
  const forms = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.from('x'.repeat(pad) + secret).toString('base64');
    const skip = pad === 0 ? 0 : Math.ceil((pad * 4) / 3);
    const tail = (pad + Buffer.byteLength(secret)) % 3;
    const keep = encoded.replace(/=+$/, '').slice(skip, tail === 0 ? undefined : -1);
    if (keep.length >= 6) forms.push(keep, keep.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function formsOf(secret) {
  const forms = new Map([['clear', Buffer.from(secret)]]);
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) forms.set('url-encoded', Buffer.from(encoded));
  forms.set('utf-16', Buffer.from(secret, 'utf16le'));
  base64Forms(secret).forEach((form, i) => forms.set(`base64#${i}`, Buffer.from(form)));
  return forms;
}

/**
 * The demo mode bundles the simulator, whose public demo account is defined in the main bundle and
 * in the web shell's: that definition (`password:"demo-password"`) is allowed in out/main and
 * out/web, and once in Node's compile cache of those bundles (the web shell keeps one in its data
 * folder: V8 stores each string literal of the compiled code once); nothing else is.
 */
function allowedDemoDefinition(file, text, demo, secret, form) {
  if (secret !== demo || form !== 'clear') return false;
  if (file.split(sep).includes('compile-cache')) return text.split(demo).length - 1 <= 1;
  const bundle = relative('out', file).split(sep)[0];
  if (secret !== demo || form !== 'clear' || !(bundle === 'main' || bundle === 'web')) return false;
  const all = text.split(demo).length - 1;
  const defined = text.split(new RegExp(`password:\\s*["'\`]${demo.replace(/[-]/g, '\\-')}["'\`]`)).length - 1;
  return all === defined;
}

const { demo, secrets } = knownSecrets();
const roots = dirs.length ? dirs : DEFAULT_DIRS;
const hits = [];
let files = 0;
for (const root of roots) {
  for (const file of walk(root)) {
    if (statSync(file).size > MAX_FILE_BYTES) continue;
    files++;
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      for (const [form, needle] of formsOf(secret)) {
        if (bytes.indexOf(needle) === -1) continue;
        if (allowedDemoDefinition(file, bytes.toString('utf8'), demo, secret, form)) continue;
        hits.push(`${file}: ${form} of a test password (${secret.slice(0, 2)}…)`);
      }
    }
  }
}

const scanned = `${files} files in ${roots.filter((d) => existsSync(d)).join(', ') || '(no directory present)'}`;
if (hits.length) {
  console.error(hits.join('\n'));
  console.log(`scan-secrets: FAIL, ${hits.length} hit(s) of ${secrets.length} known test passwords in ${scanned}`);
  process.exit(1);
}
console.log(
  `scan-secrets: clean, none of ${secrets.length} known test passwords (clear, base64, url, utf-16) in ${scanned}`,
);
