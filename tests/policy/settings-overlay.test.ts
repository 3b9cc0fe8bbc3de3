// Policy over the agent's settings, on the real settings store (conf in a temp folder): locked
// values read as the administrator set them, the agent's changes to them are dropped, others kept.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { describe, expect, it } from 'vitest';

import { checkPolicy } from '../../src/main/policy/policy';
import { checkServerAllowed, ServerLockedError } from '../../src/main/policy/server-lock';
import { lockedSettings, withPolicy } from '../../src/main/policy/settings-overlay';
import { createSettingsStore } from '../../src/main/settings-store';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
function realStore() {
  return createSettingsStore({
    open: (options) => new Conf(options),
    cwd: mkdtempSync(join(tmpdir(), 'evo-overlay-')),
    projectVersion: '0.1.0',
    log: quiet,
  });
}

describe('settings under policy', () => {
  const policy = {
    serverUrl: 'https://voice.example.com',
    startAtLogin: true,
    updateChannel: 'beta' as const,
    demoAllowed: false,
  };

  it('reads the locked settings as the policy sets them, over what the agent saved', () => {
    const store = realStore();
    store.setSettings({ serverUrl: 'https://mine.example.com', startAtLogin: false, theme: 'dark' });
    const governed = withPolicy(store, policy);
    expect(governed.getSettings()).toMatchObject({
      serverUrl: 'https://voice.example.com',
      startAtLogin: true,
      updateChannel: 'beta',
      theme: 'dark',
    });
    expect(governed.lockedKeys.sort()).toEqual(['serverUrl', 'startAtLogin', 'updateChannel']);
  });

  it('fixes the dialer Call back opens when the administrator sets dialerUriTemplate', () => {
    const store = realStore();
    expect(store.getSettings().dialerUriTemplate).toBe('tel:{number}');
    store.setSettings({ dialerUriTemplate: 'sip:{number}' });
    const governed = withPolicy(store, { dialerUriTemplate: 'callto:{number}' });
    expect(governed.getSettings().dialerUriTemplate).toBe('callto:{number}');
    expect(governed.lockedKeys).toEqual(['dialerUriTemplate']);
    expect(governed.setSettings({ dialerUriTemplate: 'tel:{number}' }).dialerUriTemplate).toBe('callto:{number}');
  });

  it('skips a policy dialer the console would refuse to open (a web or script scheme), keeping the other keys', () => {
    for (const dialer of ['https://crm.example.com/call/{number}', 'javascript:alert({number})', 'tel:+1555']) {
      const checked = checkPolicy([{ origin: 'test', values: { dialerUriTemplate: dialer, demoAllowed: false } }]);
      expect(checked.policy).toEqual({ demoAllowed: false });
      expect(checked.problems.map((p) => p.key)).toEqual(['dialerUriTemplate']);
    }
  });

  it('drops changes to locked settings and keeps the others', () => {
    const store = realStore();
    const governed = withPolicy(store, policy);
    const after = governed.setSettings({ startAtLogin: false, doNotDisturb: true });
    expect(after).toMatchObject({ startAtLogin: true, doNotDisturb: true });
    expect(store.getSettings()).toMatchObject({ startAtLogin: false, doNotDisturb: true });
    expect(governed.recovered).toBeUndefined();
  });

  it('changes nothing without a policy', () => {
    const store = realStore();
    const governed = withPolicy(store, {});
    expect(governed.lockedKeys).toEqual([]);
    expect(governed.setSettings({ serverUrl: 'https://mine.example.com' }).serverUrl).toBe('https://mine.example.com');
  });

  it('refuses sign-in to another server than the preset one, with what to do', () => {
    expect(() => checkServerAllowed(policy, 'https://VOICE.example.com/')).not.toThrow();
    expect(() => checkServerAllowed(policy, 'https://evil.example.com')).toThrow(ServerLockedError);
    expect(() => checkServerAllowed(policy, 'https://evil.example.com')).toThrow(/ask IT support/);
    expect(() => checkServerAllowed({}, 'https://any.example.com')).not.toThrow();
  });
});

describe('the holdAlerts policy', () => {
  it('turns hold-time reminders off and locks the setting; true leaves the agent free', () => {
    expect(lockedSettings({ holdAlerts: false })).toEqual({ holdAlertSeconds: 0 });
    expect(lockedSettings({ holdAlerts: true })).toEqual({});
  });
});
