// How strictly the simulator behaves like a real ServiceStack server: one switch per behaviour,
// the lenient default, the STRICT preset, and the text form used by the CLI and EVO_SIM_STRICT.

export type AuthStatusMode = 'full' | 'no-account-ids' | 'missing';

export interface Strictness {
  /** Largest page sent whatever CountPerPage asks: CountPerPage is clamped to it, then paged. 0: no cap. */
  maxPageSize: number;
  /** Paging as the reference pages describe it: totals but no hasMorePages without SimplifiedPaging;
   *  only the items with it (an empty `items` past the end). Off: totals and hasMorePages both. */
  referencePaging: boolean;
  /** Without SortField and SortOrder, lists come oldest first (dateCreated ascending). Off: newest first. */
  oldestFirst: boolean;
  /** Fields a real server leaves null are absent: anonymous callers, calls without a customer, empty lists. */
  omitNulls: boolean;
  /** Some sessions carry an enum name the reference pages do not list. */
  unknownEnums: boolean;
  /** Some sessions carry a field the reference pages do not list. */
  extraFields: boolean;
  /** Dates as ServiceStack may write them: ISO with Z, with an offset, without one, `/Date(ms+zzzz)/`. */
  mixedDates: boolean;
  /** Some sessions' booleans travel as the strings "true" / "false". */
  stringBooleans: boolean;
  /** How many list answers after a PATCH still show the session as it was before (a lagging replica). */
  staleReads: number;
  /** GET /auth/status (not on the reference pages): all fields, no account ids, or not there at all (404). */
  authStatus: AuthStatusMode;
  /** A voicemail's uri answers 302 to a signed storage address, as servers that keep recordings in a blob store do. */
  fileRedirects: boolean;
  /** GET /sessions ignores SortField and SortOrder (the default order whatever was asked). Off in STRICT too:
   *  a real ServiceStack list honours them; this is another server, which a client must detect. */
  ignoreSort: boolean;
  /** List answers carry ETag and Last-Modified, and a matching If-None-Match / If-Modified-Since gets a
   *  304 with no body. Off in STRICT too: ServiceStack sends them only where a service is written to. */
  conditionalGets: boolean;
}

/** Today's forgiving simulator: what every test gets unless it asks for more. */
export const LENIENT: Readonly<Strictness> = Object.freeze({
  maxPageSize: 0,
  referencePaging: false,
  oldestFirst: false,
  omitNulls: false,
  unknownEnums: false,
  extraFields: false,
  mixedDates: false,
  stringBooleans: false,
  staleReads: 0,
  authStatus: 'full',
  fileRedirects: false,
  ignoreSort: false,
  conditionalGets: false,
});

/** Every behaviour on: what a client must survive before it meets a real server. */
export const STRICT: Readonly<Strictness> = Object.freeze({
  maxPageSize: 100,
  referencePaging: true,
  oldestFirst: true,
  omitNulls: true,
  unknownEnums: true,
  extraFields: true,
  mixedDates: true,
  stringBooleans: true,
  staleReads: 1,
  authStatus: 'no-account-ids',
  fileRedirects: true,
  ignoreSort: false,
  conditionalGets: false,
});

/**
 * Switches that make another server rather than a harder one: STRICT leaves them as a real
 * ServiceStack server has them (the sort honoured, no validators on lists); tests turn them on.
 */
export const SERVER_VARIANTS: readonly (keyof Strictness)[] = ['ignoreSort', 'conditionalGets'];

const AUTH_STATUS_MODES: readonly AuthStatusMode[] = ['full', 'no-account-ids', 'missing'];
export const STRICTNESS_SWITCHES = Object.keys(LENIENT) as Array<keyof Strictness>;

function checked(name: keyof Strictness, value: unknown): Strictness[keyof Strictness] {
  const lenient = LENIENT[name];
  if (typeof lenient === 'boolean') {
    if (typeof value !== 'boolean') throw new Error(`Strictness '${name}' is true or false`);
    return value;
  }
  if (typeof lenient === 'number') {
    if (!(Number.isSafeInteger(value) && (value as number) >= 0))
      throw new Error(`Strictness '${name}' is a whole number, 0 or more`);
    return value as number;
  }
  if (!AUTH_STATUS_MODES.includes(value as AuthStatusMode))
    throw new Error(`Strictness '${name}' is one of ${AUTH_STATUS_MODES.join(', ')}`);
  return value as AuthStatusMode;
}

/** `base` with the switches of `changes` applied, each checked; an unknown switch is an error. */
export function withStrictness(base: Readonly<Strictness>, changes: Partial<Strictness>): Strictness {
  const next: Strictness = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    if (!STRICTNESS_SWITCHES.includes(name as keyof Strictness))
      throw new Error(`Unknown strictness '${name}': use one of ${STRICTNESS_SWITCHES.join(', ')}`);
    if (value !== undefined) Object.assign(next, { [name]: checked(name as keyof Strictness, value) });
  }
  return next;
}

/**
 * The text form: `1`, `all` or `strict` for STRICT; `0`, `off` or empty for LENIENT; otherwise
 * comma-separated switches on top of LENIENT, a bare name turning it on (as STRICT has it for a
 * number: `maxPageSize,staleReads,ignoreSort`) or `name=value` (`maxPageSize=50,authStatus=missing,omitNulls=false`).
 */
export function parseStrictness(text: string | undefined): Strictness {
  const spec = (text ?? '').trim();
  if (/^(1|all|strict|true)$/i.test(spec)) return { ...STRICT };
  if (/^(0|off|lenient|false)?$/i.test(spec)) return { ...LENIENT };
  const changes: Record<string, unknown> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [name = '', value] = part.split('=', 2).map((s) => s.trim());
    const key = STRICTNESS_SWITCHES.find((s) => s.toLowerCase() === name.toLowerCase());
    if (key === undefined)
      throw new Error(`Unknown strictness '${name}': use one of ${STRICTNESS_SWITCHES.join(', ')}`);
    const lenient = LENIENT[key];
    if (value === undefined) changes[key] = typeof lenient === 'boolean' ? true : STRICT[key];
    else if (typeof lenient === 'boolean') changes[key] = /^(1|true|on)$/i.test(value);
    else if (typeof lenient === 'number') changes[key] = /^\d+$/.test(value) ? Number(value) : NaN;
    else changes[key] = value;
  }
  return withStrictness(LENIENT, changes as Partial<Strictness>);
}
