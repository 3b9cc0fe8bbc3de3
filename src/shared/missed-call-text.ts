// The words of a missed-call notification, for any shell: who called (name and number), on which line, and how long ago, in English or Spanish;
// or, private (for screens others can see), the line and the time only.
import type { MissedCall } from './live';

const en = {
  from: 'Missed call from {who}',
  on: 'On {line}',
  privateOn: 'Missed call on {line}',
  privateCall: 'Missed call',
  missed: 'Missed',
  burstTitle: 'Missed calls',
  burstBody: '{count} missed calls while you were away',
};
const es: Record<keyof typeof en, string> = {
  from: 'Llamada perdida de {who}',
  on: 'En {line}',
  privateOn: 'Llamada perdida en {line}',
  privateCall: 'Llamada perdida',
  missed: 'Perdida',
  burstTitle: 'Llamadas perdidas',
  burstBody: '{count} llamadas perdidas mientras no estaba',
};

export interface NotificationText {
  title: string;
  body: string;
}

function words(locale: string): typeof en {
  return locale.toLowerCase().startsWith('es') ? es : en;
}

const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** "2 minutes ago", "now", "hace 2 minutos": the largest whole unit since `at`; "" for a date that does not parse. */
export function howLongAgo(at: string, now: number, locale: string): string {
  const then = Date.parse(at);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** The locale notifications are written in: the language chosen in Settings, or the system's. */
export function notificationLocale(language: string): string {
  return language === 'system' ? Intl.DateTimeFormat().resolvedOptions().locale : language;
}

/** One missed call: "Missed call from Ana Ruiz (+1 555…)", "On Support line · 3 minutes ago". */
export function missedCallText(call: MissedCall, now: number, locale = 'en'): NotificationText {
  const w = words(locale);
  const who = call.fromName && call.fromName !== call.from ? `${call.fromName} (${call.from})` : call.from;
  const ago = call.at ? howLongAgo(call.at, now, locale) : '';
  const where = call.line ? fill(w.on, { line: call.line }) : w.missed;
  return { title: fill(w.from, { who }), body: ago ? `${where} · ${ago}` : where };
}

/** One missed call without who called: "Missed call on Support line", "3 minutes ago". */
export function privateMissedCallText(
  call: Pick<MissedCall, 'line' | 'at'>,
  now: number,
  locale = 'en',
): NotificationText {
  const w = words(locale);
  const ago = call.at ? howLongAgo(call.at, now, locale) : '';
  return { title: call.line ? fill(w.privateOn, { line: call.line }) : w.privateCall, body: ago };
}

/** A burst of missed calls in one notification. */
export function missedBurstText(count: number, locale = 'en'): NotificationText {
  const w = words(locale);
  return { title: w.burstTitle, body: fill(w.burstBody, { count: new Intl.NumberFormat(locale).format(count) }) };
}
