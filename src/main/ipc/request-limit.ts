// Bounds what a page can make the core ask the server for: identical reads already in flight are
// shared, and each channel that reaches the server has a token bucket (a burst, then a steady rate;
// requests over it wait their turn, and a full queue is refused). Both shells get it via dispatch.
import type { ConsoleError, IpcResult, RequestChannel } from '../../shared/ipc';

interface Bucket {
  /** Requests that may go at once, and the refill per second after that. */
  burst: number;
  perSecond: number;
}

/**
 * The reads a page can repeat at will, each a request to the server (the other channels answer
 * from memory, or are one agent action each whose server requests the core already serialises:
 * a hold, a sign-in, a saved note through the outbox).
 */
export const CHANNEL_LIMITS: Partial<Record<RequestChannel, Bucket>> = {
  'history:load': { burst: 8, perSecond: 4 },
  'dashboard:load': { burst: 8, perSecond: 4 },
  'voicemail:audio': { burst: 8, perSecond: 4 },
  'poll:now': { burst: 4, perSecond: 1 },
  'activity:more': { burst: 4, perSecond: 2 },
};

/** Reads whose answer depends only on their arguments: a second identical one shares the first. */
// ('activity:more' depends on what the list shows: the core shares a read in flight itself.)
const COALESCED: ReadonlySet<RequestChannel> = new Set(['history:load', 'dashboard:load', 'voicemail:audio']);

/** How many requests of one channel may wait for the bucket; more are refused. */
export const MAX_WAITING = 16;

export const TOO_MANY: ConsoleError = {
  code: 'rate-limited',
  message: 'The console is still working through many requests of this kind. Wait a few seconds and try again.',
};

export interface LimitDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Run = () => Promise<IpcResult<unknown>>;

export function createRequestLimit(deps: LimitDeps = {}) {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const tokens = new Map<RequestChannel, { level: number; at: number; waiting: number }>();
  const inFlight = new Map<string, Promise<IpcResult<unknown>>>();

  /** Takes a token, waiting for one when the bucket is empty; false when too many already wait. */
  async function take(channel: RequestChannel, bucket: Bucket): Promise<boolean> {
    const state = tokens.get(channel) ?? { level: bucket.burst, at: now(), waiting: 0 };
    tokens.set(channel, state);
    const refill = () => {
      const t = now();
      state.level = Math.min(bucket.burst, state.level + ((t - state.at) / 1000) * bucket.perSecond);
      state.at = t;
    };
    refill();
    if (state.level >= 1) {
      state.level -= 1;
      return true;
    }
    if (state.waiting >= MAX_WAITING) return false;
    // Reserve the next token: the level goes negative by one per waiter, so waiters leave in order.
    state.level -= 1;
    state.waiting += 1;
    await sleep(Math.ceil((-state.level / bucket.perSecond) * 1000));
    state.waiting -= 1;
    refill();
    return true;
  }

  return async function limited(channel: RequestChannel, args: unknown, run: Run): Promise<IpcResult<unknown>> {
    const bucket = CHANNEL_LIMITS[channel];
    if (!bucket) return run();
    const key = COALESCED.has(channel) ? `${channel}\n${JSON.stringify(args)}` : undefined;
    const shared = key === undefined ? undefined : inFlight.get(key);
    if (shared) return shared;
    const answer = (async () => ((await take(channel, bucket)) ? run() : { ok: false as const, error: TOO_MANY }))();
    if (key === undefined) return answer;
    inFlight.set(key, answer);
    try {
      return await answer;
    } finally {
      inFlight.delete(key);
    }
  };
}
