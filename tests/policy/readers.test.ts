// The three policy readers on fixtures of what each OS really holds: `reg query` output (CRLF,
// subkeys, DWORDs, flags written as text, a capitalised name, a type the policy does not read), an
// MDM managed-preferences plist, the /etc JSON file; and reg.exe's exit 1 told apart from "no key".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkPolicy, checkRecommended, MalformedPolicyError, UnsupportedValue } from '../../src/main/policy/policy';
import { readLinuxPolicy } from '../../src/main/policy/read-linux';
import { readMacPolicy } from '../../src/main/policy/read-mac';
import { readPolicy } from '../../src/main/policy/read-policy';
import { parseRegQuery, readWindowsPolicy, regExePath, type RunReg } from '../../src/main/policy/read-windows';
import { powerShellPath, type RunPowerShell } from '../../src/main/policy/read-windows-powershell';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const APP_ID = 'io.evovoice.console';
const HKLM = 'HKLM\\Software\\Policies\\EvoVoice\\Console';
const HKCU = 'HKCU\\Software\\Policies\\EvoVoice\\Console';
const NOT_FOUND = {
  status: 1,
  stdout: '',
  stderr: 'ERROR: The system was unable to find the specified registry key or value.',
};

type PsKey = 'HKEY_LOCAL_MACHINE' | 'HKEY_CURRENT_USER';
/** A powershell.exe answering per hive and key (by the path in its decoded script), recording what it ran. */
function powerShellWith(answers: Partial<Record<PsKey | `${PsKey}\\Recommended`, string | Error>>) {
  const scripts: string[] = [];
  const run: RunPowerShell = (args) => {
    const script = Buffer.from(args[args.indexOf('-EncodedCommand') + 1]!, 'base64').toString('utf16le');
    scripts.push(script);
    const hive = /Registry::(HKEY_\w+)/.exec(script)![1] as PsKey;
    const answer = answers[script.includes("\\Recommended'") ? (`${hive}\\Recommended` as const) : hive];
    if (answer instanceof Error) return { status: 1, stdout: '', stderr: answer.message };
    return { status: 0, stdout: `${answer ?? 'absent'}\r\n`, stderr: '' };
  };
  return Object.assign(run, { scripts });
}

