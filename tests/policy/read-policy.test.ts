// readPolicy: key by key with one log line per skipped or unknown key, and fail closed for the keys
// that restrict when a key or the whole policy cannot be read (server lock, demo, updates...).
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readLinuxPolicy } from '../../src/main/policy/read-linux';
import { readMacPlaces, readPolicy, singlePlace } from '../../src/main/policy/read-policy';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const APP_ID = 'io.evovoice.console';

function recordingLog() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) =>
    lines.push({ level, message, data });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const linux = (file: string) => () => singlePlace(join(FIXTURES, file), () => readLinuxPolicy(join(FIXTURES, file)));
const read = (file: string, log = recordingLog()) =>
  readPolicy({ platform: 'linux', appId: APP_ID, log, read: linux(file) });

describe('readPolicy', () => {
  it('applies a valid policy and logs where it came from', () => {
    const log = recordingLog();
    const reading = read('policy.json', log);
    expect(reading.notice).toBeUndefined();
    expect(reading.policy.serverUrl).toBe('https://voice.example.com');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', message: 'Administrator policy applies' })]);
  });

  it('keeps the good keys of a policy with a misspelt key and a bad URL; the bad server lock blocks sign-in', () => {
    const log = recordingLog();
    const reading = read('wrong-keys.json', log);
    expect(reading.policy).toEqual({ updatesAllowed: false, startHidden: true });
    expect(reading.signInBlocked).toBe(true);
    expect(reading.failedClosed).toEqual(['serverUrl']);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        data: expect.objectContaining({ key: 'serverUrl', failedClosed: true }),
      }),
    );
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(/unknown/),
        data: expect.objectContaining({ key: 'demoAlowed' }),
      }),
    );
    expect(reading.notice?.message).toMatch(
      /Signing in is blocked until they are fixed.*serverUrl must be an http\(s\) URL/,
    );
    expect(reading.notice).toMatchObject({
      code: 'policy-blocked',
      detail: expect.stringContaining('serverUrl must be an http(s) URL'),
    });
  });

  it('fails closed when the policy cannot be read: no demo, no updates, stable channel, sign-in blocked', () => {
    const log = recordingLog();
    const reading = read('truncated.json', log);
    expect(reading.policy).toEqual({
      demoAllowed: false,
      updatesAllowed: false,
      updateChannel: 'stable',
      holdOthersCalls: 'deny',
      privateNotifications: true,
    });
    expect(reading.signInBlocked).toBe(true);
    expect(reading.notice?.message).toMatch(/could not be read.*truncated\.json is not valid JSON/);
    expect(log.lines[0]).toMatchObject({ level: 'error', data: { problem: expect.stringMatching(/not valid JSON/) } });
  });

  it('has no policy and logs where it looked when the OS holds none', () => {
    const log = recordingLog();
    expect(read('absent.json', log)).toEqual({ policy: {}, recommended: {}, failedClosed: [], signInBlocked: false });
    expect(log.lines).toEqual([
      { level: 'info', message: 'No administrator policy', data: { looked: [join(FIXTURES, 'absent.json')] } },
    ]);
  });

  it('survives a reader that throws', () => {
    const reading = readPolicy({
      platform: 'win32',
      appId: APP_ID,
      log: recordingLog(),
      read: () => {
        throw new Error('boom');
      },
    });
    expect(reading.signInBlocked).toBe(true);
    expect(reading.policy.updatesAllowed).toBe(false);
  });
});

describe('macOS device and user profiles', () => {
  it('reads the device’s managed preferences, then the user’s; the device wins key by key', () => {
    const places = readMacPlaces('io.evovoice.console', 'agent1', join(FIXTURES, 'managed'));
    expect(places.sources.map((s) => s.origin)).toEqual([
      join(FIXTURES, 'managed', 'io.evovoice.console.plist'),
      join(FIXTURES, 'managed', 'agent1', 'io.evovoice.console.plist'),
    ]);
    const reading = readPolicy({ platform: 'darwin', appId: APP_ID, log: recordingLog(), read: () => places });
    expect(reading.policy).toEqual({
      serverUrl: 'https://voice.example.com',
      updatesAllowed: false,
      startHidden: true,
    });
  });

  it('has no policy when neither profile is installed', () => {
    expect(readMacPlaces('io.evovoice.console', 'agent2', join(FIXTURES, 'managed', 'agent1', 'none'))).toEqual({
      sources: [],
      unreadable: [],
      absent: [
        join(FIXTURES, 'managed', 'agent1', 'none', 'io.evovoice.console.plist'),
        join(FIXTURES, 'managed', 'agent1', 'none', 'agent2', 'io.evovoice.console.plist'),
      ],
    });
  });
});
