// The chaos run shared by `npm test` (about 1,000 requests) and the soak (10,000): the core against
// the simulator with a fifth of all requests faulted, calls churning, the agent holding calls and
// editing notes throughout; answers what the agent last did and what the server ended up with.
import { BACKOFF_CAP_MS } from '../../src/main/core/backoff';
import type { ConsoleDataStatus } from '../../src/shared/live';
import { FAULT_KINDS } from '../../src/simulator/faults';
import { startSimulator } from '../../src/simulator/index';
import type { RequestRecord } from '../../src/simulator/types';
import { liveCall, START, startRig } from '../core/rig';
import { sentNotes } from '../support/sent-notes';
import { seeded } from './seeded';

/** Each kind strikes at this rate, so that one request in five is struck by some fault. */
const RATE_PER_KIND = 1 - Math.pow(1 - 0.2, 1 / FAULT_KINDS.length);
const WORKED_CALLS = 4;

export interface NoteOutcome {
  sessionId: string;
  edits: number;
  lastWritten: string;
  onServer: string | undefined;
  status: ConsoleDataStatus | undefined;
  /** Edit numbers in the order the server applied them. */
  appliedOrder: number[];
}

export interface HoldOutcome {
  sessionId: string;
  choices: number;
  lastChoice: 'Hold' | 'Connected';
  toldFailed: boolean;
  onServer: string | undefined;
}

/** The fields the agent acts on, as the console's board shows them and as the server has them. */
export interface CallView {
  callState?: string;
  holdReason?: string;
  consoleData?: string;
}

export interface BoardComparison {
  sessionId: string;
  console: CallView | undefined;
  server: CallView | undefined;
}

/** A "saved" the agent was shown: the text last typed for that call, and what the server had then. */
export interface SavedShown {
  sessionId: string;
  typed: string;
  onServer: string | undefined;
}

export interface ChaosReport {
  requests: number;
  faulted: number;
  faultsByKind: Record<string, number>;
  notes: NoteOutcome[];
  holds: HoldOutcome[];
  holdFailuresTold: number;
  /** After the faults stop and the console settles: every live call, console beside server. */
  board: BoardComparison[];
  savedShown: SavedShown[];
  missed: string[];
  /** Per missed session id: how many single notifications named it. */
  notifiedSingles: Map<string, number>;
  /** Calls counted in burst summaries ("N missed calls while you were away"). */
  summarised: number;
  unread: string[];
  /** Stepped time from the end of the faults to the first "online" (undefined: never). */
  onlineAfterMs: number | undefined;
  /** Real time of the whole run (ms). */
  wallMs: number;
}