/** A reg.exe answering from fixtures: a key it has, "not found" for policy keys it has not, and the probe. */
function regWith(keys: Record<string, string>, probeWorks = true): RunReg & { calls: string[][] } {
  const calls: string[][] = [];
  const run = (args: string[]) => {
    calls.push(args);
    const key = args[1]!;
    if (key in keys) return { status: 0, stdout: keys[key]!, stderr: '' };
    if (/^HK(LM|CU)\\Software$/.test(key) && probeWorks) return { status: 0, stdout: `${key}\r\n`, stderr: '' };
    if (!probeWorks)
      return { status: 1, stdout: '', stderr: 'ERROR: Registry editing has been disabled by your administrator.' };
    return NOT_FOUND;
  };
  return Object.assign(run, { calls });
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

  it('reads REG_MULTI_SZ as a list and keeps a type it does not read for its key only', () => {
    const values = parseRegQuery(fixture('reg-hklm-mixed.txt'), 'HKLM');
    expect(values.recordingHosts).toEqual(['blobs.example.com', 'media.example.com']);
    expect(values.holdAlerts).toEqual(new UnsupportedValue('REG_BINARY'));
  });

  it('checks each key on its own: text flags, a capitalised name, an unknown key and a bad value do not empty the rest', () => {
    const found = readWindowsPolicy(regWith({ [HKLM]: fixture('reg-hklm-mixed.txt') }));
    expect(found.absent).toEqual([HKCU]);
    const checked = checkPolicy(found.sources, found.unreadable);
    expect(checked.policy).toEqual({
      serverUrl: 'https://voice.example.com',
      demoAllowed: false,
      startHidden: true,
      updatesAllowed: false,
      recordingHosts: ['blobs.example.com', 'media.example.com'],
    });
    expect(checked.unknown).toEqual([{ origin: HKLM, key: 'quietHours' }]);
    expect(checked.problems).toEqual([
      { origin: HKLM, key: 'holdAlerts', problem: expect.stringMatching(/REG_BINARY; use REG_SZ .* REG_DWORD/) },
      { origin: HKLM, key: 'crashReportUrl', problem: 'must be an https URL' },
    ]);
    expect(checked.signInBlocked).toBe(false);
  });

  it('lets the machine policy win over the user policy for every key; a bad user value costs only that key', () => {
    const found = readWindowsPolicy(
      regWith({ [HKLM]: fixture('reg-hklm-mixed.txt'), [HKCU]: fixture('reg-hkcu-mixed.txt') }),
    );
    expect(found.sources.map((s) => s.origin)).toEqual([HKLM, HKCU]);
    const checked = checkPolicy(found.sources, found.unreadable);
    // HKLM's serverUrl and updatesAllowed = 0 stand; HKCU adds only keys HKLM does not set.
    expect(checked.policy).toMatchObject({
      serverUrl: 'https://voice.example.com',
      updatesAllowed: false,
      hardwareAcceleration: false,
    });
    expect(checked.policy.startAtLogin).toBeUndefined();
    expect(checked.problems).toContainEqual({
      origin: HKCU,
      key: 'startAtLogin',
      problem: 'must be true/false or 1/0',
    });
  });

  it('a bad machine value is not replaced by the user’s value: the key fails closed', () => {
    const hklm =
      'HKEY_LOCAL_MACHINE\\...\r\n    updatesAllowed    REG_SZ    sometimes\r\n    serverUrl    REG_SZ    voice\r\n';
    const found = readWindowsPolicy(regWith({ [HKLM]: hklm, [HKCU]: fixture('reg-hkcu-mixed.txt') }));
    const checked = checkPolicy(found.sources, found.unreadable);
    expect(checked.policy.updatesAllowed).toBe(false);
    expect(checked.policy.serverUrl).toBeUndefined();
    expect(checked.signInBlocked).toBe(true);
    expect(checked.failedClosed.sort()).toEqual(['serverUrl', 'updatesAllowed']);
  });

  it('runs reg.exe by its full system path', () => {
    expect(regExePath({ SystemRoot: 'D:\\WINDOWS' })).toBe('D:\\WINDOWS\\System32\\reg.exe');
    expect(regExePath({})).toBe('C:\\Windows\\System32\\reg.exe');
    // The Windows start-up run on Linux (tests/launch) gives a POSIX SystemRoot.
    expect(regExePath({ SystemRoot: '/tmp/w/Windows' })).toBe('/tmp/w/Windows/System32/reg.exe');
  });

  it('tells "no such key" (exit 1, the hive readable) from reg.exe failing (exit 1, nothing readable)', () => {
    const none = regWith({});
    expect(readWindowsPolicy(none)).toEqual({
      sources: [],
      unreadable: [],
      absent: [HKLM, HKCU],
      recommended: [],
      recommendedUnreadable: [],
    });
    expect(none.calls).toEqual([
      ['query', HKLM],
      ['query', 'HKLM\\Software'],
      ['query', HKCU],
      ['query', 'HKCU\\Software'],
    ]);
    const blocked = readWindowsPolicy(
      regWith({}, false),
      powerShellWith({ HKEY_LOCAL_MACHINE: new Error('no'), HKEY_CURRENT_USER: new Error('no') }),
    );
    expect(blocked.absent).toEqual([]);
    expect(blocked.unreadable).toEqual([
      {
        origin: HKLM,
        problem: expect.stringMatching(/reg\.exe cannot read the registry: ERROR: Registry editing has been disabled/),
      },
      { origin: HKCU, problem: expect.stringMatching(/Registry editing has been disabled/) },
    ]);
  });

  it('reads the policy with PowerShell where reg.exe is refused (DisableRegistryTools), key by key as before', () => {
    const ps = powerShellWith({
      HKEY_LOCAL_MACHINE:
        '{"serverUrl":"https://voice.example.com","demoAllowed":0,"recordingHosts":["a.example.com","b.example.com"]}',
    });
    const found = readWindowsPolicy(regWith({}, false), ps);
    expect(found.unreadable).toEqual([]);
    expect(found.sources).toEqual([
      {
        origin: expect.stringMatching(
          /^HKLM\\Software\\Policies\\EvoVoice\\Console \(read with PowerShell; .*disabled/,
        ),
        values: {
          serverUrl: 'https://voice.example.com',
          demoAllowed: 0,
          recordingHosts: ['a.example.com', 'b.example.com'],
        },
      },
    ]);
    expect(found.absent).toEqual([expect.stringMatching(/^HKCU\\.* \(read with PowerShell/)]);
    expect(checkPolicy(found.sources, found.unreadable).policy).toMatchObject({
      serverUrl: 'https://voice.example.com',
      demoAllowed: false,
      recordingHosts: ['a.example.com', 'b.example.com'],
    });
    // The script names the key literally and leaves PowerShell's own properties out.
    expect(ps.scripts[0]).toContain("'Registry::HKEY_LOCAL_MACHINE\\Software\\Policies\\EvoVoice\\Console'");
    expect(ps.scripts[0]).toContain('PS(Path|ParentPath|ChildName|Drive|Provider)');
  });

  it('takes choices and flags as admins type them: any case, spaces, yes/no, on/off', () => {
    const checked = checkPolicy([
      {
        origin: HKLM,
        values: {
          holdOthersCalls: ' Allow ',
          updateChannel: 'Beta',
          privateNotifications: 'Yes',
          demoAllowed: 'off',
          startHidden: 'ON',
        },
      },
    ]);
    expect(checked.problems).toEqual([]);
    expect(checked.policy).toEqual({
      holdOthersCalls: 'allow',
      updateChannel: 'beta',
      privateNotifications: true,
      demoAllowed: false,
      startHidden: true,
    });
  });

  it('is unreadable only when reg.exe and PowerShell both fail, naming both', () => {
    const found = readWindowsPolicy(
      regWith({}, false),
      powerShellWith({ HKEY_LOCAL_MACHINE: new Error('blocked by AppLocker'), HKEY_CURRENT_USER: 'not json' }),
    );
    expect(found.sources).toEqual([]);
    expect(found.unreadable).toEqual([
      {
        origin: HKLM,
        problem: expect.stringMatching(/Registry editing has been disabled.*PowerShell: blocked by AppLocker/),
      },
      { origin: HKCU, problem: expect.stringMatching(/PowerShell answered what is not a policy: not json/) },
    ]);
  });

  it('reads the Recommended sub-keys (HKLM first) with the same rules, apart from the enforced keys', () => {
    const run = regWith({
      [HKLM]: fixture('reg-hklm.txt'),
      [`${HKLM}\\Recommended`]: fixture('reg-hklm-recommended.txt'),
      [HKCU]: 'HKEY_CURRENT_USER\\Software\\Policies\\EvoVoice\\Console\r\n',
    });
    const found = readWindowsPolicy(run);
    expect(run.calls.map((c) => c[1])).toEqual([HKLM, `${HKLM}\\Recommended`, HKCU, `${HKCU}\\Recommended`]);
    expect(found.recommended).toEqual([
      {
        origin: `${HKLM}\\Recommended`,
        values: {
          StartAtLogin: 1,
          privateNotifications: 'yes',
          updateUrl: 'https://updates.example.com/feed',
          dialerUriTemplate: 'javascript:{number}',
        },
      },
    ]);
    expect(found.recommendedUnreadable).toEqual([]);
    // The sub-key is not read as enforced values, and does not change them.
    expect(checkPolicy(found.sources).policy).toEqual(
      checkPolicy([{ origin: HKLM, values: parseRegQuery(fixture('reg-hklm.txt'), HKLM) }]).policy,
    );
    const checked = checkRecommended(found.recommended);
    expect(checked.recommended).toEqual({ startAtLogin: true, privateNotifications: true });
    expect(checked.problems.map((p) => p.key)).toEqual(['updateUrl', 'dialerUriTemplate']);
  });

  it('reads the Recommended sub-key with PowerShell where reg.exe is refused; one it cannot read is logged, not fatal', () => {
    const ps = powerShellWith({
      HKEY_LOCAL_MACHINE: '{"demoAllowed":0}',
      'HKEY_LOCAL_MACHINE\\Recommended': '{"startHidden":1}',
      HKEY_CURRENT_USER: '{}',
      'HKEY_CURRENT_USER\\Recommended': new Error('access denied'),
    });
    const found = readWindowsPolicy(regWith({}, false), ps);
    expect(found.recommended).toEqual([
      { origin: `${HKLM}\\Recommended (read with PowerShell)`, values: { startHidden: 1 } },
    ]);
    expect(found.recommendedUnreadable).toEqual([
      { origin: `${HKCU}\\Recommended`, problem: 'PowerShell: access denied' },
    ]);
    expect(found.unreadable).toEqual([]);
    const log = {
      lines: [] as string[],
      info: () => undefined,
      error: () => undefined,
      warn: (m: string) => void log.lines.push(m),
    };
    const reading = readPolicy({ platform: 'win32', appId: APP_ID, log, read: () => found });
    expect(reading.recommended).toEqual({ startHidden: true });
    expect(reading.failedClosed).toEqual([]);
    expect(log.lines).toEqual([expect.stringMatching(/recommended values cannot be read/)]);
  });

  it('runs powershell.exe by its full system path', () => {
    expect(powerShellPath({ SystemRoot: 'D:\\WINDOWS' })).toBe(
      'D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('treats reg.exe that cannot start as unreadable, not as no policy', () => {
    const found = readWindowsPolicy(
      () => ({ status: null, stdout: '', stderr: '', error: new Error('spawn ENOENT') }),
      powerShellWith({ HKEY_LOCAL_MACHINE: new Error('no'), HKEY_CURRENT_USER: new Error('no') }),
    );
    expect(found.unreadable.map((u) => u.problem)).toEqual([
      expect.stringMatching(/spawn ENOENT/),
      expect.stringMatching(/spawn ENOENT/),
    ]);
  });
});

describe('macOS managed preferences reader', () => {
  it('reads the XML plist for the app id, leaving out the MDM payload keys', () => {
    const source = readMacPolicy({ appId: APP_ID, dir: FIXTURES });
    expect(source?.origin).toBe(join(FIXTURES, `${APP_ID}.plist`));
    expect(checkPolicy([source!]).policy).toEqual({
      serverUrl: 'https://voice.example.com',
      demoAllowed: false,
      startHidden: true,
      updatesAllowed: false,
      crashReportUrl: 'https://crash.example.com/submit',
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
    expect(checkPolicy([source!]).policy).toMatchObject({ demoAllowed: false, hardwareAcceleration: false });
  });

  it('finds no policy without the file, and refuses truncated JSON', () => {
    expect(readLinuxPolicy(join(FIXTURES, 'absent.json'))).toBeUndefined();
    expect(() => readLinuxPolicy(join(FIXTURES, 'truncated.json'))).toThrow(/is not valid JSON/);
  });
});
