// Which live call is the signed-in agent's own (the hold hotkey's target, and the calls they may
// change without being asked): one rule, electron-free, for the core, the desktop's global hotkey
// and the page.
import { isCall } from './channel';
import type { SessionInfo } from './evovoice';
import type { BoardFacts, Identity } from './live';

/** The agent, as the API names them on a call: their user id and their display name. */
export type Agent = Pick<Identity, 'userId' | 'displayName'>;

const ACTIVE = new Set(['Connected', 'Hold']);

/**
 * A call is the agent's when they held it (`heldByUserId`), or it was answered by them
 * (`answeredByName`), or a member with the role Agent is them (its identity is their user id, or
 * its display name is theirs). The API names the answering endpoint (`answeredById`), not the user,
 * so the name is what ties an answered call to the signed-in agent.
 */
export function isAgentsCall(session: SessionInfo, agent: Agent): boolean {
  if (session.ended || !session.callState || !ACTIVE.has(session.callState)) return false;
  if (!isCall(session)) return false;
  const { userId, displayName } = agent;
  if (userId && session.heldByUserId === userId) return true;
  if (displayName && session.answeredByName === displayName) return true;
  return (session.members ?? []).some(
    (m) =>
      m.role === 'Agent' &&
      ((userId !== undefined && m.identity === userId) || (displayName !== undefined && m.displayName === displayName)),
  );
}

/**
 * The rule as the board publishes it: the core applies `isAgentsCall` to the whole session
 * (members included) and marks the call `mine`; a row, which carries no members, is judged by
 * that mark, and a call without it by the rule itself.
 */
export function isMine(session: SessionInfo & BoardFacts, agent: Agent | undefined): boolean {
  if (session.mine === true) return true;
  return agent !== undefined && (!!agent.userId || !!agent.displayName) && isAgentsCall(session, agent);
}

export interface AgentCalls<S extends SessionInfo = SessionInfo> {
  /** The most recent of the agent's calls (latest `dateCreated`), the hotkeys' target. */
  active?: S;
  /** How many live calls are the agent's: more than one and the notification says which it took. */
  count: number;
}

export function agentCalls<S extends SessionInfo & BoardFacts>(
  sessions: readonly S[],
  agent: Agent | undefined,
): AgentCalls<S> {
  if (!agent || (!agent.userId && !agent.displayName)) return { count: 0 };
  const mine = sessions.filter((s) => isMine(s, agent));
  const at = (s: SessionInfo) => Date.parse(s.dateCreated ?? '') || 0;
  const active = mine.reduce<S | undefined>((best, s) => (!best || at(s) > at(best) ? s : best), undefined);
  return active ? { active, count: mine.length } : { count: 0 };
}

/** The caller of a call in a few words, for the notification that names the call the hotkey took. */
export function callerOf(session: SessionInfo): string {
  const number = session.fromAddress ?? session.fromPhoneNumber ?? session.callbackNumber;
  const name = session.fromName ?? session.customerName;
  if (name && number) return `${name} (${number})`;
  return name ?? number ?? 'the caller';
}
