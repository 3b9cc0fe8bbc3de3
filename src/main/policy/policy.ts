// What an administrator can set outside the app (registry, managed preferences, /etc JSON): the
// keys, their types, and the key-by-key check that turns what the readers found into a Policy.
import { z } from 'zod';

import { isDialerTemplate } from '../../shared/dialer';
import { UPDATE_CHANNELS } from '../../shared/ipc-constants';

const FLAG_WORDS: Record<string, boolean> = {
  '1': true,
  '0': false,
  true: true,
  false: false,
  yes: true,
  no: false,
  on: true,
  off: false,
};
/** A flag: true/false (plist, JSON), 1/0 (REG_DWORD) or the text "1"/"0", "true"/"false", "yes"/"no", "on"/"off" (REG_SZ), any case. */
const flag = z
  .preprocess(
    (value) => (typeof value === 'string' ? (FLAG_WORDS[value.trim().toLowerCase()] ?? value) : value),
    z.union([z.boolean(), z.literal(0), z.literal(1)], { error: 'must be true/false or 1/0' }),
  )
  .transform(Boolean);
const text = (max: number) => z.string().trim().max(max);
const url = (schemes: RegExp, words: string) =>
  text(2000).refine((value) => schemes.test(value) && URL.canParse(value), words);
const httpUrl = url(/^https?:\/\/[^\s/]+/i, 'must be an http(s) URL');
const httpsUrl = url(/^https:\/\/[^\s/]+/i, 'must be an https URL');

/** One of `values`, as an admin may type it (`Stable`, ` deny `): matched ignoring case and spaces. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value), z.enum(values));

export const policySchema = z.strictObject({
  /** Preset server; the agent cannot sign in to another one. */
  serverUrl: httpUrl.optional(),
  /** False hides the embedded demo. */
  demoAllowed: flag.optional(),
  /** Forces start at login on (true) or off (false). */
  startAtLogin: flag.optional(),
  /** Forces starting in the tray (true) or with the window (false). */
  startHidden: flag.optional(),
  /** False: never check for, download or install updates. */
  updatesAllowed: flag.optional(),
  /** The folder the update feed (latest*.yml + installers) is served from (https only). */
  updateUrl: httpsUrl.optional(),
  updateChannel: choice(UPDATE_CHANNELS).optional(),
  /** False turns GPU acceleration off (VDI / Citrix desktops). */
  hardwareAcceleration: flag.optional(),
  /** False turns hold-time reminders off (the timers on the rows still run). */
  holdAlerts: flag.optional(),
  /** Where crash reports are uploaded (https only); without it minidumps stay on the workstation. */
  crashReportUrl: httpsUrl.optional(),
  /** Whether an agent may hold or resume a call that is not theirs: freely, after a question, or never. */
  holdOthersCalls: choice(['allow', 'confirm', 'deny'] as const).optional(),
  /** Hosts besides the Evo Voice server that voicemail recordings may be fetched from (e.g. a blob store). */
  recordingHosts: z
    .union([z.array(z.string().max(253)), z.string().max(4000)])
    .transform((value) => (typeof value === 'string' ? value.split(/[\s,;]+/) : value).filter(Boolean))
    .optional(),
  /** True: desktop notifications say "Missed call on <line>" without the caller's name or number. */
  privateNotifications: flag.optional(),
  /** The dialer a "Call back" opens, with `{number}` for the E.164 number, e.g. `callto:{number}`. */
  dialerUriTemplate: z
    .string()
    .max(500)
    .refine(isDialerTemplate, 'must be a dialer URI with {number} (not http, https, file or a script)')
    .optional(),
});
export type Policy = z.output<typeof policySchema>;
export type PolicyKey = keyof Policy;
export const POLICY_KEYS = Object.keys(policySchema.shape) as PolicyKey[];

/**
 * Fail closed: what applies when a key that restricts the agent is set but cannot be used (bad
 * value), or when a policy exists but cannot be read at all (every key here then applies). A
 * server lock that cannot be read blocks sign-in (`PolicyCheck.signInBlocked`); an update feed
 * that cannot be read turns updates off. Keys not listed keep their default.
 */
