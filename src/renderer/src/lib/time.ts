// Time and numbers as the agent reads them, for a locale (`Intl`): elapsed time in a state, clock times, dates, durations, counts.
import { apiDateMs } from '../../../shared/dates';

/** "0:07", "12:34", "1:02:03" since `iso`, at `now` (ms). Unknown dates give "". */
export function elapsed(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const start = apiDateMs(iso);
  if (start === undefined) return '';
  const total = Math.max(0, Math.floor((now - start) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function parsed(iso: string | undefined): Date | undefined {
  const ms = apiDateMs(iso);
  return ms === undefined ? undefined : new Date(ms);
}

/** A clock time with seconds ("14:05:09", "2:05:09 PM"); `locale` undefined is the system's. */
export function clockTime(iso: string | undefined, locale?: string): string {
  const d = parsed(iso);
  return d ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d) : '';
}

/** A date and time, medium date and short time; a date that does not parse is shown as sent. */
export function dateTime(iso: string | undefined, locale?: string): string {
  const d = parsed(iso);
  if (!d) return iso ?? '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A date alone, medium style ("1 Dec 2026", "1 dic 2026"). */
export function shortDate(iso: string | undefined, locale?: string): string {
  const d = parsed(iso);
  return d ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d) : '';
}

/** Seconds as "m:ss" (hours as "h:mm:ss"). */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  return elapsed(new Date(0).toISOString(), Math.round(seconds) * 1000);
}

/** A count or an average, grouped and with at most one decimal, for the locale. */
export function count(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}
