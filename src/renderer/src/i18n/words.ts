// The server's and the core's words in the agent's language: error codes mapped to catalogue keys
// (the core's English sentence stays for English, it says more), and the API's enum values.
import type { ConsoleError, StartNotice } from '../../../shared/ipc';
import { type MessageKey, t } from './i18n.svelte';
import { language } from './i18n.svelte';

/** What went wrong, in the agent's language. */
export function errorText(error: Pick<ConsoleError, 'code' | 'message'>): string {
  return language() === 'en' ? error.message : t(`error.${error.code}`);
}

/** A start notice: the shell's sentence in English; otherwise the catalogue's, then the particulars for IT support. */
export function noticeText(notice: StartNotice): string {
  return language() === 'en' ? notice.message : `${t(`notice.${notice.code}`)} ${notice.detail}`;
}

/** Words of the core shown as they came (a connection message, a note's status) unless another language is shown. */
export function coreText(message: string | undefined, key: MessageKey): string {
  return language() === 'en' ? (message ?? t(key)) : t(key);
}

const OUTCOMES = ['Completed', 'Missed', 'NoAnswer', 'Voicemail', 'Abandoned', 'Busy', 'Failed'] as const;
const CALL_STATES = ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive', 'Queued', 'None'] as const;
const HOLD_REASONS = ['Transferring'] as const;

function known<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/** A call's outcome as the server names it ("Completed"), in the agent's language; a new one as sent. */
export function outcomeWord(outcome: string | undefined): string {
  return known(OUTCOMES, outcome) ? t(`serverOutcome.${outcome}`) : (outcome ?? '');
}

/** A call, queue or member state as the API names it ("Connected", "Queued"), in the agent's language. */
export function stateWord(state: string | undefined): string {
  return known(CALL_STATES, state) ? t(`apiState.${state}`) : (state ?? '');
}

/** Why a call is held ("Transferring"), in the agent's language. */
export function holdReasonWord(reason: string | undefined): string {
  return known(HOLD_REASONS, reason) ? t(`holdReason.${reason}`) : (reason ?? '');
}