export const FAIL_CLOSED: Partial<Record<PolicyKey, Partial<Policy>>> = {
  serverUrl: {},
  demoAllowed: { demoAllowed: false },
  updatesAllowed: { updatesAllowed: false },
  updateUrl: { updatesAllowed: false },
  updateChannel: { updateChannel: 'stable' },
  holdOthersCalls: { holdOthersCalls: 'deny' },
  privateNotifications: { privateNotifications: true },
};
export const RESTRICTING_KEYS = Object.keys(FAIL_CLOSED) as PolicyKey[];

/** Raw values found at one place, as a reader returns them. */
export interface PolicySource {
  /** Where they were read, for the log line and the notice (a file path or a registry key). */
  origin: string;
  values: Record<string, unknown>;
}

/** A place that holds a policy the reader could not read (no JSON, a broken plist, reg.exe failing). */
export interface UnreadablePolicy {
  origin: string;
  problem: string;
}

/** Thrown by a reader that found a policy it cannot read (not JSON, not a plist, not a registry dump). */
export class MalformedPolicyError extends Error {
  override readonly name = 'MalformedPolicyError';
}

/** A registry value of a type the policy does not read (REG_BINARY...): a problem for its key only. */
export class UnsupportedValue {
  constructor(readonly type: string) {}
}

export interface KeyProblem {
  origin: string;
  key: string;
  problem: string;
}

export interface PolicyCheck {
  policy: Policy;
  /** Keys set with a value that cannot be used: each skipped (failed closed when it restricts). */
  problems: KeyProblem[];
  /** Names no key of this version knows (a newer console's key, or a typo): ignored. */
  unknown: { origin: string; key: string }[];
  /** Restricting keys that applied their FAIL_CLOSED value. */
  failedClosed: PolicyKey[];
  /** Sign-in is refused: the server lock is set but cannot be read. */
  signInBlocked: boolean;
}

const KEY_BY_LOWER = new Map(POLICY_KEYS.map((key) => [key.toLowerCase(), key]));

/** Matches a written name to its key, ignoring case (`ServerUrl` is `serverUrl`). */
export const policyKeyOf = (name: string): PolicyKey | undefined => KEY_BY_LOWER.get(name.trim().toLowerCase());

function checkValue(key: PolicyKey, value: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (value instanceof UnsupportedValue) {
    return { ok: false, problem: `is ${value.type}; use REG_SZ for text and REG_DWORD for 1/0` };
  }
  const parsed = policySchema.shape[key].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((issue) => issue.message).join('; ') };
}

/** Each key's value from the first source that sets it (sources highest precedence first). */
function decideKeys(sources: PolicySource[], refuse: (key: PolicyKey) => string | undefined) {
  const values: Record<string, unknown> = {};
  const problems: KeyProblem[] = [];
  const unknown: PolicyCheck['unknown'] = [];
  const decided = new Set<PolicyKey>();
  for (const source of sources) {
    const byKey = new Map<PolicyKey, [string, unknown][]>();
    for (const [name, value] of Object.entries(source.values)) {
      const key = policyKeyOf(name);
      if (!key) unknown.push({ origin: source.origin, key: name });
      else byKey.set(key, [...(byKey.get(key) ?? []), [name, value]]);
    }
    for (const [key, written] of byKey) {
      if (decided.has(key)) continue;
      decided.add(key);
      const refused = refuse(key);
      const checked = refused
        ? { ok: false as const, problem: refused }
        : written.length > 1
          ? { ok: false as const, problem: `is set ${written.length} times (${written.map(([n]) => n).join(', ')})` }
          : checkValue(key, written[0]![1]);
      if (checked.ok) values[key] = checked.value;
      else problems.push({ origin: source.origin, key, problem: checked.problem });
    }
  }
  return { values, problems, unknown };
}

/**
 * Checks each key on its own. `sources` come highest precedence first (machine before user):
 * the first source that sets a key decides it, even with a bad value (a user's value never
 * replaces a machine value the admin got wrong). `unreadable` places fail every restricting key closed.
 */
