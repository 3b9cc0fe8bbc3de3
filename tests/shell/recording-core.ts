// A ConsoleCore that records every call and answers from a table: for the dispatcher's own tests.
import type { ConsoleCore } from '../../src/main/core/console';
import type { Logger } from '../../src/main/core/ports';
import type { Demo } from '../../src/main/demo';
import type { ConsoleState } from '../../src/shared/live';

export interface Recorded {
  method: string;
  args: unknown[];
}

export function recordingCore(answers: Partial<Record<keyof ConsoleCore, (...args: unknown[]) => unknown>> = {}) {
  const calls: Recorded[] = [];
  const core = new Proxy({} as ConsoleCore, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) => {
        calls.push({ method, args });
        const answer = answers[method as keyof ConsoleCore];
        return answer ? answer(...args) : undefined;
      },
  });
  return { core, calls };
}

/** The state of a core nobody has signed in to. */
export function signedOutState(doNotDisturb = false): ConsoleState {
  return { connection: { status: 'signed-out' }, missed: [], holds: {}, consoleData: {}, doNotDisturb };
}

export function recordingDemo() {
  const calls: string[] = [];
  const demo: Demo = {
    offered: true,
    signIn: async () => {
      calls.push('signIn');
      return { serverUrl: 'http://127.0.0.1:1', userName: 'demo', accounts: [], demo: true };
    },
    stop: async () => {
      calls.push('stop');
    },
    url: () => undefined,
  };
  return { demo, calls };
}

export function recordingLog() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
  return { log, lines };
}
