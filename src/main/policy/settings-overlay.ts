// Policy over the agent's settings: the settings an administrator set read as the policy says and
// cannot be changed (a change to them is dropped), and the list of locked keys for Settings.
import type { Settings } from '../../shared/ipc';
import type { SettingsStore } from '../core/ports';
import type { Policy } from './policy';

/** The settings each policy fixes (the other policy keys act outside the settings). */
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

export function withPolicy<S extends SettingsStore>(store: S, policy: Policy): S & { lockedKeys: (keyof Settings)[] } {
  const locked = lockedSettings(policy);
  const lockedKeys = Object.keys(locked) as (keyof Settings)[];
  const free = (patch: Partial<Settings>) =>
    Object.fromEntries(Object.entries(patch).filter(([key]) => !Object.hasOwn(locked, key))) as Partial<Settings>;
  return {
    ...store,
    lockedKeys,
    recordingHosts: policy.recordingHosts ?? [],
    getSettings: () => ({ ...store.getSettings(), ...locked }),
    setSettings: (patch: Partial<Settings>) => ({ ...store.setSettings(free(patch)), ...locked }),
  };
}
