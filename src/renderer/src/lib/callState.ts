// How the agent reads a session: its board state (ringing, connected, on hold, queued), labels, who and where.
import type { SessionInfo } from '../../../shared/evovoice';
import type { HoldState } from '../../../shared/live';
import { type Language, translate } from '../i18n/catalogue';

export const BOARD_STATES = ['ringing', 'connected', 'hold', 'queued', 'other'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** The state the agent cares about; an optimistic hold/resume shows at once. */
export function boardState(session: SessionInfo, pending?: HoldState): BoardState {
  if (pending === 'pending-hold') return 'hold';
  if (pending === 'pending-resume') return 'connected';
  if (session.callState === 'Hold') return 'hold';
  if (session.callState === 'Connected') return 'connected';
  if (session.queueState === 'Queued') return 'queued';
  return session.callState === 'Ringing' ? 'ringing' : 'other';
}

/** The label for a state in `language`, keeping names the server added that this build does not know. */
export function stateLabel(session: SessionInfo, state: BoardState, language: Language = 'en'): string {
  if (state === 'other') return session.callState ?? translate(language, 'state.unknown');
  return translate(language, `state.${state}`);
}

export function canHold(state: BoardState): boolean {
  return state === 'connected' || state === 'hold';
}

/** Who called; "Unknown caller" in `language` when the server names nobody. */
export function callerName(s: SessionInfo, language: Language = 'en'): string {
  return s.fromName || s.displayName || s.customerName || translate(language, 'call.unknownCaller');
}

export function callerNumber(s: SessionInfo): string {
  return (s.direction === 'Outgoing' ? s.toAddress : s.fromAddress) ?? s.fromPhoneNumber ?? '';
}

export function lineName(s: SessionInfo): string {
  return s.endpointName || (s.direction === 'Outgoing' ? s.fromAddress : s.toAddress) || '';
}

export function isLive(s: SessionInfo): boolean {
  return s.ended !== true;
}

/** Newest first by creation date; ties keep their order. */
export function newestFirst(a: SessionInfo, b: SessionInfo): number {
  const x = a.dateCreated ?? '';
  const y = b.dateCreated ?? '';
  return x < y ? 1 : x > y ? -1 : 0;
}

/** Lower-cased text a filter matches against. */
export function searchText(s: SessionInfo): string {
  return `${callerName(s)} ${callerNumber(s)} ${lineName(s)} ${s.accountName ?? ''}`.toLowerCase();
}
