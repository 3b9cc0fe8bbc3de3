// The Linux policy reader: one JSON object in /etc/evo-voice-console/policy.json (path injectable).
import { readFileSync } from 'node:fs';

import { MalformedPolicyError, type PolicySource } from './policy';

export const LINUX_POLICY_FILE = '/etc/evo-voice-console/policy.json';

/** Undefined when there is no policy file; throws MalformedPolicyError when it is not a JSON object. */
export function readLinuxPolicy(file = LINUX_POLICY_FILE): PolicySource | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MalformedPolicyError(`${file} cannot be read: ${(error as Error).message}`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    throw new MalformedPolicyError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new MalformedPolicyError(`${file} must hold one JSON object of policy keys`);
  }
  return { origin: file, values: values as Record<string, unknown> };
}
