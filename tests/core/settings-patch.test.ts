// A settings change from the renderer, case by case: checked against the schema (unknown keys and
// wrong types refused in words), the server address normalised or refused, and what a change asks
// of the core (the state, the hold reminders, a poll at once).
import { describe, expect, it } from 'vitest';

import { parseSettingsPatch, settingsEffects } from '../../src/main/core/settings-patch';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';

const before: Settings = { ...DEFAULT_SETTINGS };

describe('parseSettingsPatch', () => {
  it('takes a valid patch as it is, the server address normalised', () => {
    expect(parseSettingsPatch({ doNotDisturb: true })).toEqual({ doNotDisturb: true });
    expect(parseSettingsPatch({ serverUrl: ' https://evo.example/ ' })).toEqual({ serverUrl: 'https://evo.example' });
    expect(parseSettingsPatch({})).toEqual({});
  });

  it('refuses unknown keys, wrong types and a server address it may not use, in words', () => {
    expect(() => parseSettingsPatch({ colour: 'red' })).toThrow(/^Settings not saved: .+\.$/);
    expect(() => parseSettingsPatch({ doNotDisturb: 'yes' })).toThrow(/^Settings not saved: .+\.$/);
    expect(() => parseSettingsPatch('everything')).toThrow(/^Settings not saved: .+\.$/);
    for (const bad of [{ colour: 'red' }, { doNotDisturb: 'yes' }]) {
      try {
        parseSettingsPatch(bad);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid-payload' });
      }
    }
    expect(() => parseSettingsPatch({ serverUrl: 'http://evo.example' })).toThrow(/must be reached over https/);
  });
});

describe('settingsEffects', () => {
  it('nothing changed asks nothing', () => {
    expect(settingsEffects(before, { ...before })).toEqual({ state: false, holdAlerts: false, poll: false });
  });

  it('do not disturb republishes the state; the hold reminder time reschedules the reminders', () => {
    expect(settingsEffects(before, { ...before, doNotDisturb: !before.doNotDisturb })).toEqual({
      state: true,
      holdAlerts: false,
      poll: false,
    });
    expect(settingsEffects(before, { ...before, holdAlertSeconds: before.holdAlertSeconds + 30 })).toEqual({
      state: false,
      holdAlerts: true,
      poll: false,
    });
  });

  it.each([
    ['endpointIds', { endpointIds: ['ep-1'] }],
    ['activityWindowHours', { activityWindowHours: before.activityWindowHours + 1 }],
    ['pollLiveMs', { pollLiveMs: before.pollLiveMs + 1000 }],
    ['pollVisibleMs', { pollVisibleMs: before.pollVisibleMs + 1000 }],
    ['pollIdleMs', { pollIdleMs: before.pollIdleMs + 1000 }],
  ])('a change of %s polls at once', (_key, change) => {
    expect(settingsEffects(before, { ...before, ...change } as Settings)).toEqual({
      state: false,
      holdAlerts: false,
      poll: true,
    });
  });

  it('the same lines in a new list do not poll; other lines do', () => {
    const lines = { ...before, endpointIds: ['ep-1', 'ep-2'] } as Settings;
    expect(settingsEffects(lines, { ...lines, endpointIds: ['ep-1', 'ep-2'] } as Settings).poll).toBe(false);
    expect(settingsEffects(lines, { ...lines, endpointIds: ['ep-2', 'ep-1'] } as Settings).poll).toBe(true);
  });
});
