// Parses Evo Voice JSON bodies into the types of evovoice.ts: checks every known field's type
// in place (cheap enough for 10,000 sessions a poll), drops a field of the wrong type and says
// so, keeps unknown enum names and extra fields (dropping one nested or large enough to break
// JSON.stringify or the IPC copy later), and never throws on a well-formed JSON value. Dates
// (every format the API uses) become ISO 8601 in UTC, booleans sent as "true"/"false" booleans.
import { normalApiDate } from './dates';
import type {
  AppHomeResponse,
  AuthenticateResponse,
  AuthStatusResponse,
  CustomerBreadcrumb,
  EntityInfo,
  FileInfo,
  HostedSuiteCompletedForm,
  ListResponse,
  MessageInfo,
  ResponseStatus,
  SessionInfo,
} from './evovoice';

type Field = 'string' | 'date' | 'number' | 'boolean' | 'enum' | 'strings' | 'stringMap' | Shape | ShapeList;
interface Shape {
  readonly object: Fields;
}
interface ShapeList {
  readonly list: Fields;
  /** An item already parsed and equal to this one: reused as is, not checked again. */
  readonly known?: KnownSession;
}
type Fields = Readonly<Record<string, Field>>;

/** The kinds that can describe a value of type `V`. */
type FieldFor<V> = [V] extends [string]
  ? 'string' | 'enum' | 'date'
  : [V] extends [number]
    ? 'number'
    : [V] extends [boolean]
      ? 'boolean'
      : [V] extends [string[]]
        ? 'strings'
        : [V] extends [(infer Item)[]]
          ? { readonly list: FieldsOf<Item>; readonly known?: KnownSession }
          : [V] extends [Record<string, string>]
            ? 'stringMap'
            : { readonly object: FieldsOf<V> };

/**
 * A table for the wire type `T`: exactly its fields, each with a kind that fits the field's type.
 * A field left out of a table, or added to the type without the table, fails `npm run typecheck`.
 */
type FieldsOf<T> = { readonly [K in keyof T]-?: FieldFor<NonNullable<T[K]>> };

const entity = {
  id: 'string',
  dateCreated: 'date',
  dateLastModified: 'date',
  createdBy: 'string',
  lastModifiedBy: 'string',
} as const satisfies FieldsOf<EntityInfo>;
const breadcrumb = { id: 'string', name: 'string' } as const satisfies FieldsOf<CustomerBreadcrumb>;

export const sessionFields = {
  dialState: 'enum',
  callState: 'enum',
  queueState: 'enum',
  accountId: 'string',
  accountName: 'string',
  customerId: 'string',
  customerBreadcrumb: { list: breadcrumb },
  customerName: 'string',
  endpointId: 'string',
  endpointName: 'string',
  dateCompleted: 'date',
  destination: 'string',
  toAddress: 'string',
  fromAddress: 'string',
  fromName: 'string',
  answeredByName: 'string',
  queueMemberId: 'string',
  channel: 'enum',
  ended: 'boolean',
  outcome: 'string',
  callSid: 'string',
  consoleData: 'string',
  holdQueueName: 'string',
  heldByUserId: 'string',
  holdReason: 'enum',
  conferenceSid: 'string',
  displayName: 'string',
  log: { list: { date: 'date', message: 'string' } },
  members: {
    list: {
      identity: 'string',
      endpointId: 'string',
      displayName: 'string',
      isOriginalMember: 'boolean',
      avatarUrl: 'string',
      applicationData: 'stringMap',
      callState: 'enum',
      role: 'enum',
      callSid: 'string',
      muted: 'boolean',
    },
  },
  callbackNumber: 'string',
  answeredById: 'string',
  direction: 'enum',
  fromPhoneNumber: 'string',
  mostRecentParticipantCallSid: 'string',
  wasMissed: 'boolean',
  ringQueueId: 'string',
  ...entity,
} as const satisfies FieldsOf<SessionInfo>;

const messageFields = {
  id: 'string',
  accountId: 'string',
  customerId: 'string',
  endpointId: 'string',
  endpointDisplayName: 'string',
  date: 'date',
  direction: 'enum',
  otherAddress: 'string',
  sender: 'string',
  text: 'string',
  isUnread: 'boolean',
} as const satisfies FieldsOf<MessageInfo>;

const fileFields = {
  type: 'enum',
  accountId: 'string',
  accountName: 'string',
  customerId: 'string',
  customerName: 'string',
  customerBreadcrumb: { list: breadcrumb },
  userId: 'string',
  userName: 'string',
  fileName: 'string',
  uri: 'string',
  contentType: 'string',
  contentLength: 'number',
  recordingSid: 'string',
  recordingDuration: 'number',
  recordingFrom: 'string',
  transcription: 'string',
  fromAddress: 'string',
  toAddress: 'string',
  aiTranscription: 'string',
  ...entity,
} as const satisfies FieldsOf<FileInfo>;

