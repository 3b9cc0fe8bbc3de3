// The macOS policy reader: the managed preferences an MDM profile installs for the app id,
// /Library/Managed Preferences/<appId>.plist (XML parsed by `plist`; a binary plist is first
// converted to XML by /usr/bin/plutil).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'plist';

import { MalformedPolicyError, type PolicySource } from './policy';

export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences';

/** Binary plist bytes → XML plist text. */
export type PlistToXml = (file: string) => string;
export const plutilToXml: PlistToXml = (file) =>
  execFileSync('/usr/bin/plutil', ['-convert', 'xml1', '-o', '-', file], { encoding: 'utf8' });

export interface MacPolicyOptions {
  appId: string;
  dir?: string;
  toXml?: PlistToXml;
}

/** Undefined when no profile manages the app; throws MalformedPolicyError when the plist is unreadable. */
export function readMacPolicy(options: MacPolicyOptions): PolicySource | undefined {
  const file = join(options.dir ?? MANAGED_PREFERENCES_DIR, `${options.appId}.plist`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MalformedPolicyError(`${file} cannot be read: ${(error as Error).message}`);
  }
  let values: unknown;
  try {
    const xml =
      bytes.subarray(0, 6).toString('latin1') === 'bplist'
        ? (options.toXml ?? plutilToXml)(file)
        : bytes.toString('utf8');
    values = parse(xml);
  } catch (error) {
    throw new MalformedPolicyError(`${file} is not a property list: ${(error as Error).message}`);
  }
  if (
    !values ||
    typeof values !== 'object' ||
    Array.isArray(values) ||
    values instanceof Date ||
    Buffer.isBuffer(values)
  ) {
    throw new MalformedPolicyError(`${file} must hold one dictionary of policy keys`);
  }
  // MDM adds its own bookkeeping keys (PayloadUUID, ...); they are not policy.
  const policy = Object.fromEntries(Object.entries(values).filter(([key]) => !/^(Payload|mcx_)/.test(key)));
  return { origin: file, values: policy };
}
