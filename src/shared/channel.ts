// What kind of session a row is: a voice call, a chat or a fax (`channel`); only calls can be held.
import type { SessionInfo } from './evovoice';

export type SessionKind = 'Voice' | 'Chat' | 'Fax';

/** The kind the agent sees; a session without a channel, or with one this build does not know, is a call. */
export function sessionKind(s: SessionInfo): SessionKind {
  if (s.channel === 'Chat') return 'Chat';
  return s.channel === 'Fax' ? 'Fax' : 'Voice';
}

/** Hold and resume, missed-call alerts and talk time are for calls only. */
export function isCall(s: SessionInfo): boolean {
  return sessionKind(s) === 'Voice';
}
