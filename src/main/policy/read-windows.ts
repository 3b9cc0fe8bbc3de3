// The Windows policy reader: HKLM\Software\Policies\EvoVoice\Console, then HKCU (machine policy
// wins key by key), read by parsing what %SystemRoot%\System32\reg.exe prints. reg.exe exits 1
// both for "no such key" and for a failure (registry tools blocked, access denied): a second query
// of the hive's Software key, which always exists, tells the two apart. When reg.exe fails, the
// hive is read with PowerShell instead (read-windows-powershell.ts); unreadable only if both fail.
// Recommended values sit in the key's Recommended sub-key, read the same way as the key itself.
import { spawnSync } from 'node:child_process';
import { posix, win32 } from 'node:path';

import {
  MalformedPolicyError,
  type PolicySource,
  RECOMMENDED_NAME,
  type UnreadablePolicy,
  UnsupportedValue,
} from './policy';
import { readHiveWithPowerShell, type RunPowerShell, runPowerShell } from './read-windows-powershell';

export const POLICY_KEY_PATH = 'Software\\Policies\\EvoVoice\\Console';
/** The sub-key of recommended values (the agent may change them), as Chrome's `...\\Recommended`. */
export const RECOMMENDED_KEY_PATH = `${POLICY_KEY_PATH}\\${RECOMMENDED_NAME}`;
/** Highest precedence first. */
export const POLICY_HIVES = ['HKLM', 'HKCU'] as const;
export type Hive = (typeof POLICY_HIVES)[number];

export interface RegResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when reg.exe could not be started at all. */
  error?: Error;
}
/** Runs reg.exe with these arguments. */
export type RunReg = (args: string[]) => RegResult;

/** reg.exe by its full path, never by bare name (a reg.exe in the working folder would be found first). */
export function regExePath(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
  // A POSIX SystemRoot exists only where the Windows start-up runs on Linux (tests/launch).
  return (root.startsWith('/') ? posix : win32).join(root, 'System32', 'reg.exe');
}

export const runReg: RunReg = (args) => {
  const result = spawnSync(regExePath(), args, { encoding: 'utf8', windowsHide: true, timeout: 10_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
};

const VALUE_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+) {4}(.*)$/;
const EMPTY_VALUE_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)$/;

/** The values directly under the queried key (subkeys ignored); a type the policy does not read is kept as UnsupportedValue. */
export function parseRegQuery(output: string, key: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of output.split(/\r?\n/)) {
    if (!line.startsWith('    ')) continue;
    const match = VALUE_LINE.exec(line) ?? EMPTY_VALUE_LINE.exec(line);
    if (!match) throw new MalformedPolicyError(`${key}: cannot read the registry line "${line.trim()}"`);
    const [, name = '', type = '', data = ''] = match;
    if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') values[name] = data;
    else if (type === 'REG_DWORD' || type === 'REG_QWORD') values[name] = Number.parseInt(data, 16);
    // reg.exe prints the strings of a REG_MULTI_SZ joined by a literal \0.
    else if (type === 'REG_MULTI_SZ') values[name] = data.split('\\0').filter(Boolean);
    else values[name] = new UnsupportedValue(type);
  }
  return values;
}

export interface WindowsPolicy {
  sources: PolicySource[];
  unreadable: UnreadablePolicy[];
  /** Keys that do not exist (no policy there). */
  absent: string[];
  /** The Recommended sub-keys found, HKLM first. */
  recommended: PolicySource[];
  recommendedUnreadable: UnreadablePolicy[];
}

const failure = (result: RegResult) =>
  result.error?.message ?? (result.stderr.trim() || `reg.exe exited with ${result.status ?? 'a signal'}`);

/** How a hive's policy key was read: the Recommended sub-key is read the same way. */
type ReadBy = 'reg' | 'powershell' | undefined;

export function readWindowsPolicy(run: RunReg = runReg, runPs: RunPowerShell = runPowerShell): WindowsPolicy {
  const found: WindowsPolicy = { sources: [], unreadable: [], absent: [], recommended: [], recommendedUnreadable: [] };
  for (const hive of POLICY_HIVES) {
    const readBy = readKey(hive, run, runPs, found);
    if (readBy) readRecommended(hive, readBy, run, runPs, found);
  }
  return found;
}

function readKey(hive: Hive, run: RunReg, runPs: RunPowerShell, found: WindowsPolicy): ReadBy {
  const key = `${hive}\\${POLICY_KEY_PATH}`;
  const result = run(['query', key]);
  if (result.status === 0 && !result.error) {
    try {
      found.sources.push({ origin: key, values: parseRegQuery(result.stdout, key) });
      return 'reg';
    } catch (error) {
      found.unreadable.push({ origin: key, problem: (error as Error).message });
      return undefined;
    }
  }
  const probe = result.status === 1 && !result.error ? run(['query', `${hive}\\Software`]) : undefined;
  if (probe?.status === 0) {
    found.absent.push(key);
    return undefined;
  }
  const regProblem = `${regExePath()} cannot read the registry: ${failure(result)}`;
  const answer = readHiveWithPowerShell(hive, POLICY_KEY_PATH, runPs);
  const via = `${key} (read with PowerShell; ${regProblem})`;
  if ('absent' in answer) found.absent.push(via);
  else if ('values' in answer) {
    found.sources.push({ origin: via, values: answer.values });
    return 'powershell';
  } else found.unreadable.push({ origin: key, problem: `${regProblem}; PowerShell: ${answer.problem}` });
  return undefined;
}

/** The Recommended sub-key of a policy key that exists, by the tool that read the key (exit 1 from reg.exe there: no sub-key). */
function readRecommended(
  hive: Hive,
  readBy: 'reg' | 'powershell',
  run: RunReg,
  runPs: RunPowerShell,
  found: WindowsPolicy,
) {
  const key = `${hive}\\${RECOMMENDED_KEY_PATH}`;
  if (readBy === 'reg') {
    const result = run(['query', key]);
    if (result.status === 1 && !result.error) return;
    try {
      if (result.status !== 0 || result.error) throw new Error(`${regExePath()} cannot read it: ${failure(result)}`);
      found.recommended.push({ origin: key, values: parseRegQuery(result.stdout, key) });
    } catch (error) {
      found.recommendedUnreadable.push({ origin: key, problem: (error as Error).message });
    }
    return;
  }
  const answer = readHiveWithPowerShell(hive, RECOMMENDED_KEY_PATH, runPs);
  if ('values' in answer) found.recommended.push({ origin: `${key} (read with PowerShell)`, values: answer.values });
  else if ('problem' in answer)
    found.recommendedUnreadable.push({ origin: key, problem: `PowerShell: ${answer.problem}` });
}
