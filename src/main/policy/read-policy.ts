// Reads the administrator's policy once at start from the place this OS keeps it and checks it key
// by key: a bad key is one log line and skipped (failed closed when it restricts), an unknown key
// is one log line and ignored, an unreadable policy applies its restrictions; never a crash.
// Recommended values (the agent may change them) are checked the same way and never fail closed.
import { userInfo } from 'node:os';
import { join } from 'node:path';

import type { StartNotice, StartNoticeCode } from '../../shared/ipc';
import type { Logger } from '../core/ports';
import {
  checkPolicy,
  checkRecommended,
  type KeyProblem,
  type Policy,
  type PolicyKey,
  type PolicySource,
  type Recommended,
  splitRecommended,
  type UnreadablePolicy,
} from './policy';
import { LINUX_POLICY_FILE, readLinuxPolicy } from './read-linux';
import { MANAGED_PREFERENCES_DIR, readMacPolicy } from './read-mac';
import { readWindowsPolicy } from './read-windows';

/** What a reader found: sources highest precedence first, places it could not read, places with none. */
export interface PolicyPlaces {
  sources: PolicySource[];
  unreadable: UnreadablePolicy[];
  absent: string[];
  /** Places of recommended values only (the registry's Recommended sub-keys), highest precedence first. */
  recommended?: PolicySource[];
  /** Recommended places that could not be read: logged; their keys keep the agent's setting or default. */
  recommendedUnreadable?: UnreadablePolicy[];
}

export interface PolicyReading {
  policy: Policy;
  /** Starting values the agent may change (enforced keys win over them). */
  recommended: Recommended;
  /** Where it came from (absent: no policy is set). */
  origin?: string;
  /** Words for the agent when part or all of a policy could not be used. */
  notice?: StartNotice;
  /** Restricting keys that applied their fail-closed value. */
  failedClosed: PolicyKey[];
  /** The server lock is set but unreadable: every sign-in is refused. */
  signInBlocked: boolean;
}

export interface ReadPolicyOptions {
  platform: NodeJS.Platform;
  appId: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Injected reader (tests); default: the reader of `platform`. */
  read?: () => PolicyPlaces;
}

/** One file that may be absent, readable or unreadable, as PolicyPlaces. */
export function singlePlace(origin: string, read: () => PolicySource | undefined): PolicyPlaces {
  try {
    const source = read();
    return source
      ? { sources: [source], unreadable: [], absent: [] }
      : { sources: [], unreadable: [], absent: [origin] };
  } catch (error) {
    return { sources: [], unreadable: [{ origin, problem: (error as Error).message }], absent: [] };
  }
}

/** Places read in order, highest precedence first, as one PolicyPlaces. */
export function combinePlaces(places: PolicyPlaces[]): PolicyPlaces {
  return {
    sources: places.flatMap((p) => p.sources),
    unreadable: places.flatMap((p) => p.unreadable),
    absent: places.flatMap((p) => p.absent),
  };
}

/** macOS: the device profile's managed preferences, then the user's (user-channel MDM profiles); the device wins. */
export function readMacPlaces(appId: string, user: string, dir = MANAGED_PREFERENCES_DIR): PolicyPlaces {
  return combinePlaces(
    [dir, join(dir, user)].map((at) =>
      singlePlace(join(at, `${appId}.plist`), () => readMacPolicy({ appId, dir: at })),
    ),
  );
}

export function readerFor(platform: NodeJS.Platform, appId: string): () => PolicyPlaces {
  if (platform === 'win32') return () => readWindowsPolicy();
  if (platform === 'darwin') return () => readMacPlaces(appId, userInfo().username);
  return () => singlePlace(LINUX_POLICY_FILE, () => readLinuxPolicy());
}

const TELL_IT = 'Tell your IT support: ';

function noticeFor(
  places: PolicyPlaces,
  checked: ReturnType<typeof checkPolicy>,
  recommendedProblems: KeyProblem[],
): StartNotice | undefined {
  const details = [
    ...places.unreadable.map((u) => `${u.origin}: ${u.problem}`),
    ...[...checked.problems, ...recommendedProblems].map((p) => `${p.origin}\\${p.key} ${p.problem}`),
  ];
  if (!details.length) return undefined;
  const [code, consequence]: [StartNoticeCode, string] = checked.signInBlocked
    ? ['policy-blocked', 'Signing in is blocked until they are fixed.']
    : checked.failedClosed.length
      ? [
          'policy-safest',
          `The console applies the safest choice for ${checked.failedClosed.join(', ')}; the rest apply.`,
        ]
      : ['policy-skipped', 'Those settings are skipped; the rest apply.'];
  const detail = details.join('; ');
  return {
    code,
    message: `Some of your administrator’s settings for this console could not be read. ${consequence} ${TELL_IT}${detail}`,
    detail,
  };
}

export function readPolicy(options: ReadPolicyOptions): PolicyReading {
  const { log } = options;
  let places: PolicyPlaces;
  try {
    places = (options.read ?? readerFor(options.platform, options.appId))();
  } catch (error) {
    places = { sources: [], unreadable: [{ origin: 'policy', problem: (error as Error).message }], absent: [] };
  }
  for (const { origin, problem } of places.unreadable) {
    log.error('Administrator policy cannot be read; its restricting keys fail closed', { origin, problem });
  }
  const split = places.sources.map(splitRecommended);
  const checked = checkPolicy(
    split.map((s) => s.enforced),
    places.unreadable,
  );
  const advised = checkRecommended([
    ...split.flatMap((s) => (s.recommended ? [s.recommended] : [])),
    ...(places.recommended ?? []),
  ]);
  const recommendedProblems = [...split.flatMap((s) => s.problems), ...advised.problems];
  for (const { origin, key, problem } of checked.problems) {
    log.warn('Administrator policy key skipped: its value cannot be used', {
      origin,
      key,
      problem,
      failedClosed: checked.failedClosed.includes(key as PolicyKey),
    });
  }
  for (const { origin, key, problem } of recommendedProblems) {
    log.warn('Administrator recommended value skipped: it cannot be used', { origin, key, problem });
  }
  for (const { origin, problem } of places.recommendedUnreadable ?? []) {
    log.warn('Administrator recommended values cannot be read; the agent’s settings and the defaults apply', {
      origin,
      problem,
    });
  }
  for (const { origin, key } of [...checked.unknown, ...advised.unknown]) {
    log.info('Administrator policy key unknown to this version; ignored', { origin, key });
  }
  const origins = [...places.sources, ...(places.recommended ?? []), ...places.unreadable].map((p) => p.origin);
  if (!origins.length) {
    if (places.absent.length) log.info('No administrator policy', { looked: places.absent });
    return { policy: {}, recommended: {}, failedClosed: [], signInBlocked: false };
  }
  if (checked.failedClosed.length) {
    log.warn('Administrator policy: safest value applied', { keys: checked.failedClosed });
  }
  log.info('Administrator policy applies', {
    origin: origins.join(' + '),
    keys: Object.keys(checked.policy),
    recommended: Object.keys(advised.recommended),
  });
  const notice = noticeFor(places, checked, recommendedProblems);
  return {
    policy: checked.policy,
    recommended: advised.recommended,
    origin: origins.join(' + '),
    ...(notice ? { notice } : {}),
    failedClosed: checked.failedClosed,
    signInBlocked: checked.signInBlocked,
  };
}
