// Reads the administrator's policy once at start from the place this OS keeps it, and turns a
// malformed one into one log line and a notice for the agent (no policy applies), never a crash.
import type { Logger } from '../core/ports';
import { checkPolicy, type Policy, type PolicySource } from './policy';
import { readLinuxPolicy } from './read-linux';
import { readMacPolicy } from './read-mac';
import { readWindowsPolicy } from './read-windows';

export interface PolicyReading {
  policy: Policy;
  /** Where it came from (absent: no policy is set). */
  origin?: string;
  /** Words for the agent when a policy was found but ignored. */
  notice?: string;
}

export interface ReadPolicyOptions {
  platform: NodeJS.Platform;
  appId: string;
  log: Pick<Logger, 'info' | 'error'>;
  /** Injected readers (tests); default: the reader of `platform`. */
  read?: () => PolicySource | undefined;
}

export function readerFor(platform: NodeJS.Platform, appId: string): () => PolicySource | undefined {
  if (platform === 'win32') return () => readWindowsPolicy();
  if (platform === 'darwin') return () => readMacPolicy({ appId });
  return () => readLinuxPolicy();
}

const IGNORED_NOTICE =
  'Your administrator’s settings for this console could not be read, so none of them apply. Tell your IT support: ';

export function readPolicy(options: ReadPolicyOptions): PolicyReading {
  let source: PolicySource | undefined;
  try {
    source = (options.read ?? readerFor(options.platform, options.appId))();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    options.log.error('Administrator policy ignored: it cannot be read', { problem });
    return { policy: {}, notice: IGNORED_NOTICE + problem };
  }
  if (!source) return { policy: {} };
  const checked = checkPolicy(source);
  if (!checked.ok) {
    options.log.error('Administrator policy ignored: it is malformed', {
      origin: source.origin,
      problem: checked.problem,
    });
    return { policy: {}, origin: source.origin, notice: `${IGNORED_NOTICE}${source.origin}: ${checked.problem}` };
  }
  options.log.info('Administrator policy applies', { origin: source.origin, keys: Object.keys(checked.policy) });
  return { policy: checked.policy, origin: source.origin };
}