export function checkPolicy(sources: PolicySource[], unreadable: UnreadablePolicy[] = []): PolicyCheck {
  const { values: policy, problems, unknown } = decideKeys(sources, () => undefined);
  const failed = new Set<PolicyKey>(unreadable.length ? RESTRICTING_KEYS : []);
  for (const { key } of problems) if (Object.hasOwn(FAIL_CLOSED, key)) failed.add(key as PolicyKey);
  for (const key of failed) {
    delete policy[key];
    Object.assign(policy, FAIL_CLOSED[key]);
  }
  return {
    policy: policy as Policy,
    problems,
    unknown,
    failedClosed: [...failed],
    signInBlocked: failed.has('serverUrl'),
  };
}

/**
 * Keys an administrator may also recommend: a starting value the agent may change (Chrome's
 * "Recommended" policies). Only settings the agent already changes in the console (Settings, the
 * sign-in form), so a recommendation is never looser than setting nothing. The other keys act where
 * the agent has no control (updates and their feed, crash reports, recording hosts, the demo, GPU,
 * colleagues' calls): an administrator enforces them or leaves them unset; recommended, they are
 * skipped with a log line.
 */
export const RECOMMENDABLE_KEYS = [
  'serverUrl',
  'startAtLogin',
  'startHidden',
  'holdAlerts',
  'privateNotifications',
  'dialerUriTemplate',
] as const satisfies readonly PolicyKey[];
export type RecommendableKey = (typeof RECOMMENDABLE_KEYS)[number];
export type Recommended = Pick<Policy, RecommendableKey>;
export const isRecommendable = (key: PolicyKey): key is RecommendableKey =>
  (RECOMMENDABLE_KEYS as readonly PolicyKey[]).includes(key);

/** Where recommended values sit: a registry sub-key, a plist dictionary, a JSON object of this name (any case). */
export const RECOMMENDED_NAME = 'Recommended';

export interface RecommendedCheck {
  recommended: Recommended;
  problems: KeyProblem[];
  unknown: { origin: string; key: string }[];
}

/**
 * Checks recommended values with the enforced keys' rules, key by key (the first source that sets
 * a key decides it); a key that cannot be recommended is a problem for that key only. Nothing
 * fails closed: a recommendation that cannot be used leaves the agent's setting or the default.
 */
export function checkRecommended(sources: PolicySource[]): RecommendedCheck {
  const { values, problems, unknown } = decideKeys(sources, (key) =>
    isRecommendable(key)
      ? undefined
      : 'cannot be recommended (the agent has no say over it): set it as enforced policy',
  );
  return { recommended: values as Recommended, problems, unknown };
}

/**
 * One place's values split into the enforced keys and its recommended dictionary (plist, JSON; the
 * registry's Recommended sub-key is read as a place of its own). A recommended entry that is not a
 * dictionary is a problem for it alone; a second one in another case (`recommended` and
 * `Recommended`) is not used and is named, so the administrator learns that half the file is ignored.
 */
export function splitRecommended(source: PolicySource): {
  enforced: PolicySource;
  recommended?: PolicySource;
  problems: KeyProblem[];
} {
  const names = Object.keys(source.values).filter((key) => key.trim().toLowerCase() === RECOMMENDED_NAME.toLowerCase());
  const [name, ...again] = names;
  if (name === undefined) return { enforced: source, problems: [] };
  const rest = Object.fromEntries(Object.entries(source.values).filter(([key]) => !names.includes(key)));
  const enforced = { origin: source.origin, values: rest };
  const problems: KeyProblem[] = again.map((key) => ({
    origin: source.origin,
    key,
    problem: `repeats '${name}' in another case: only '${name}' is used; merge the two`,
  }));
  const nested = source.values[name];
  if (
    !nested ||
    typeof nested !== 'object' ||
    Array.isArray(nested) ||
    nested instanceof Date ||
    Buffer.isBuffer(nested)
  ) {
    problems.unshift({ origin: source.origin, key: name, problem: 'must be a dictionary of policy keys' });
    return { enforced, problems };
  }
  return {
    enforced,
    recommended: { origin: `${source.origin} ${name}`, values: nested as Record<string, unknown> },
    problems,
  };
}
