// How a strict server writes sessions on the wire: null fields left out, enum names and fields the
// reference pages do not list, mixed date formats, string booleans and stale replica reads; each
// on a share of the sessions picked from the seed and the session id, so a session looks the same
// on every poll.
import type { SessionInfo, SessionMemberInfo } from '../shared/evovoice';
import type { Strictness } from './strictness';
import type { SimEndpoint } from './types';

/** A field the reference pages do not list, as a newer server would add it. */
export const EXTRA_SESSION_FIELD = 'transcriptionStatus';
/** Enum names the reference pages do not list, one per field, as a newer server would add them. */
export const UNKNOWN_ENUM_NAMES = {
  channel: 'Video',
  queueState: 'Overflow',
  dialState: 'Connecting',
  role: 'Supervisor',
} as const;
const DATE_FIELDS = ['dateCreated', 'dateLastModified', 'dateCompleted'] as const;
const MINUTE = 60_000;

type Wire = Record<string, unknown>;

/** FNV-1a of the seed, a per-behaviour salt and the id: a stable share of the sessions. */
function bucket(seed: number, salt: string, id: string, of: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of `${salt}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0) % of;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** One instant written four ways: as stored (Z), with an offset, without one (UTC meant), `/Date()/`. */
export function writeDate(iso: string, style: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || style === 0) return iso;
  if (style === 1) {
    const offset = -5 * 60;
    const local = new Date(ms + offset * MINUTE).toISOString().slice(0, 23);
    return `${local}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  }
  if (style === 2) return `${new Date(ms).toISOString().slice(0, 19)}.${pad(ms % 1000, 3)}0000`;
  return `/Date(${ms}+0100)/`;
}

function shapeMember(m: SessionMemberInfo, s: Strictness, anonymous: boolean, loose: boolean, role: boolean): Wire {
  const out: Wire = { ...m };
  if (s.omitNulls && anonymous && m.role === 'Caller') delete out.displayName;
  if (s.omitNulls && m.applicationData !== undefined && Object.keys(m.applicationData).length === 0)
    delete out.applicationData;
  if (loose) {
    for (const key of ['isOriginalMember', 'muted'] as const)
      if (typeof m[key] === 'boolean') out[key] = String(m[key]);
  }
  if (role && m.role === 'Agent') out.role = UNKNOWN_ENUM_NAMES.role;
  return out;
}

/**
 * The session as this server writes it. `pinned` names the fields a test set through the control
 * API: those are never left out or given an unknown enum name (only their format may change).
 */
export function shapeSession(
  session: SessionInfo,
  s: Strictness,
  seed: number,
  pinned: ReadonlySet<string> = new Set(),
): Wire {
  const id = session.id ?? '';
  const out: Wire = { ...session };
  const drop = (key: string): void => {
    if (!pinned.has(key)) delete out[key];
  };
  const drift = (key: 'channel' | 'queueState' | 'dialState', name: string): void => {
    if (!pinned.has(key)) out[key] = name;
  };
  const anonymous = s.omitNulls && bucket(seed, 'anonymous', id, 4) === 0;
  const noCustomer = s.omitNulls && bucket(seed, 'no-customer', id, 4) === 0;
  const loose = s.stringBooleans && bucket(seed, 'booleans', id, 3) === 0;
  const drifted = s.unknownEnums && bucket(seed, 'enum', id, 3) === 0 ? bucket(seed, 'which-enum', id, 4) : -1;
  if (anonymous) for (const key of ['fromName', 'displayName'] as const) drop(key);
  if (noCustomer) for (const key of ['customerId', 'customerName', 'customerBreadcrumb'] as const) drop(key);
  if (s.omitNulls) {
    for (const key of ['log', 'members', 'customerBreadcrumb'] as const)
      if (Array.isArray(out[key]) && (out[key] as unknown[]).length === 0) delete out[key];
  }
  if (drifted === 0) drift('channel', UNKNOWN_ENUM_NAMES.channel);
  if (drifted === 1) drift('queueState', UNKNOWN_ENUM_NAMES.queueState);
  if (drifted === 2) drift('dialState', UNKNOWN_ENUM_NAMES.dialState);
  if (s.extraFields && bucket(seed, 'extra', id, 3) === 0) out[EXTRA_SESSION_FIELD] = 'Pending';
  if (loose) {
    for (const key of ['ended', 'wasMissed'] as const)
      if (typeof session[key] === 'boolean') out[key] = String(session[key]);
  }
  if (Array.isArray(out.members))
    out.members = session.members?.map((m) =>
      shapeMember(m, s, anonymous && !pinned.has('members'), loose, drifted === 3 && !pinned.has('members')),
    );
  if (s.mixedDates) {
    const style = bucket(seed, 'dates', id, 4);
    for (const key of DATE_FIELDS) if (session[key] !== undefined) out[key] = writeDate(session[key], style);
    if (Array.isArray(out.log))
      out.log = session.log?.map((entry) =>
        entry.date === undefined ? entry : { ...entry, date: writeDate(entry.date, style) },
      );
  }
  return out;
}

const shapesSessions = (s: Strictness): boolean =>
  s.omitNulls || s.unknownEnums || s.extraFields || s.mixedDates || s.stringBooleans;

/** Where an endpoint's answer keeps its sessions. */
function sessionsOf(endpoint: SimEndpoint, body: Wire): { key?: 'items' | 'calls'; list: SessionInfo[] } {
  if (endpoint === 'patch-session') return { list: [body as SessionInfo] };
  const key = endpoint === 'home' ? 'calls' : 'items';
  const list = body[key];
  return Array.isArray(list) ? { key, list: list as SessionInfo[] } : { list: [] };
}

export const SESSION_ENDPOINTS: ReadonlySet<SimEndpoint> = new Set([
  'sessions',
  'patch-session',
  'activity',
  'call-history',
  'home',
]);

/** What shaping an answer needs to know about the world. */
export interface ShapeContext {
  strictness: Strictness;
  seed: number;
  /** Fields set through the control API, by session id. */
  pinned: ReadonlyMap<string, ReadonlySet<string>>;
  /** May swap a session for a stale copy (GETs only). */
  view?: (s: SessionInfo) => SessionInfo;
}

/** A successful answer as a strict server sends it. */
export function shapeAnswer(endpoint: SimEndpoint, body: unknown, context: ShapeContext): unknown {
  if (!SESSION_ENDPOINTS.has(endpoint) || typeof body !== 'object' || body === null) return body;
  const { strictness, seed, pinned, view = (s: SessionInfo) => s } = context;
  const shape = (s: SessionInfo): unknown =>
    shapesSessions(strictness) ? shapeSession(view(s), strictness, seed, pinned.get(s.id ?? '')) : view(s);
  const { key, list } = sessionsOf(endpoint, body as Wire);
  if (key === undefined) return endpoint === 'patch-session' ? shape(list[0] as SessionInfo) : body;
  return { ...(body as Wire), [key]: list.map(shape) };
}
