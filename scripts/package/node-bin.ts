// Runs a dependency's command-line tool as `node <its JS entry point>` (process.execPath), never
// through node_modules/.bin: those are extension-less shell scripts on POSIX and .cmd shims on
// Windows, which execFile cannot start there.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The JS file a package's `bin` names (the one named `command`, or its only one). */
export function binEntry(pkg: string, command?: string): string {
  const dir = join(ROOT, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const file = typeof bin === 'string' ? bin : bin?.[command ?? Object.keys(bin ?? {})[0] ?? ''];
  if (!file) throw new Error(`${pkg} has no command-line entry point${command ? ` named ${command}` : ''}`);
  return join(dir, file);
}

/** `node <entry> ...args` with the Node running this script. */
export function runBin(pkg: string, args: string[], options: ExecFileSyncOptions = {}): string | Buffer {
  return execFileSync(process.execPath, [binEntry(pkg), ...args], { cwd: ROOT, ...options });
}
