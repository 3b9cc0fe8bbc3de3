// Administrator recommendations in Settings: whether a setting follows the value its administrator
// recommended (the agent may change it), or the agent changed it away from it (then Settings offers
// the recommended value back). Locked settings are not recommendations.
import type { Settings } from '../../../shared/ipc';

export interface Recommendation<K extends keyof Settings = keyof Settings> {
  /** The value the administrator recommended. */
  value: Settings[K];
  /** The setting has it now. */
  following: boolean;
}

export function recommendationFor<K extends keyof Settings>(
  key: K,
  settings: Settings,
  recommended: Partial<Settings>,
  locked: readonly (keyof Settings)[],
): Recommendation<K> | undefined {
  if (locked.includes(key) || !Object.hasOwn(recommended, key)) return undefined;
  const value = recommended[key] as Settings[K];
  return { value, following: JSON.stringify(settings[key]) === JSON.stringify(value) };
}
