// Global hotkeys on Electron's globalShortcut: hold/resume the agent's own active call, show/hide
// the console, open that call's notes. Registered from the settings and again when they change; an
// accelerator the OS or another application holds (register answers false or throws) is reported
// to the agent in a notification and the log, never silently lost. On a Wayland session the keys
// are bound through the desktop portal: register answers true whatever the desktop does with them,
// and unregister does nothing for them (electron_api_global_shortcut.cc Register/Unregister), so
// a change there releases them all with unregisterAll before registering again.
import type { GlobalShortcut } from 'electron';

import { agentCalls, callerOf } from '../shared/agent-call';
import type { SessionInfo } from '../shared/evovoice';
import {
  acceleratorProblem,
  HOTKEY_ACTIONS,
  HOTKEY_SETTINGS,
  type HotkeyAction,
  sameAccelerator,
} from '../shared/hotkeys';
import type { Settings } from '../shared/ipc';
import type { ConsoleCore } from './core/console';
import type { Logger, Notification } from './core/ports';

export const HOTKEY_NAMES: Record<HotkeyAction, string> = {
  hold: 'Hold / resume my call',
  window: 'Show / hide the console',
  notes: 'Edit the notes of my call',
};

/**
 * Linux on Wayland: Electron 38+ runs natively there (its ozone platform is `auto`, Wayland when
 * XDG_SESSION_TYPE=wayland and a Wayland display is set) unless started with
 * --ozone-platform=x11; then global hotkeys go through the desktop's GlobalShortcuts portal.
 */
export function hotkeysThroughPortal(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  ozonePlatform: string,
): boolean {
  if (platform !== 'linux' || ozonePlatform === 'x11') return false;
  return ozonePlatform === 'wayland' || (env.XDG_SESSION_TYPE === 'wayland' && !!env.WAYLAND_DISPLAY);
}

export interface GlobalHotkeysOptions {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;
  /** The keys are bound through the desktop portal (Wayland): see hotkeysThroughPortal. */
  portal?: boolean;
  core: Pick<ConsoleCore, 'getState' | 'getSnapshot' | 'hold'>;
  /** Shows the console when hidden or behind other windows, hides it when it is in front. */
  toggleWindow: () => void;
  /** Shows the console on this call with its notes editor focused. */
  editNotes: (sessionId: string) => void;
  notify: (notification: Notification) => void;
  log: Logger;
  mac: boolean;
}

export interface GlobalHotkeys {
  /** (Re-)registers the hotkeys the settings name; answers the problems reported. */
  apply(settings: Settings): string[];
  /** The accelerators registered now, by action (tests, diagnostics). */
  registered(): Partial<Record<HotkeyAction, string>>;
  dispose(): void;
}

export function createGlobalHotkeys(options: GlobalHotkeysOptions): GlobalHotkeys {
  const { globalShortcut, core, log } = options;
  const registered = new Map<HotkeyAction, string>();
  let wanted: Partial<Record<HotkeyAction, string>> = {};

  const myCall = (): { call?: SessionInfo; count: number } => {
    const { active, count } = agentCalls(core.getSnapshot().sessions, core.getState().identity);
    if (!active?.id) {
      options.notify({ title: 'No call of yours to act on', body: 'None of your calls is connected or on hold.' });
    }
    return { call: active, count };
  };

  const run: Record<HotkeyAction, () => void> = {
    hold() {
      const { call, count } = myCall();
      if (!call?.id) return;
      const sessionId = call.id;
      const action = call.callState === 'Hold' ? 'resume' : 'hold';
      core.hold({ sessionId, action }).then(
        () => {
          if (count < 2) return;
          options.notify({
            title: action === 'hold' ? `On hold: ${callerOf(call)}` : `Taken off hold: ${callerOf(call)}`,
            body: `The most recent of your ${count} calls.`,
            sessionId,
          });
        },
        (error: unknown) =>
          options.notify({
            title: action === 'hold' ? 'The call was not put on hold' : 'The call was not taken off hold',
            body: error instanceof Error ? error.message : String(error),
            sessionId,
          }),
      );
    },
    window: () => options.toggleWindow(),
    notes() {
      const { call } = myCall();
      if (call?.id) options.editNotes(call.id);
    },
  };

  function problemFor(action: HotkeyAction, accelerator: string, taken: Map<string, HotkeyAction>): string | undefined {
    const invalid = acceleratorProblem(accelerator);
    if (invalid) return invalid;
    for (const [other, by] of taken) {
      if (sameAccelerator(other, accelerator, options.mac)) return `${accelerator} is already "${HOTKEY_NAMES[by]}"`;
    }
    try {
      if (globalShortcut.register(accelerator, run[action])) return undefined;
      return `${accelerator} is taken by the desktop or another application`;
    } catch (error) {
      return `${accelerator} is not a hotkey the desktop accepts (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /** Releases every key this registered; through the portal only unregisterAll does. */
  function releaseAll(): void {
    if (options.portal && registered.size) globalShortcut.unregisterAll();
    else for (const accelerator of registered.values()) globalShortcut.unregister(accelerator);
    registered.clear();
  }

  return {
    apply(settings) {
      const next = Object.fromEntries(HOTKEY_ACTIONS.map((a) => [a, settings[HOTKEY_SETTINGS[a]]]));
      if (HOTKEY_ACTIONS.every((a) => next[a] === wanted[a])) return [];
      wanted = next;
      releaseAll();
      const problems: string[] = [];
      const taken = new Map<string, HotkeyAction>();
      for (const action of HOTKEY_ACTIONS) {
        const accelerator = next[action] ?? '';
        if (accelerator === '') continue;
        const problem = problemFor(action, accelerator, taken);
        if (problem) {
          problems.push(`"${HOTKEY_NAMES[action]}": ${problem}.`);
        } else {
          registered.set(action, accelerator);
          taken.set(accelerator, action);
        }
      }
      if (problems.length) {
        log.warn('Some hotkeys could not be registered', { problems });
        options.notify({
          title: problems.length === 1 ? 'A hotkey is not available' : 'Some hotkeys are not available',
          body: `${problems.join(' ')} Choose another in Settings → Hotkeys.`,
        });
      }
      return problems;
    },
    registered: () => Object.fromEntries(registered),
    dispose() {
      releaseAll();
      wanted = {};
    },
  };
}
