// The administrators' templates are generated from the one policy schema and cannot drift from
// it: the committed ADMX/ADML, .mobileconfig, Jamf schema, sample policy.json and the admin
// guide's table equal what the generator makes now, name every key (and the recommended form of
// every recommendable key, and of no other), and the samples pass the policy check themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';

import { templateFiles } from '../../scripts/package/policy-templates';
import {
  checkPolicy,
  checkRecommended,
  POLICY_KEYS,
  policySchema,
  RECOMMENDABLE_KEYS,
  splitRecommended,
} from '../../src/main/policy/policy';
import { POLICY_DOCS } from '../../src/main/policy/policy-docs';

const ROOT = join(import.meta.dirname, '..', '..');
const files = await templateFiles();
const file = (suffix: string) => Object.keys(files).find((path) => path.endsWith(suffix))!;
const committed = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('policy templates', () => {
  it('are committed exactly as generated from the schema (run `npm run policy-templates` after changing a key)', () => {
    for (const [path, text] of Object.entries(files)) expect(committed(path), path).toBe(text);
  });

  it('document every key of the schema, with the schema’s own choices', () => {
    expect(Object.keys(POLICY_DOCS).sort()).toEqual([...POLICY_KEYS].sort());
    for (const [key, doc] of Object.entries(POLICY_DOCS)) {
      if (doc.kind !== 'choice') continue;
      // A choice is read ignoring case: a preprocess in front of the enum, whose options are the choices.
      const inner = policySchema.shape[key as 'updateChannel'].unwrap() as unknown as { out: { options: string[] } };
      expect(doc.choices, key).toEqual(inner.out.options);
    }
  });

  it('name every key in each template and in the admin guide', () => {
    const admx = files[file('.admx')]!;
    const adml = files[file('.adml')]!;
    const mobileconfig = files[file('.mobileconfig')]!;
    const jamf = JSON.parse(files[file('jamf-schema.json')]!) as { properties: Record<string, unknown> };
    const guide = files[file('ADMIN.md')]!;
    for (const key of POLICY_KEYS) {
      expect(admx, key).toContain(`<policy name="${key}"`);
      expect(adml, key).toContain(`<string id="${key}">`);
      expect(mobileconfig, key).toContain(`<key>${key}</key>`);
      expect(jamf.properties, key).toHaveProperty(key);
      expect(guide, key).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
    }
  });

  it('give the recommended form of every recommendable key, and of no other key', () => {
    const admx = files[file('.admx')]!;
    const adml = files[file('.adml')]!;
    const jamf = JSON.parse(files[file('jamf-schema.json')]!) as {
      properties: { Recommended: { properties: Record<string, unknown> } };
    };
    const guide = files[file('ADMIN.md')]!;
    for (const key of POLICY_KEYS) {
      const recommendable = (RECOMMENDABLE_KEYS as readonly string[]).includes(key);
      const policy = new RegExp(
        `<policy name="${key}_Recommended" [^>]*key="Software\\\\Policies\\\\EvoVoice\\\\Console\\\\Recommended"`,
      );
      expect(policy.test(admx), key).toBe(recommendable);
      expect(adml.includes(`<string id="${key}_Recommended">`), key).toBe(recommendable);
      expect(Object.hasOwn(jamf.properties.Recommended.properties, key), key).toBe(recommendable);
      expect(guide, key).toMatch(new RegExp(`^\\| \`${key}\` .*\\| ${recommendable ? 'yes' : 'no'} +\\|$`, 'm'));
    }
  });

  it('are well-formed XML', () => {
    for (const suffix of ['.admx', '.adml', '.mobileconfig']) {
      const errors: string[] = [];
      new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(
        files[file(suffix)]!,
        'text/xml',
      );
      expect(errors, suffix).toEqual([]);
    }
  });

  it('give samples the console itself accepts, key by key, enforced and recommended', () => {
    const json = JSON.parse(files[file('policy.json')]!) as Record<string, unknown>;
    const profile = parse(files[file('.mobileconfig')]!) as { PayloadContent: Record<string, unknown>[] };
    for (const values of [json, profile.PayloadContent[0]!]) {
      const { enforced, recommended, problems } = splitRecommended({ origin: 'sample', values });
      expect(problems).toEqual([]);
      const checked = checkPolicy([enforced]);
      expect(checked.problems).toEqual([]);
      expect(checked.unknown.filter((u) => !u.key.startsWith('Payload'))).toEqual([]);
      expect(Object.keys(checked.policy).sort()).toEqual([...POLICY_KEYS].sort());
      const advised = checkRecommended([recommended!]);
      expect(advised.problems).toEqual([]);
      expect(Object.keys(advised.recommended).sort()).toEqual([...RECOMMENDABLE_KEYS].sort());
    }
  });
});
