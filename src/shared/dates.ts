// The one reader of the dates Evo Voice sends: ISO 8601 with or without an offset (none means
// UTC, as ServiceStack writes its UTC dates) and ServiceStack's `/Date(ms±zzzz)/`.

/** `/Date(1700000000000)/` or `/Date(1700000000000+0100)/`: milliseconds since 1970 UTC; the offset only says where. */
const SERVICESTACK_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
/** Date, optional time with any number of fraction digits, optional `Z` or `±hh:mm` / `±hhmm`. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Already the console's own form: read by Date.parse (most dates of most polls). */
const NORMAL_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The shape of the console's own form, by a few characters: cheaper than the pattern, on every date of every poll. */
function inNormalForm(text: string): boolean {
  return (
    text.length === 24 &&
    text.charCodeAt(23) === 90 && // Z
    text.charCodeAt(19) === 46 && // .
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(4) === 45 // -
  );
}

/** Milliseconds since 1970 UTC of a date as the API sends it; undefined when it is not one. */
export function apiDateMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (NORMAL_FORM.test(text)) {
    const ms = Date.parse(text);
    return !Number.isNaN(ms) && new Date(ms).toISOString() === text ? ms : undefined;
  }
  const value = text.trim();
  const wcf = SERVICESTACK_DATE.exec(value);
  if (wcf) {
    const ms = Number(wcf[1]);
    return Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
  }
  const iso = ISO_DATE.exec(value);
  if (!iso) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = iso;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  return zone === undefined || zone.toUpperCase() === 'Z' ? utc : utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/**
 * The date in the one form the console keeps (ISO 8601 in UTC, `…Z`); undefined when it is not
 * a date. Text already of that shape is answered as it is, unchecked: this runs on every date of
 * every poll, and `apiDateMs` still refuses an impossible one when it is read.
 */
export function normalApiDate(text: string): string | undefined {
  if (inNormalForm(text)) return text;
  const ms = apiDateMs(text);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
