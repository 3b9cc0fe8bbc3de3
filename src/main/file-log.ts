// The Logger port as a rotating file log (size cap, N files kept), redacted before anything is
// written; kept in a fallback folder when the app's log folder cannot be used.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Logger } from './core/ports';
import { redact, redactText } from './redact';

export interface FileLogOptions {
  dir: string;
  /** main.log, main.1.log, … */
  name?: string;
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  maxFiles?: number;
  now?: () => Date;
  /** Also write each line here (the terminal in development). */
  echo?: (line: string) => void;
}

export interface FileLog extends Logger {
  readonly file: string;
}

export function createFileLog(options: FileLogOptions): FileLog {
  const name = options.name ?? 'main';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, `${name}.log`);
  const rotated = (n: number) => join(options.dir, `${name}.${n}.log`);
  mkdirSync(options.dir, { recursive: true });
  let size = existsSync(file) ? statSync(file).size : 0;

  function rotate(): void {
    rmSync(rotated(maxFiles - 1), { force: true });
    for (let n = maxFiles - 2; n >= 1; n--) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    }
    if (maxFiles > 1 && existsSync(file)) renameSync(file, rotated(1));
    else rmSync(file, { force: true });
    size = 0;
  }

  function write(level: string, message: string, data?: Record<string, unknown>): void {
    const details = data === undefined ? '' : ` ${JSON.stringify(redact(data))}`;
    const line = `${now().toISOString()} ${level} ${redactText(message)}${details}\n`;
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > maxBytes) rotate();
    appendFileSync(file, line, { mode: 0o600 });
    size += bytes;
    options.echo?.(line.trimEnd());
  }

  return {
    file,
    info: (message, data) => write('INFO', message, data),
    warn: (message, data) => write('WARN', message, data),
    error: (message, data) => write('ERROR', message, data),
  };
}

export interface OpenedFileLog {
  log: FileLog;
  /** Why the preferred folder could not be used (then the log is in the fallback one). */
  problem?: string;
}

/**
 * The log in the preferred folder (Electron's app.getPath('logs') creates it and throws when it
 * cannot), else in the fallback folder, so the console starts either way; the problem is kept for
 * the agent. A fallback that fails too throws (the start-up error names it).
 */
export function createFileLogWithFallback(
  preferred: () => string,
  fallback: () => string,
  options: Omit<FileLogOptions, 'dir'> = {},
): OpenedFileLog {
  try {
    return { log: createFileLog({ ...options, dir: preferred() }) };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const log = createFileLog({ ...options, dir: fallback() });
    log.warn('The log folder could not be used: the log is kept here instead', { problem });
    return { log, problem };
  }
}
