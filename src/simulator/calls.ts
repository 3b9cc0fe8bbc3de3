// How a call changes state: answer, hold, resume, end, miss, and an agent's PATCH, with the
// members, log and modification date kept consistent with the session's own callState.
import type {
  SessionCallState,
  SessionHoldReason,
  SessionInfo,
  SessionMemberCallState,
  SessionQueueState,
} from '../shared/evovoice';
import type { Agent } from './catalog';

export interface Actor {
  userId: string;
  displayName: string;
}

/** Adds a log line; `by` (a user id) is who made the change, when a person made it. */
export function log(s: SessionInfo, at: string, message: string, by?: string): void {
  (s.log ??= []).push({ date: at, message });
  s.dateLastModified = at;
  if (by !== undefined) s.lastModifiedBy = by;
}

const MEMBER_STATE: Partial<Record<SessionCallState, SessionMemberCallState>> = {
  Connected: 'Connected',
  Hold: 'Hold',
  Disconnected: 'None',
};

/** Members follow the call: on hold together, back together, gone together. */
function syncMembers(s: SessionInfo, callState: string): void {
  const memberState = MEMBER_STATE[callState as SessionCallState];
  if (memberState === undefined) return;
  for (const m of s.members ?? []) {
    if (memberState === 'None' || m.callState === 'Connected' || m.callState === 'Hold') m.callState = memberState;
  }
}

/** The picture the portal shows for an agent. */
export const avatarOf = (agent: Agent): string => `https://files.evovoice.example/avatars/${agent.userId}.png`;

/** The hold queue a call waits in: the transfer queue when held for a transfer. */
const holdQueueFor = (reason: string | undefined): string =>
  reason === 'Transferring' ? 'Transfer hold' : 'Hold music';

export function answer(s: SessionInfo, agent: Agent, at: string): void {
  s.callState = 'Connected';
  s.queueState = 'Connected';
  s.answeredByName = agent.name;
  s.answeredById = agent.endpointId;
  if (s.ringQueueId !== undefined) s.queueMemberId = `${s.ringQueueId}-${agent.userId}`;
  (s.members ??= []).push({
    identity: agent.endpointId,
    endpointId: agent.endpointId,
    displayName: agent.name,
    isOriginalMember: false,
    avatarUrl: avatarOf(agent),
    applicationData: { queue: s.endpointName ?? '' },
    callState: 'Connected',
    role: 'Agent',
    muted: false,
  });
  syncMembers(s, 'Connected');
  log(s, at, `Answered by ${agent.name}`, agent.userId);
}

export function hold(s: SessionInfo, by: Actor, reason: SessionHoldReason, at: string): void {
  s.callState = 'Hold';
  s.queueState = 'Hold';
  s.holdReason = reason;
  s.holdQueueName = holdQueueFor(reason);
  s.heldByUserId = by.userId;
  syncMembers(s, 'Hold');
  log(
    s,
    at,
    reason === 'Transferring'
      ? `${by.displayName} put the call on hold to transfer it`
      : `${by.displayName} put the call on hold`,
    by.userId,
  );
}

export function resume(s: SessionInfo, by: Actor, at: string): void {
  s.callState = 'Connected';
  s.queueState = 'Connected';
  s.holdReason = 'None';
  delete s.heldByUserId;
  delete s.holdQueueName;
  syncMembers(s, 'Connected');
  log(s, at, `${by.displayName} took the call off hold`, by.userId);
}

/** Ends the call; a caller who hangs up on hold leaves who held it and where in the record. */
export function end(s: SessionInfo, at: string, outcome: string, message: string): void {
  const onHold = s.callState === 'Hold';
  s.ended = true;
  s.callState = 'Disconnected';
  s.queueState = 'Disconnected';
  s.dialState = 'None';
  s.outcome = outcome;
  s.dateCompleted = at;
  if (!onHold) {
    delete s.heldByUserId;
    delete s.holdQueueName;
  }
  syncMembers(s, 'Disconnected');
  log(s, at, message);
}

export function miss(s: SessionInfo, at: string): void {
  s.wasMissed = true;
  end(s, at, 'Missed', 'Nobody answered: missed call');
}

export interface SessionPatch {
  consoleData?: string;
  callState?: SessionCallState;
  holdReason?: SessionHoldReason;
  queueState?: SessionQueueState;
}

/** An agent's PATCH: only the fields sent change; holding records who held the call. */
export function applyPatch(s: SessionInfo, patch: SessionPatch, by: Actor, at: string): void {
  const changes: string[] = [];
  if (patch.callState !== undefined) {
    s.callState = patch.callState;
    if (patch.callState === 'Hold') {
      s.heldByUserId = by.userId;
      s.holdQueueName = holdQueueFor(patch.holdReason ?? s.holdReason);
    }
    if (patch.callState === 'Connected') {
      delete s.heldByUserId;
      delete s.holdQueueName;
    }
    syncMembers(s, patch.callState);
    changes.push(`call state ${patch.callState}`);
  }
  if (patch.holdReason !== undefined) {
    s.holdReason = patch.holdReason;
    changes.push(`hold reason ${patch.holdReason}`);
  }
  if (patch.queueState !== undefined) {
    s.queueState = patch.queueState;
    changes.push(`queue state ${patch.queueState}`);
  }
  if (patch.consoleData !== undefined) {
    s.consoleData = patch.consoleData;
    changes.push('console data updated');
  }
  log(s, at, `${by.displayName}: ${changes.length > 0 ? changes.join(', ') : 'no change'}`, by.userId);
}
