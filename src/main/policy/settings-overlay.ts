// Policy over the agent's settings: the settings an administrator enforced read as the policy says
// and cannot be changed (a change to them is dropped); the settings an administrator recommended
// read as recommended until the agent changes them. Precedence, key by key: enforced (machine, then
// user) > the agent's own choice > recommended > the built-in default.
import { DEFAULT_SETTINGS, type Settings } from '../../shared/ipc';
import type { SettingsStore } from '../core/ports';
import type { Policy, Recommended } from './policy';

/** The settings these policy keys fix (the other policy keys act outside the settings). */
export function lockedSettings(policy: Policy): Partial<Settings> {
  const locked: Partial<Settings> = {};
  if (policy.serverUrl !== undefined) locked.serverUrl = policy.serverUrl;
  if (policy.startAtLogin !== undefined) locked.startAtLogin = policy.startAtLogin;
  if (policy.startHidden !== undefined) locked.startHidden = policy.startHidden;
  if (policy.updateChannel !== undefined) locked.updateChannel = policy.updateChannel;
  if (policy.holdAlerts === false) locked.holdAlertSeconds = 0;
  if (policy.privateNotifications !== undefined) locked.privateNotifications = policy.privateNotifications;
  if (policy.dialerUriTemplate !== undefined) locked.dialerUriTemplate = policy.dialerUriTemplate;
  if (policy.holdOthersCalls !== undefined) locked.holdOthersCalls = policy.holdOthersCalls;
  return locked;
}

/**
 * The record (records.json) of the settings the agent changed themself, which a recommendation
 * (present or added later) does not replace. Absent on a seat that predates recommendations: a saved value other than the
 * default was the agent's choice.
 */
export const CHOSEN_RECORD = 'settings-chosen-by-agent';

type Key = keyof Settings;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const keysOf = (settings: Partial<Settings>) => Object.keys(settings) as Key[];

export interface GovernedSettings {
  /** Settings the administrator enforced: shown as set by the administrator, not editable. */
  lockedKeys: Key[];
  /** Settings the administrator recommended (not enforced): their values, for "Reset to recommended". */
  recommendedSettings: Partial<Settings>;
  recordingHosts: string[];
}

export function withPolicy<S extends SettingsStore>(
  store: S,
  policy: Policy,
  recommended: Recommended = {},
): S & GovernedSettings {
  const locked = lockedSettings(policy);
  const lockedKeys = keysOf(locked);
  const advised = Object.fromEntries(
    Object.entries(lockedSettings(recommended)).filter(([key]) => !Object.hasOwn(locked, key)),
  ) as Partial<Settings>;
  const saved = store.getRecord<Key[]>(CHOSEN_RECORD);
  const stored = Array.isArray(saved) ? undefined : store.getSettings();
  const chosen = new Set<Key>(
    stored ? keysOf(DEFAULT_SETTINGS).filter((key) => !same(stored[key], DEFAULT_SETTINGS[key])) : saved,
  );
  const view = (settings: Settings): Settings => {
    const following = Object.fromEntries(Object.entries(advised).filter(([key]) => !chosen.has(key as Key)));
    return { ...settings, ...following, ...locked };
  };

  /**
   * A change away from what applies is the agent's choice; choosing the recommended value follows
   * the recommendation again ("Reset to recommended"), and the saved value goes back to the default
   * so a recommendation withdrawn later leaves the default, not a copy of it.
   */
  function setSettings(patch: Partial<Settings>): Settings {
    const current = view(store.getSettings());
    const before = [...chosen].sort().join();
    const free: Partial<Settings> = {};
    for (const key of keysOf(patch)) {
      if (Object.hasOwn(locked, key)) continue;
      const value = patch[key];
      if (Object.hasOwn(advised, key) && same(value, advised[key])) {
        chosen.delete(key);
        Object.assign(free, { [key]: DEFAULT_SETTINGS[key] });
        continue;
      }
      if (!same(value, current[key])) chosen.add(key);
      Object.assign(free, { [key]: value });
    }
    const next = store.setSettings(free);
    if ([...chosen].sort().join() !== before) store.setRecord(CHOSEN_RECORD, [...chosen].sort());
    return view(next);
  }

  return {
    ...store,
    lockedKeys,
    recommendedSettings: advised,
    recordingHosts: policy.recordingHosts ?? [],
    getSettings: () => view(store.getSettings()),
    setSettings,
  };
}
