// The SimulatorControl tests and the demo use to steer the world behind the console's back.
import type { SessionInfo } from '../shared/evovoice';
import { end, log, miss } from './calls';
import { accountName, LINES } from './catalog';
import { notFound } from './errors';
import { withStrictness } from './strictness';
import type { SimulatorControl } from './types';
import type { World } from './world';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Control calls that change no session: `now` and `advance` sync the clock, which bumps the
 * sessions' version itself when a scenario step ran or a call was archived; the strictness is part
 * of a kept list's key. Every other call bumps it when it returns, a new one too until it is listed
 * here: a kept list of GET /sessions is never older than a change.
 */
const CHANGES_NO_SESSION = new Set<keyof SimulatorControl>([
  'now',
  'advance',
  'setStrictness',
  'addVoicemail',
  'getSession',
  'listSessions',
  'strictness',
  'expireLogins',
  'addFault',
  'clearFaults',
  'requests',
  'traffic',
  'clearRequests',
  'users',
]);

export function createControl(world: World): SimulatorControl {
  const control = controlOf(world);
  for (const name of Object.keys(control) as Array<keyof SimulatorControl>) {
    if (CHANGES_NO_SESSION.has(name)) continue;
    const run = control[name] as (...args: unknown[]) => unknown;
    Object.assign(control, {
      [name]: (...args: unknown[]) => {
        try {
          return run(...args);
        } finally {
          world.store.changed();
        }
      },
    });
  }
  return control;
}

function controlOf(world: World): SimulatorControl {
  const { store, timeline } = world;
  const live = (id: string): SessionInfo => {
    world.sync();
    const s = store.live.get(id);
    if (s === undefined) throw notFound(`No live session '${id}' in the simulator`);
    return s;
  };

  return {
    now: () => {
      world.sync();
      return timeline.now();
    },
    advance: (ms) => world.advance(ms),
    addSession: (partial, options) => {
      world.sync();
      if (partial.id !== undefined && store.get(partial.id) !== undefined)
        throw new Error(`Session '${partial.id}' already exists`);
      const line =
        LINES.find((l) => l.id === partial.endpointId) ??
        world.calls.line(LINES.some((l) => l.accountId === partial.accountId) ? partial.accountId : undefined);
      const s = Object.assign(world.calls.ringing(timeline.iso(), line), copy(partial));
      if (partial.accountId !== undefined && partial.accountName === undefined)
        s.accountName = accountName(partial.accountId);
      store.add(s, options?.parentSessionId);
      world.pin(s.id, Object.keys(partial));
      return copy(s);
    },
    updateSession: (id, patch) => {
      const s = live(id);
      Object.assign(s, copy(patch));
      world.pin(id, Object.keys(patch));
      if (patch.dateLastModified === undefined) s.dateLastModified = timeline.iso();
      return copy(s);
    },
    missCall: (id) => {
      const s = live(id);
      miss(s, timeline.iso());
      return copy(s);
    },
    endSession: (id) => {
      end(live(id), timeline.iso(), 'Completed', 'Call ended');
    },
    addVoicemail: (id, fields) => {
      world.sync();
      const s = store.get(id);
      if (s === undefined) throw notFound(`No session '${id}' in the simulator`);
      const file = { ...world.calls.voicemailFor(s, timeline.iso()), ...copy(fields ?? {}) };
      store.voicemail.unshift(file);
      return copy(file);
    },
    getSession: (id) => {
      world.sync();
      const s = store.get(id);
      return s === undefined ? undefined : copy(s);
    },
    listSessions: () => {
      world.sync();
      return copy([...store.all()].sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1)));
    },
    loadSessions: (n, options) => {
      world.sync();
      store.clearLive();
      const now = timeline.now();
      const dayStart = now - (now % 86_400_000);
      const ended = options?.endedToday ?? 0;
      const starts = Array.from({ length: ended }, () => world.rng.int(dayStart, Math.max(dayStart, now - 3_600_000)));
      for (const at of starts.sort((a, b) => a - b)) store.add(world.calls.finished(at, options?.accountId));
      for (let i = 0; i < n; i++) store.add(world.calls.anyState(now, options?.accountId));
    },
    loadArchive: (n, options) => {
      world.sync();
      world.loadArchive(n, options?.days ?? 31);
    },
    archiveSession: (id) => {
      world.sync();
      if (!store.archiveNow(id)) throw new Error(`Session '${id}' is not a live call that ended: end it first`);
    },
    strictness: () => ({ ...world.strictness }),
    setStrictness: (changes) => {
      world.strictness = withStrictness(world.strictness, changes);
      return { ...world.strictness };
    },
    setConsoleData: (id, text) => {
      const s = live(id);
      const previous = Date.parse(s.dateLastModified ?? '') || 0;
      s.consoleData = text;
      log(
        s,
        new Date(Math.max(timeline.now(), previous + 1)).toISOString(),
        'Priya Shah: console data updated',
        'user-priya',
      );
      return copy(s);
    },
    expireLogins: () => world.logins.expireAll(),
    addFault: (fault) => world.faults.add(fault),
    clearFaults: () => world.faults.clear(),
    requests: (filter) =>
      copy(
        world.requests.filter(
          (r) =>
            (filter?.method === undefined || r.method.toUpperCase() === filter.method.toUpperCase()) &&
            (filter?.pathPrefix === undefined || r.path.startsWith(filter.pathPrefix)),
        ),
      ),
    traffic: () => ({ ...world.traffic }),
    clearRequests: () => {
      world.requests.length = 0;
    },
    users: () => copy([...world.users]),
  };
}