const formFields = {
  id: 'string',
  name: 'string',
  dateCreated: 'date',
  dateCompleted: 'date',
  formId: 'string',
  formName: 'string',
  clientId: 'string',
  clientName: 'string',
  contactId: 'string',
  contactName: 'string',
  contactsIds: 'strings',
  contactsNames: 'strings',
  emailSubject: 'string',
  callerNumber: 'string',
  fields: { list: { name: 'string', values: 'strings' } },
} as const satisfies FieldsOf<HostedSuiteCompletedForm>;

const homeFields = {
  isHostedSuiteCustomer: 'boolean',
  conversations: {
    list: { id: 'string', endpointId: 'string', otherAddress: 'string', mostRecentMessage: { object: messageFields } },
  },
  calls: { list: sessionFields },
  callMetrics: { list: { metricKey: 'string', total: 'number', average: 'number' } },
  voicemail: { list: fileFields },
  forms: { list: formFields },
} as const satisfies FieldsOf<AppHomeResponse>;

const sessionListFields = {
  items: { list: sessionFields },
  totalCount: 'number',
  totalPages: 'number',
  hasMorePages: 'boolean',
} as const satisfies FieldsOf<ListResponse<SessionInfo>>;

const responseStatusFields = {
  errorCode: 'string',
  message: 'string',
  stackTrace: 'string',
  errors: { list: { errorCode: 'string', fieldName: 'string', message: 'string' } },
} as const satisfies FieldsOf<ResponseStatus>;

const authenticateFields = {
  userId: 'string',
  userName: 'string',
  displayName: 'string',
  sessionId: 'string',
  responseStatus: { object: responseStatusFields },
} as const satisfies FieldsOf<AuthenticateResponse>;

const authStatusFields = {
  userId: 'string',
  userName: 'string',
  displayName: 'string',
  accountIds: 'strings',
  accountNames: 'strings',
} as const satisfies FieldsOf<AuthStatusResponse>;

/**
 * Returns the earlier parsed session equal to `item`, if there is one. `checked` holds items that
 * are such sessions already (reused unchanged from the last parse of their page): they are taken
 * as they are, without being normalized and compared again.
 */
export interface KnownSession {
  (item: Record<string, unknown>): SessionInfo | undefined;
  readonly checked?: ReadonlySet<unknown>;
}

/** What a parse had to drop; empty when the body matched the contract. */
export interface Parsed<T> {
  value: T;
  dropped: string[];
}

/** Raised when the body is not the JSON object the endpoint promises at all. */
export class WireShapeError extends Error {
  override readonly name = 'WireShapeError';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Bounds on a field the tables do not know: deeper or larger ones are dropped like a wrong type. */
export const UNKNOWN_FIELD_LIMITS = { depth: 64, values: 10_000, characters: 1_000_000 };

/** Whether an unknown field stays within UNKNOWN_FIELD_LIMITS; walks without recursion. */
function withinLimits(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  let values = 0;
  let characters = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [v, depth] = next;
    values += 1;
    if (values > UNKNOWN_FIELD_LIMITS.values || depth > UNKNOWN_FIELD_LIMITS.depth) return false;
    if (typeof v === 'string') characters += v.length;
    else if (typeof v === 'object' && v !== null) {
      for (const child of Array.isArray(v) ? v : Object.values(v)) pending.push([child, depth + 1]);
    }
    if (characters > UNKNOWN_FIELD_LIMITS.characters) return false;
  }
  return true;
}

/**
 * The value as the types have it, for the loose forms a server may send: a date in any of the
 * API's formats as ISO 8601 in UTC (a string that is no date stays as sent), "true"/"false" as a
 * boolean. Anything else is returned as it is, for `fits` to judge.
 */
