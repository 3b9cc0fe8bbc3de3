// scripts/scan-secrets.mjs finds a test password in every form it claims (clear, inside base64 of
// "user:password" at any alignment, URL-encoded, UTF-16) and passes a clean folder.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { DEMO_USER } from '../../src/simulator/types';

const planted = mkdtempSync(join(tmpdir(), 'evo-scan-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

async function scan(file: string, content: string | Buffer): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(planted, 'case-'));
  writeFileSync(join(dir, 'clean.log'), 'info poll ok {"status":200}\n');
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/scan-secrets.mjs', dir]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

describe('scan-secrets', () => {
  const pw = DEMO_USER.password;
  const cases: Array<[string, string | Buffer]> = [
    ['core.log', `warn sign-in failed {"password":"${pw}"}`],
    ['settings.json', JSON.stringify({ settings: { userName: 'agent', note: `x${pw}y` } })],
    ...['', 'a', 'ab'].map((prefix): [string, string] => [
      `basic-${prefix.length}.har`,
      `Authorization: Basic ${Buffer.from(`${prefix}${DEMO_USER.userName}:${pw}`).toString('base64')}`,
    ]),
    ['url.txt', `https://x.example/?p=${encodeURIComponent(`${pw} é`)}`],
    ['crash.dmp', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(pw, 'utf16le'), Buffer.from([0])])],
  ];
  for (const [file, content] of cases) {
    it(`finds the password in ${file}`, async () => {
      const { code, out } = await scan(file, content);
      expect(code).toBe(1);
      expect(out).toMatch(/^scan-secrets: FAIL, \d+ hit/);
    });
  }

  // The web shell's compile cache holds the bundle's literals: the public demo account's once.
  const cache = 'compile-cache/v24-x64-0/44270fa2';
  const literal = (text: string) => Buffer.concat([Buffer.from([0xc3, 0, 7]), Buffer.from(text), Buffer.from([0])]);
  it("passes the demo account's definition once in the web shell's compile cache", async () => {
    expect((await scan(cache, literal(`${pw}`))).code).toBe(0);
  });
  it('finds the demo password twice, or another password, in the compile cache', async () => {
    expect((await scan(cache, literal(`${pw}..${pw}`))).code).toBe(1);
    const agent = { password: 'agent-secret-9' }; // a literal the scanner collects from the tests
    expect((await scan(cache, literal(agent.password))).code).toBe(1);
  });

  it('passes a folder without any, and says how many files it read', async () => {
    const { code, out } = await scan('settings.json', JSON.stringify({ settings: { userName: DEMO_USER.userName } }));
    expect(code).toBe(0);
    expect(out).toMatch(/^scan-secrets: clean, none of \d+ known test passwords .* in 2 files in /);
  });
});