/** Runs until the simulator has answered (or refused) `requests` requests, then lets faults stop. */
export async function runChaos(options: { requests: number; seed: number }): Promise<ChaosReport> {
  const started = Date.now();
  const random = seeded(options.seed);
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: options.seed, startTime: START });
  const rig = await startRig({ sim });
  const log: RequestRecord[] = [];
  const drainRequests = () => {
    log.push(...sim.control.requests());
    sim.control.clearRequests();
  };
  try {
    await rig.signIn();
    drainRequests();
    const worked: string[] = [];
    const churn: string[] = [];
    const missed: string[] = [];
    const lastNote = new Map<string, number>();
    const savedShown: SavedShown[] = [];
    const wasSaved = new Set<string>();
    rig.core.subscribe((event) => {
      if (event.type !== 'state') return;
      for (const [id, status] of Object.entries(event.state.consoleData)) {
        const n = lastNote.get(id);
        if (status.state !== 'saved' || n === undefined) {
          wasSaved.delete(id);
          continue;
        }
        if (wasSaved.has(id)) continue;
        wasSaved.add(id);
        savedShown.push({ sessionId: id, typed: noteText(id, n), onServer: sim.control.getSession(id)?.consoleData });
      }
    });
    const holdChoice = new Map<string, { target: 'Hold' | 'Connected'; choices: number; toldFailed: boolean }>();
    let holdFailuresTold = 0;
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const onBoard = (id: string) => rig.core.getSnapshot().sessions.find((s) => s.id === id);

    for (const kind of FAULT_KINDS) {
      sim.control.addFault({ endpoint: '*', kind, rate: RATE_PER_KIND, ms: 40, retryAfterSeconds: 3 });
    }

    while (log.length < options.requests) {
      if (worked.length < WORKED_CALLS) worked.push(liveCall(sim, { fromName: `Worked ${worked.length}` }));
      const roll = random();
      if (roll < 0.3)
        churn.push(sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing' }).id as string);
      else if (roll < 0.45 && churn.length) {
        const id = churn.splice(Math.floor(random() * churn.length), 1)[0] as string;
        sim.control.missCall(id);
        missed.push(id);
      } else if (roll < 0.55 && churn.length) {
        sim.control.endSession(churn.splice(Math.floor(random() * churn.length), 1)[0] as string);
      }

      const id = pick(worked) as string;
      const act = random();
      if (act < 0.35) {
        const n = (lastNote.get(id) ?? 0) + 1;
        const session = onBoard(id);
        const base = {
          ...(session?.consoleData !== undefined ? { value: session.consoleData } : {}),
          ...(session?.dateLastModified !== undefined ? { dateLastModified: session.dateLastModified } : {}),
        };
        rig.core.saveConsoleData({ sessionId: id, text: noteText(id, n), base });
        lastNote.set(id, n);
      } else if (act < 0.5 && onBoard(id) && !rig.core.getState().holds[id]) {
        const previous = holdChoice.get(id);
        const target = previous?.target === 'Hold' ? 'Connected' : 'Hold';
        const told = await rig.core
          .hold({ sessionId: id, action: target === 'Hold' ? 'hold' : 'resume' })
          .then(() => false)
          .catch(() => true);
        if (told) holdFailuresTold++;
        holdChoice.set(id, { target, choices: (previous?.choices ?? 0) + 1, toldFailed: told });
      }
      await rig.step(500 + Math.floor(random() * 2500));
      drainRequests();
    }

    sim.control.clearFaults();
    const faultsStopped = rig.clock.now();
    let onlineAfter = rig.core.getState().connection.status === 'online' ? faultsStopped : undefined;
    rig.core.subscribe((event) => {
      if (event.type === 'state' && event.state.connection.status === 'online') onlineAfter ??= rig.clock.now();
    });
    await rig.step(4 * BACKOFF_CAP_MS);
    rig.core.pollNow();
    await rig.core.settled();
    drainRequests();
    const view = (s: { callState?: string; holdReason?: string; consoleData?: string } | undefined) =>
      s === undefined ? undefined : { callState: s.callState, holdReason: s.holdReason, consoleData: s.consoleData };
    // Every call the server has live, and every call the board shows (ended ones linger on it for a while).
    const live = sim.control.listSessions().filter((s) => s.accountId === 'acct-north' && s.ended !== true);
    const shown = rig.core.getSnapshot().sessions;
    const board = [...new Set([...live.map((s) => s.id as string), ...shown.map((s) => s.id as string)])].map(
      (sessionId) => ({
        sessionId,
        console: view(shown.find((s) => s.id === sessionId)),
        server: view(sim.control.getSession(sessionId)),
      }),
    );

    const state = rig.core.getState();
    const faultsByKind: Record<string, number> = {};
    for (const r of log) if (r.fault) faultsByKind[r.fault] = (faultsByKind[r.fault] ?? 0) + 1;
    const notifiedSingles = new Map<string, number>();
    let summarised = 0;
    for (const n of rig.notifier.shown) {
      if (n.onHold) continue; // a hold reminder, not a missed-call notice
      if (n.sessionId) notifiedSingles.set(n.sessionId, (notifiedSingles.get(n.sessionId) ?? 0) + 1);
      else summarised += Number(/^(\d+) missed calls/.exec(n.body)?.[1] ?? Number.NaN);
    }
    return {
      requests: log.length,
      faulted: log.filter((r) => r.fault).length,
      faultsByKind,
      notes: [...lastNote].map(([sessionId, edits]) => ({
        sessionId,
        edits,
        lastWritten: noteText(sessionId, edits),
        onServer: sim.control.getSession(sessionId)?.consoleData,
        status: state.consoleData[sessionId],
        appliedOrder: sentNotes(log, { sessionId, accepted: true }).map((text) => Number(/#(\d+)$/.exec(text)?.[1])),
      })),
      holds: [...holdChoice].map(([sessionId, h]) => ({
        sessionId,
        choices: h.choices,
        lastChoice: h.target,
        toldFailed: h.toldFailed,
        onServer: sim.control.getSession(sessionId)?.callState,
      })),
      holdFailuresTold,
      board,
      savedShown,
      missed,
      notifiedSingles,
      summarised,
      unread: state.missed.map((m) => m.sessionId),
      onlineAfterMs: onlineAfter === undefined ? undefined : onlineAfter - faultsStopped,
      wallMs: Date.now() - started,
    };
  } finally {
    await rig.close();
    await sim.close();
  }
}

function noteText(sessionId: string, n: number): string {
  return `Caller ${sessionId} wants a callback <b>&amp;</b> ünïcode — edit #${n}`;
}
