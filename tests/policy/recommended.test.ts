// Recommended policy values (a starting value the agent may change): read from each OS's place
// (a `recommended` object in the Linux JSON, a `Recommended` dictionary in the plist), checked key
// by key with the enforced keys' rules, never failing closed, only for keys the agent controls;
// and over the real settings store: enforced > the agent's own choice > recommended > default.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { describe, expect, it } from 'vitest';

import { checkRecommended, RECOMMENDABLE_KEYS, splitRecommended } from '../../src/main/policy/policy';
import { readLinuxPolicy } from '../../src/main/policy/read-linux';
import { readMacPlaces, readPolicy, singlePlace } from '../../src/main/policy/read-policy';
import { CHOSEN_RECORD, withPolicy } from '../../src/main/policy/settings-overlay';
import { createSettingsStore } from '../../src/main/settings-store';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const APP_ID = 'io.evovoice.console';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function recordingLog() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) =>
    lines.push({ level, message, data });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const linux = (file: string, log = recordingLog()) =>
  readPolicy({
    platform: 'linux',
    appId: APP_ID,
    log,
    read: () => singlePlace(join(FIXTURES, file), () => readLinuxPolicy(join(FIXTURES, file))),
  });

describe('reading recommended values', () => {
  it('reads the JSON `recommended` object key by key: a bad, unknown or policy-only key is skipped alone', () => {
    const log = recordingLog();
    const reading = linux('recommended.json', log);
    expect(reading.policy).toEqual({ serverUrl: 'https://voice.example.com', demoAllowed: false });
    expect(reading.recommended).toEqual({
      serverUrl: 'https://other.example.com',
      startAtLogin: true,
      startHidden: true,
      holdAlerts: false,
      dialerUriTemplate: 'callto:{number}',
    });
    const skipped = log.lines.filter((l) => l.message.startsWith('Administrator recommended value skipped'));
    expect(skipped.map((l) => [l.data?.key, l.data?.problem])).toEqual([
      ['recordingHosts', expect.stringMatching(/cannot be recommended.*set it as enforced policy/)],
      ['updatesAllowed', expect.stringMatching(/cannot be recommended/)],
      ['privateNotifications', 'must be true/false or 1/0'],
    ]);
    expect(log.lines).toContainEqual(expect.objectContaining({ data: expect.objectContaining({ key: 'quietHours' }) }));
    // A recommendation never restricts: nothing failed closed, sign-in is not blocked.
    expect(reading.failedClosed).toEqual([]);
    expect(reading.signInBlocked).toBe(false);
    expect(reading.notice?.message).toMatch(/Recommended\\privateNotifications must be true\/false/);
  });

  it('a bad recommended server neither blocks sign-in nor touches the enforced keys', () => {
    const checked = checkRecommended([{ origin: 'r', values: { serverUrl: 'voice', startHidden: 1 } }]);
    expect(checked.recommended).toEqual({ startHidden: true });
    expect(checked.problems).toEqual([{ origin: 'r', key: 'serverUrl', problem: 'must be an http(s) URL' }]);
  });

  it('reads the plist `Recommended` dictionary of the device profile; a restricting policy-only key cannot be recommended', () => {
    const places = readMacPlaces(APP_ID, 'nobody', join(FIXTURES, 'recommended'));
    const log = recordingLog();
    const reading = readPolicy({ platform: 'darwin', appId: APP_ID, log, read: () => places });
    expect(reading.policy).toEqual({ updatesAllowed: false });
    expect(reading.recommended).toEqual({ startHidden: true, dialerUriTemplate: 'sip:{number}' });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ key: 'holdOthersCalls' }) }),
    );
  });

  it('takes the name in any case, and a `recommended` that is not a dictionary costs only itself', () => {
    const split = splitRecommended({ origin: 'f', values: { demoAllowed: false, RECOMMENDED: 'yes' } });
    expect(split.enforced.values).toEqual({ demoAllowed: false });
    expect(split.recommended).toBeUndefined();
    expect(split.problems).toEqual([
      { origin: 'f', key: 'RECOMMENDED', problem: 'must be a dictionary of policy keys' },
    ]);
  });

  it('a second recommended block in another case is not used, not taken for an unknown key, and named in the notice', () => {
    const log = recordingLog();
    const values = { demoAllowed: false, recommended: { startHidden: true }, Recommended: { startAtLogin: true } };
    const reading = readPolicy({
      platform: 'linux',
      appId: APP_ID,
      log,
      read: () => ({ sources: [{ origin: '/etc/p.json', values }], unreadable: [], absent: [] }),
    });
    expect(reading.policy).toEqual({ demoAllowed: false });
    expect(reading.recommended).toEqual({ startHidden: true });
    expect(reading.notice?.detail).toContain("/etc/p.json\\Recommended repeats 'recommended' in another case");
    expect(log.lines.some((l) => l.message.includes('unknown to this version'))).toBe(false);
  });

  it('the first place that recommends a key decides it (machine before user)', () => {
    const checked = checkRecommended([
      { origin: 'machine', values: { startHidden: true } },
      { origin: 'user', values: { startHidden: false, startAtLogin: true } },
    ]);
    expect(checked.recommended).toEqual({ startHidden: true, startAtLogin: true });
  });

  it('only keys the agent can change in the console are recommendable', () => {
    expect([...RECOMMENDABLE_KEYS].sort()).toEqual(
      ['dialerUriTemplate', 'holdAlerts', 'privateNotifications', 'serverUrl', 'startAtLogin', 'startHidden'].sort(),
    );
  });
});

