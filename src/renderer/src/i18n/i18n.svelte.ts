// The page's language (the Settings override, else the system's) and `t`, which reads it so a view re-renders when it changes; formatters bound to its locale.
import type { SessionInfo } from '../../../shared/evovoice';
import type { BoardState } from '../lib/callState';
import { clockTime, count, dateTime, shortDate } from '../lib/time';
import { consoleMirror } from '../state/console.svelte';
import { type Language, type MessageKey, resolveLanguage, translate } from './catalogue';
import { stateWord } from './words';

export type { MessageKey };

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** The language shown now. */
export function language(): Language {
  return resolveLanguage(consoleMirror.settings.language, systemLanguages());
}

/** The locale for `Intl`: the system's own tag when it is of the shown language (es-MX keeps its format), else the language. */
export function locale(): string {
  const lang = language();
  return systemLanguages().find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang;
}

export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return translate(language(), key, params);
}

export const format = {
  clockTime: (iso: string | undefined) => clockTime(iso, locale()),
  dateTime: (iso: string | undefined) => dateTime(iso, locale()),
  shortDate: (iso: string | undefined) => shortDate(iso, locale()),
  count: (n: number) => count(n, locale()),
};

/** The board state in the shown language, keeping a state name the server added that this build does not know. */
export function stateText(session: SessionInfo, state: BoardState): string {
  if (state !== 'other') return t(`state.${state}`);
  return session.callState ? stateWord(session.callState) : t('state.unknown');
}
