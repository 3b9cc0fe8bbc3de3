// Time as the agent reads it: elapsed time in a state, clock times, dates for inputs.
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

export function clockTime(iso: string | undefined): string {
  const ms = apiDateMs(iso);
  return ms === undefined
    ? ''
    : new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function dateTime(iso: string | undefined): string {
  if (!iso) return '';
  const ms = apiDateMs(iso);
  return ms === undefined ? iso : new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** Seconds as "m:ss". */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