describe('recommended values over the settings store', () => {
  const openStore = (cwd: string) =>
    createSettingsStore({ open: (options) => new Conf(options), cwd, projectVersion: '0.1.0', log: quiet });
  const folder = () => mkdtempSync(join(tmpdir(), 'evo-recommended-'));

  it('applies a recommendation until the agent changes it; the agent’s choice survives a restart', async () => {
    const cwd = folder();
    const recommended = { startAtLogin: true, holdAlerts: false, dialerUriTemplate: 'callto:{number}' };
    const store = openStore(cwd);
    const governed = withPolicy(store, {}, recommended);
    expect(governed.getSettings()).toMatchObject({
      startAtLogin: true,
      holdAlertSeconds: 0,
      dialerUriTemplate: 'callto:{number}',
    });
    expect(governed.lockedKeys).toEqual([]);
    expect(governed.recommendedSettings).toEqual({
      startAtLogin: true,
      holdAlertSeconds: 0,
      dialerUriTemplate: 'callto:{number}',
    });
    expect(governed.setSettings({ startAtLogin: false }).startAtLogin).toBe(false);
    await store.flushed();

    const again = withPolicy(openStore(cwd), {}, recommended);
    expect(again.getSettings()).toMatchObject({ startAtLogin: false, holdAlertSeconds: 0 });
  });

  it('enforced beats the agent and the recommendation; the recommendation of an enforced key is not offered', () => {
    const store = openStore(folder());
    const governed = withPolicy(store, { startAtLogin: false }, { startAtLogin: true, startHidden: true });
    expect(governed.getSettings()).toMatchObject({ startAtLogin: false, startHidden: true });
    expect(governed.recommendedSettings).toEqual({ startHidden: true });
    expect(governed.setSettings({ startAtLogin: true }).startAtLogin).toBe(false);
  });

  it('choosing the recommended value again follows the recommendation; withdrawn, the default applies', async () => {
    const cwd = folder();
    const store = openStore(cwd);
    const governed = withPolicy(store, {}, { startHidden: true });
    governed.setSettings({ startHidden: false });
    expect(governed.getSettings().startHidden).toBe(false);
    governed.setSettings({ startHidden: true });
    expect(store.getRecord(CHOSEN_RECORD)).toEqual([]);
    await store.flushed();
    expect(withPolicy(openStore(cwd), {}, {}).getSettings().startHidden).toBe(false);
  });

  it('a seat from before recommendations keeps what its agent changed; a recommendation added later does not replace a change', async () => {
    const cwd = folder();
    const old = openStore(cwd);
    old.setSettings({ startAtLogin: true, theme: 'dark' });
    await old.flushed();
    const governed = withPolicy(openStore(cwd), {}, { startAtLogin: false, startHidden: true });
    expect(governed.getSettings()).toMatchObject({ startAtLogin: true, startHidden: true, theme: 'dark' });

    const cwd2 = folder();
    const first = openStore(cwd2);
    withPolicy(first, {}, {}).setSettings({ privateNotifications: true });
    withPolicy(first, {}, {}).setSettings({ privateNotifications: false });
    await first.flushed();
    const later = withPolicy(openStore(cwd2), {}, { privateNotifications: true });
    expect(later.getSettings().privateNotifications).toBe(false);
  });

  it('a sign-in to the recommended server keeps following it; another server is the agent’s choice', () => {
    const store = openStore(folder());
    const governed = withPolicy(store, {}, { serverUrl: 'https://voice.example.com' });
    expect(governed.getSettings().serverUrl).toBe('https://voice.example.com');
    governed.setSettings({ serverUrl: 'https://voice.example.com', userName: 'ann' });
    expect(store.getRecord(CHOSEN_RECORD)).toEqual(['userName']);
    governed.setSettings({ serverUrl: 'https://other.example.com' });
    expect(governed.getSettings().serverUrl).toBe('https://other.example.com');
  });
});
