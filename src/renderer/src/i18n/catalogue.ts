// The message catalogues and the pure rules around them: which language to show, and a message with its parameters filled in.
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey };
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, es };

/** The setting wins; 'system' takes the first system language we ship, else English. */
export function resolveLanguage(setting: string | undefined, systemLanguages: readonly string[]): Language {
  if (setting === 'en' || setting === 'es') return setting;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'es') return base;
  }
  return 'en';
}

/** The message for `key` in `language`, each `{name}` replaced by its parameter (left as is when none is given). */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  const text = CATALOGUES[language][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
