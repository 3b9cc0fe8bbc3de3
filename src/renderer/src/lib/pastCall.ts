// How the agent reads a call that has ended (or is ending) in Activity and History: direction,
// duration, who answered, the outcome; agreeing with what the sessions feed already knows.
import { apiDateMs } from '../../../shared/dates';
import type { FileInfo, SessionInfo } from '../../../shared/evovoice';
import { elapsed } from './time';

/** What the faster sessions feed knows that a slower list (activity) may not have caught up with. */
export interface FeedKnowledge {
  /** Calls the agent missed and has not seen yet (the header's count). */
  missed?: ReadonlySet<string>;
  /** Calls on the live board now; undefined while the board has not loaded. */
  live?: ReadonlySet<string>;
}

export interface PastCall {
  direction: string;
  /** "4:05" from dateCreated to dateCompleted; "" when either is missing. */
  duration: string;
  durationMs: number | undefined;
  answeredBy: string | undefined;
  /** The outcome in English (History sorts and searches on it). */
  outcome: string;
  /** Which outcome it is: the row words it in the agent's language; 'server' is the server's own word. */
  outcomeKind: OutcomeKind;
  missed: boolean;
}

export type OutcomeKind = 'missed' | 'inProgress' | 'answered' | 'ended' | 'server';

const DIRECTIONS: Record<string, string> = { Incoming: 'Inbound', Outgoing: 'Outbound' };
const OUTCOMES: Record<Exclude<OutcomeKind, 'server'>, string> = {
  missed: 'Missed',
  inProgress: 'In progress',
  answered: 'Answered',
  ended: 'Ended',
};

export function durationMs(s: SessionInfo): number | undefined {
  const start = apiDateMs(s.dateCreated);
  const end = apiDateMs(s.dateCompleted);
  return start === undefined || end === undefined ? undefined : Math.max(0, end - start);
}

export function pastCall(s: SessionInfo, known: FeedKnowledge = {}): PastCall {
  const id = s.id ?? '';
  const missed = s.wasMissed === true || (known.missed?.has(id) ?? false);
  const ms = durationMs(s);
  const endedMeanwhile = !s.ended && known.live !== undefined && !known.live.has(id);
  let outcomeKind: OutcomeKind;
  if (missed) outcomeKind = 'missed';
  else if (!s.ended && !endedMeanwhile) outcomeKind = 'inProgress';
  else outcomeKind = s.outcome !== undefined ? 'server' : s.answeredByName ? 'answered' : 'ended';
  const outcome = outcomeKind === 'server' ? (s.outcome ?? '') : OUTCOMES[outcomeKind];
  return {
    direction: s.direction ? (DIRECTIONS[s.direction] ?? s.direction) : '',
    duration: ms === undefined ? '' : elapsed(s.dateCreated, apiDateMs(s.dateCompleted) ?? 0),
    durationMs: ms,
    answeredBy: missed ? undefined : s.answeredByName,
    outcome,
    outcomeKind,
    missed,
  };
}

/** How long after a call began its voicemail may be dated and still be its recording. */
const RECORDING_WINDOW_MS = 60 * 60_000;

/** The recording the dashboard lists for this call: a voicemail from its number, left during or just after it. */
export function recordingOf(s: SessionInfo, voicemail: readonly FileInfo[] | undefined): FileInfo | undefined {
  const start = apiDateMs(s.dateCreated);
  if (!s.fromAddress || start === undefined) return undefined;
  return voicemail?.find((vm) => {
    const at = apiDateMs(vm.dateCreated);
    return vm.fromAddress === s.fromAddress && at !== undefined && at >= start && at - start <= RECORDING_WINDOW_MS;
  });
}
