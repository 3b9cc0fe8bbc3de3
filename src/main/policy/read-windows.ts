// The Windows policy reader: HKLM\Software\Policies\EvoVoice\Console over HKCU (machine policy
// wins), read by parsing what `reg query` prints: REG_SZ as text, REG_DWORD as a number.
import { execFileSync } from 'node:child_process';

import { MalformedPolicyError, type PolicySource } from './policy';

export const POLICY_KEY_PATH = 'Software\\Policies\\EvoVoice\\Console';
export const POLICY_HIVES = ['HKCU', 'HKLM'] as const;
export type Hive = (typeof POLICY_HIVES)[number];

/** Runs `reg query <key>`: its stdout, or undefined when the key does not exist. */
export type RegQuery = (key: string) => string | undefined;

export const regQuery: RegQuery = (key) => {
  try {
    return execFileSync('reg', ['query', key], {
      encoding: 'utf8',
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // reg exits 1 when the key is absent: no policy at that hive.
    if ((error as { status?: number }).status === 1) return undefined;
    throw error;
  }
};

const VALUE_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+) {4}(.*)$/;
const EMPTY_VALUE_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)$/;

/** The values directly under the queried key (subkeys ignored). */
export function parseRegQuery(output: string, key: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of output.split(/\r?\n/)) {
    if (!line.startsWith('    ')) continue;
    const match = VALUE_LINE.exec(line) ?? EMPTY_VALUE_LINE.exec(line);
    if (!match) throw new MalformedPolicyError(`${key}: cannot read the registry line "${line.trim()}"`);
    const [, name = '', type, data = ''] = match;
    if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') values[name] = data;
    else if (type === 'REG_DWORD') values[name] = Number.parseInt(data, 16);
    else throw new MalformedPolicyError(`${key}\\${name} is ${type}; use REG_SZ for text and REG_DWORD for 0/1`);
  }
  return values;
}

/** Undefined when neither hive has the key. */
export function readWindowsPolicy(query: RegQuery = regQuery): PolicySource | undefined {
  const found = POLICY_HIVES.map((hive) => {
    const key = `${hive}\\${POLICY_KEY_PATH}`;
    const output = query(key);
    return output === undefined ? undefined : { key, values: parseRegQuery(output, key) };
  }).filter((f) => f !== undefined);
  if (!found.length) return undefined;
  return {
    origin: found.map((f) => f.key).join(' + '),
    values: Object.assign({}, ...found.map((f) => f.values)) as Record<string, unknown>,
  };
}
