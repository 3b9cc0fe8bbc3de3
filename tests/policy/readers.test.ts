// The three policy readers on fixtures of what each OS really holds: `reg query` output (CRLF,
// subkeys, DWORDs), an MDM managed-preferences plist, the /etc JSON file; and how a malformed
// policy is refused with one log line and a notice instead of a crash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkPolicy, MalformedPolicyError } from '../../src/main/policy/policy';
import { readLinuxPolicy } from '../../src/main/policy/read-linux';
import { readMacPolicy } from '../../src/main/policy/read-mac';
import { readPolicy } from '../../src/main/policy/read-policy';
import { parseRegQuery, readWindowsPolicy } from '../../src/main/policy/read-windows';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const APP_ID = 'io.evovoice.console';

function recordingLog() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message: string, data?: Record<string, unknown>) => lines.push({ level: 'info', message, data }),
    error: (message: string, data?: Record<string, unknown>) => lines.push({ level: 'error', message, data }),
  };
}

describe('Windows registry reader', () => {
  it('reads REG_SZ as text and REG_DWORD as numbers, ignoring subkeys and CRLF', () => {
    expect(parseRegQuery(fixture('reg-hklm.txt'), 'HKLM')).toEqual({
      serverUrl: 'https://voice.example.com',
      demoAllowed: 0,
      startAtLogin: 1,
      updateChannel: 'beta',
      hardwareAcceleration: 0,
    });
  });

  it('lets the machine policy (HKLM) win over the user policy (HKCU), key by key', () => {
    const source = readWindowsPolicy((key) =>
      key.startsWith('HKLM') ? fixture('reg-hklm.txt') : key.startsWith('HKCU') ? fixture('reg-hkcu.txt') : undefined,
    );
    expect(source?.origin).toBe(
      'HKCU\\Software\\Policies\\EvoVoice\\Console + HKLM\\Software\\Policies\\EvoVoice\\Console',
    );
    const checked = checkPolicy(source!);
    expect(checked).toEqual({
      ok: true,
      policy: {
        serverUrl: 'https://voice.example.com',
        demoAllowed: false,
        startAtLogin: true,
        startHidden: true,
        updateUrl: 'https://updates.example.com/console',
        updateChannel: 'beta',
        hardwareAcceleration: false,
      },
    });
  });

  it('finds no policy when neither hive has the key', () => {
    expect(readWindowsPolicy(() => undefined)).toBeUndefined();
  });

  it('refuses a value type the policy does not use', () => {
    expect(() => readWindowsPolicy((key) => (key.startsWith('HKLM') ? fixture('reg-binary.txt') : undefined))).toThrow(
      /demoAllowed is REG_BINARY/,
    );
  });
});

describe('macOS managed preferences reader', () => {
  it('reads the XML plist for the app id, leaving out the MDM payload keys', () => {
    const source = readMacPolicy({ appId: APP_ID, dir: FIXTURES });
    expect(source?.origin).toBe(join(FIXTURES, `${APP_ID}.plist`));
    expect(checkPolicy(source!)).toEqual({
      ok: true,
      policy: {
        serverUrl: 'https://voice.example.com',
        demoAllowed: false,
        startHidden: true,
        updatesAllowed: false,
        crashReportUrl: 'https://crash.example.com/submit',
      },
    });
  });

  it('converts a binary plist to XML first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evo-policy-'));
    writeFileSync(join(dir, `${APP_ID}.plist`), Buffer.from('bplist00\u0000\u0001'));
    const converted: string[] = [];
    const source = readMacPolicy({
      appId: APP_ID,
      dir,
      toXml: (file) => {
        converted.push(file);
        return fixture(`${APP_ID}.plist`);
      },
    });
    expect(converted).toEqual([join(dir, `${APP_ID}.plist`)]);
    expect(source?.values.serverUrl).toBe('https://voice.example.com');
  });

  it('finds no policy without a profile, and refuses a broken plist', () => {
    expect(readMacPolicy({ appId: 'io.example.other', dir: FIXTURES })).toBeUndefined();
    expect(() => readMacPolicy({ appId: APP_ID, dir: join(FIXTURES, 'malformed') })).toThrow(MalformedPolicyError);
  });
});

describe('Linux policy file reader', () => {
  it('reads the JSON object', () => {
    const source = readLinuxPolicy(join(FIXTURES, 'policy.json'));
    expect(checkPolicy(source!)).toMatchObject({
      ok: true,
      policy: { demoAllowed: false, hardwareAcceleration: false },
    });
  });

  it('finds no policy without the file, and refuses truncated JSON', () => {
    expect(readLinuxPolicy(join(FIXTURES, 'absent.json'))).toBeUndefined();
    expect(() => readLinuxPolicy(join(FIXTURES, 'truncated.json'))).toThrow(/is not valid JSON/);
  });
});

describe('readPolicy', () => {
  it('applies a valid policy and logs where it came from', () => {
    const log = recordingLog();
    const reading = readPolicy({
      platform: 'linux',
      appId: APP_ID,
      log,
      read: () => readLinuxPolicy(join(FIXTURES, 'policy.json')),
    });
    expect(reading.notice).toBeUndefined();
    expect(reading.policy.serverUrl).toBe('https://voice.example.com');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', message: 'Administrator policy applies' })]);
  });

  it('ignores a policy with a misspelt key or a bad URL: one error line and a notice naming both', () => {
    const log = recordingLog();
    const reading = readPolicy({
      platform: 'linux',
      appId: APP_ID,
      log,
      read: () => readLinuxPolicy(join(FIXTURES, 'wrong-keys.json')),
    });
    expect(reading.policy).toEqual({});
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ level: 'error', message: 'Administrator policy ignored: it is malformed' });
    expect(reading.notice).toMatch(/unknown key\(s\) demoAlowed/);
    expect(reading.notice).toMatch(/serverUrl: must be an http\(s\) URL/);
  });

  it('ignores an unreadable policy without throwing', () => {
    const log = recordingLog();
    const reading = readPolicy({
      platform: 'linux',
      appId: APP_ID,
      log,
      read: () => readLinuxPolicy(join(FIXTURES, 'truncated.json')),
    });
    expect(reading).toEqual({
      policy: {},
      notice: expect.stringMatching(/could not be read.*truncated\.json is not valid JSON/),
    });
    expect(log.lines.map((l) => l.level)).toEqual(['error']);
  });

  it('has no policy and says nothing when the OS holds none', () => {
    const log = recordingLog();
    expect(readPolicy({ platform: 'win32', appId: APP_ID, log, read: () => undefined })).toEqual({ policy: {} });
    expect(log.lines).toEqual([]);
  });
});
