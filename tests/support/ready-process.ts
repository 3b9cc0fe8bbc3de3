// Starts a Node helper process (web shell, simulator) and waits for the line it prints when ready
// (KEY=value); used by the e2e fixture and the benchmarks.
import { type ChildProcess, spawn } from 'node:child_process';

/** The built web shell (`npm run build`): Node starts it without compiling TypeScript. */
export const WEB_SHELL_SCRIPT = 'out/web/server.js';

export interface Started {
  child: ChildProcess;
  value: string;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  stop(): Promise<void>;
}

export function startProcess(
  args: string[],
  key: string,
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: options.env ?? process.env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not print ${key}= within ${timeoutMs} ms:\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      /** The whole line, once its newline has arrived (a large value comes in several chunks). */
      const value = new RegExp(`^${key}=(.*)\\n`, 'm').exec(stdout)?.[1];
      if (value === undefined) return;
      clearTimeout(timer);
      resolve({ child, value, readyMs: performance.now() - started, stop });
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before printing ${key}=:\n${stderr.slice(-2000)}`));
    });
  });
}
