// The message catalogues: every language has every key (and no other), the same parameters, and the language rule.
import { describe, expect, it } from 'vitest';

import { CATALOGUES, LANGUAGES, resolveLanguage, translate } from '../../src/renderer/src/i18n/catalogue';
import { count, dateTime, shortDate } from '../../src/renderer/src/lib/time';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const all = LANGUAGES.map((lang) => [lang, CATALOGUES[lang]] as const);
  const keys = new Set(all.flatMap(([, catalogue]) => Object.keys(catalogue)));

  it.each(all)('%s has every key another catalogue has, and a non-empty text for each', (_lang, catalogue) => {
    const missing = [...keys].filter((key) => !Object.hasOwn(catalogue, key));
    expect(missing).toEqual([]);
    const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(all)('%s uses the same {parameters} as English in every message', (_lang, catalogue) => {
    const differ = Object.entries(CATALOGUES.en).filter(
      ([key, text]) => params(text).join() !== params(catalogue[key as keyof typeof catalogue]).join(),
    );
    expect(differ.map(([key]) => key)).toEqual([]);
  });
});

describe('translate', () => {
  it('fills parameters and leaves an unknown one visible', () => {
    expect(translate('en', 'dashboard.loadedAt', { time: '10:00' })).toBe('Loaded at 10:00');
    expect(translate('es', 'dashboard.loadedAt', { time: '10:00' })).toBe('Cargado a las 10:00');
    expect(translate('en', 'dashboard.loadedAt')).toBe('Loaded at {time}');
  });
});

describe('resolveLanguage', () => {
  it('takes the override, else the first shipped system language, else English', () => {
    expect(resolveLanguage('es', ['en-US'])).toBe('es');
    expect(resolveLanguage('system', ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage(undefined, [])).toBe('en');
  });
});

describe('locale formats', () => {
  it('formats dates and numbers for the locale', () => {
    const iso = '2026-12-01T15:04:00.000Z';
    expect(shortDate(iso, 'es')).toMatch(/dic/);
    expect(shortDate(iso, 'en')).toMatch(/Dec/);
    expect(dateTime('not a date', 'en')).toBe('not a date');
    expect(count(1234.56, 'en')).toBe('1,234.6');
    expect(count(1234.56, 'es')).toMatch(/^1\.?234,6$/);
  });
});