function normal(kind: Field, v: unknown): unknown {
  if (kind === 'date' && typeof v === 'string') return normalApiDate(v) ?? v;
  if (kind === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

/** Where a table has loose forms: its date and boolean fields, and the nested tables that have some. */
interface LoosePlaces {
  fields: [string, Field][];
  nested: [string, Fields, 'object' | 'list'][];
}
const loosePlaces = new WeakMap<Fields, LoosePlaces>();

function placesOf(fields: Fields): LoosePlaces {
  let places = loosePlaces.get(fields);
  if (places) return places;
  places = { fields: [], nested: [] };
  for (const [key, kind] of Object.entries(fields)) {
    if (kind === 'date' || kind === 'boolean') places.fields.push([key, kind]);
    else if (typeof kind === 'object') {
      const inner = 'object' in kind ? kind.object : kind.list;
      const deeper = placesOf(inner);
      if (deeper.fields.length > 0 || deeper.nested.length > 0)
        places.nested.push([key, inner, 'object' in kind ? 'object' : 'list']);
    }
  }
  loosePlaces.set(fields, places);
  return places;
}

/**
 * Puts the loose forms in `obj` (nested too) into the types' forms in place, so `known` can
 * compare an unchanged session with the one parsed before. Visits only the fields that can be loose.
 */
function normalize(obj: Record<string, unknown>, fields: Fields): void {
  const places = placesOf(fields);
  for (const [key, kind] of places.fields) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    const value = normal(kind, v);
    if (value !== v) obj[key] = value;
  }
  for (const [key, inner, shape] of places.nested) {
    const v = obj[key];
    if (shape === 'object') {
      if (isRecord(v)) normalize(v, inner);
    } else if (Array.isArray(v)) {
      for (const item of v as unknown[]) if (isRecord(item)) normalize(item, inner);
    }
  }
}

function fits(kind: Field, v: unknown, path: string, dropped: string[]): boolean {
  switch (kind) {
    case 'string':
    case 'enum':
    case 'date':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'strings':
      return Array.isArray(v) && v.every((s) => typeof s === 'string');
    case 'stringMap':
      return isRecord(v) && Object.values(v).every((s) => typeof s === 'string');
    default:
      if ('object' in kind) {
        if (!isRecord(v)) return false;
        check(v, kind.object, path, dropped);
        return true;
      }
      if (!Array.isArray(v)) return false;
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (!isRecord(item)) {
          dropped.push(`${path}[${i}]`);
          v.splice(i, 1);
          continue;
        }
        if (kind.known?.checked?.has(item)) continue;
        if (kind.known) normalize(item, kind.list);
        const known = kind.known?.(item);
        if (known) v[i] = known;
        else check(item, kind.list, `${path}[${i}]`, dropped);
      }
      return true;
  }
}

function check(obj: Record<string, unknown>, fields: Fields, path: string, dropped: string[]): void {
  for (const key in fields) {
    const sent = obj[key];
    if (sent === undefined) continue;
    if (sent === null) {
      delete obj[key];
      continue;
    }
    const kind = fields[key] as Field;
    const v = normal(kind, sent);
    if (v !== sent) obj[key] = v;
    if (!fits(kind, v, path ? `${path}.${key}` : key, dropped)) {
      dropped.push(path ? `${path}.${key}` : key);
      delete obj[key];
    }
  }
  for (const key in obj) {
    if (Object.hasOwn(fields, key) || withinLimits(obj[key])) continue;
    dropped.push(path ? `${path}.${key}` : key);
    delete obj[key];
  }
}

function parseWith<T>(raw: unknown, fields: Fields, what: string): Parsed<T> {
  if (!isRecord(raw)) throw new WireShapeError(`Evo Voice sent something that is not ${what}`);
  const dropped: string[] = [];
  check(raw, fields, '', dropped);
  return { value: raw as T, dropped };
}

export const parseSession = (raw: unknown): Parsed<SessionInfo> => parseWith(raw, sessionFields, 'a call');
/**
 * `known` lets a poller skip re-checking sessions it parsed before and that did not change:
 * it returns the earlier, already checked object when it equals the raw item.
 */
export const parseSessionList = (raw: unknown, known?: KnownSession): Parsed<ListResponse<SessionInfo>> =>
  parseWith(
    raw,
    known ? { ...sessionListFields, items: { list: sessionFields, known } } : sessionListFields,
    'a list of calls',
  );
export const parsePortalHome = (raw: unknown): Parsed<AppHomeResponse> => parseWith(raw, homeFields, 'a dashboard');
export const parseAuthenticate = (raw: unknown): Parsed<AuthenticateResponse> =>
  parseWith(raw, authenticateFields, 'a sign-in answer');
export const parseAuthStatus = (raw: unknown): Parsed<AuthStatusResponse> =>
  parseWith(raw, authStatusFields, 'an account list');

/** The `responseStatus` of an error body, if the body has a usable one. */
export function parseResponseStatus(raw: unknown): ResponseStatus | undefined {
  if (!isRecord(raw) || !isRecord(raw.responseStatus)) return undefined;
  const status = raw.responseStatus;
  check(status, responseStatusFields, 'responseStatus', []);
  return status as ResponseStatus;
}
