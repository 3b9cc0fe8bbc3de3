// One JSON settings file held in memory with bounded writes: one quick synchronous attempt (a new
// temporary file renamed over the old, so a note is on disk when the save is answered), never a
// retry on the main thread; a failed or slow attempt hands the file to background writes, retried
// within a small budget, while the caller is told (it throws) and keeps its data in memory. A hung
// background write is abandoned after a time limit; at most one is ever in flight. A file with no
// path is kept in memory only. Files are created readable by the agent's user alone (0600, in a
// folder made 0700): they hold call notes and missed calls.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Logger } from './core/ports';

type Shape = Record<string, unknown>;

export interface WriteBudget {
  /** Pause before each retry after the first attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  /** A background attempt still unfinished after this long counts as failed (a hung disk or network folder). */
  attemptTimeoutMs: number;
  /** A synchronous write slower than this sends every later write to the background. */
  slowWriteMs: number;
}

export const DEFAULT_WRITE_BUDGET: WriteBudget = {
  retryDelaysMs: [100, 500],
  attemptTimeoutMs: 5_000,
  slowWriteMs: 100,
};

/** Settings and records: the agent's user only (other local users must not read call data). */
export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const temporaryBeside = (path: string) => `${path}.tmp-${randomBytes(6).toString('hex')}`;
const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export class WriteBehindFile {
  private readonly values: Shape;
  private dirty = false;
  private writing: Promise<void> | undefined;
  /** An attempt that timed out but has not settled: no second one starts beside it. */
  private hung: Promise<unknown> | undefined;
  private failure: Error | undefined;
  /** Set after a slow synchronous write: the disk cannot be trusted to answer quickly. */
  private slowDisk = false;

  constructor(
    readonly path: string | undefined,
    initial: Shape,
    private readonly log: Logger,
    private readonly budget: WriteBudget = DEFAULT_WRITE_BUDGET,
  ) {
    this.values = structuredClone(initial);
  }

  get(key: string): unknown {
    return structuredClone(this.values[key]);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key);
  }

  /** Keeps the value and writes the file; throws the last write's error while writes fail. */
  set(key: string, value: unknown): void {
    this.values[key] = structuredClone(value);
    if (this.path === undefined) return;
    if (!this.writing && !this.failure && !this.slowDisk) this.failure = this.writeNow(this.path);
    if (!this.failure && !this.slowDisk) return;
    this.dirty = true;
    this.writing ??= this.writeWhileDirty().finally(() => (this.writing = undefined));
    if (this.failure) throw this.failure;
  }

  /** The one synchronous attempt: every error it can meet on a local disk comes back at once. */
  private writeNow(path: string): Error | undefined {
    const start = performance.now();
    const temporary = temporaryBeside(path);
    try {
      mkdirSync(dirname(path), { recursive: true, mode: FOLDER_MODE });
      writeFileSync(temporary, this.data(), { flag: 'wx', mode: FILE_MODE });
      renameSync(temporary, path);
      return undefined;
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // Never created, or the folder is gone: nothing to clean up.
      }
      this.log.error('A settings file could not be written; it is kept in memory and retried in the background', {
        file: path,
        error: (error as NodeJS.ErrnoException).code ?? describe(error),
      });
      return error instanceof Error ? error : new Error(describe(error));
    } finally {
      const took = performance.now() - start;
      if (took > this.budget.slowWriteMs && !this.slowDisk) {
        this.slowDisk = true;
        this.log.warn('The settings folder is slow; settings are written in the background from now on', {
          file: path,
          ms: Math.round(took),
        });
      }
    }
  }

  private data(): string {
    return JSON.stringify(this.values, undefined, '\t');
  }

  /** Resolves once everything set so far has been written or given up on. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeWhileDirty(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const data = this.data();
      const error = await this.writeWithRetries(data, this.path as string);
      if (!error) {
        this.failure = undefined;
        continue;
      }
      this.failure = error;
    }
  }

  private async writeWithRetries(data: string, path: string): Promise<Error | undefined> {
    let last: Error | undefined;
    for (const delay of [0, ...this.budget.retryDelaysMs]) {
      if (delay) await pause(delay);
      last = await this.attempt(data, path);
      if (!last) return undefined;
    }
    return last;
  }

  private async attempt(data: string, path: string): Promise<Error | undefined> {
    if (this.hung) return new Error(`An earlier write of ${path} has not finished`);
    const write = this.writeAtomically(data, path);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), this.budget.attemptTimeoutMs);
    });
    try {
      const outcome = await Promise.race([write.then(() => 'written' as const), timedOut]);
      if (outcome === 'written') return undefined;
      this.hung = write.catch(() => undefined).finally(() => (this.hung = undefined));
      return new Error(`Writing ${path} took longer than ${this.budget.attemptTimeoutMs} ms`);
    } catch (error) {
      return error instanceof Error ? error : new Error(describe(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A fresh temporary file beside the target (never an existing one: `wx`), then a rename over it. */
  private async writeAtomically(data: string, path: string): Promise<void> {
    const temporary = temporaryBeside(path);
    await mkdir(dirname(path), { recursive: true, mode: FOLDER_MODE });
    try {
      await writeFile(temporary, data, { flag: 'wx', mode: FILE_MODE });
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}
