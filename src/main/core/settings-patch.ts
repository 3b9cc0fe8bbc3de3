// A settings change from the renderer: validated against the schema (unknown keys refused), the
// server address checked, and what it changes for the rest of the core.
import { type Settings, settingsSchema } from '../../shared/ipc';
import { CoreError } from './errors';
import { checkServerUrl } from './server-url';

/** Settings that change what or how often the core polls: a change polls at once. */
const POLL_SETTINGS = ['endpointIds', 'activityWindowHours', 'pollLiveMs', 'pollVisibleMs', 'pollIdleMs'] as const;

/** The patch as it may be stored, or a CoreError (`invalid-payload`) in words. */
export function parseSettingsPatch(patch: unknown): Partial<Settings> {
  const parsed = settingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) {
    throw new CoreError('invalid-payload', `Settings not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  if (parsed.data.serverUrl !== undefined) parsed.data.serverUrl = checkServerUrl(parsed.data.serverUrl);
  return parsed.data;
}

/** What a change from `before` to `next` asks of the core. */
export function settingsEffects(
  before: Settings,
  next: Settings,
): { state: boolean; holdAlerts: boolean; poll: boolean } {
  return {
    state: before.doNotDisturb !== next.doNotDisturb,
    holdAlerts: before.holdAlertSeconds !== next.holdAlertSeconds,
    poll: POLL_SETTINGS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key])),
  };
}
