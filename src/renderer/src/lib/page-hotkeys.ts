// The Settings hotkeys in the web shell, while the page has focus: hold/resume the call the
// keyboard is on (the focused row or open call, else the agent's own active call) and open its
// notes. The desktop app registers them with the OS instead (main's hotkeys.ts), so this handler
// stands aside there, except where the desktop binds them (Wayland: the desktop may refuse them,
// and takes the key when it binds it); show/hide has no meaning inside a page.
import { agentCalls } from '../../../shared/agent-call';
import { matchesAccelerator } from '../../../shared/hotkeys';
import type { BoardSession } from '../../../shared/live';
import { t } from '../i18n/i18n.svelte';
import { consoleMirror } from '../state/console.svelte';
import { holds } from '../state/holds.svelte';
import { live } from '../state/live.svelte';
import { navigation } from '../state/navigation.svelte';
import { toasts } from '../state/toasts.svelte';

const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The call on screen that has the focus: a board row, or the open call's details. */
function focusedCall(target: EventTarget | null): BoardSession | undefined {
  if (!(target instanceof Element)) return undefined;
  const id =
    target.closest<HTMLElement>('[data-session-id]')?.dataset.sessionId ??
    (target.closest('aside.details') ? navigation.openId : undefined);
  return id ? live.find(id) : undefined;
}

/** What a key acts on: the call that has the focus, else the agent's own active call (the same rule as main's). */
export function keyTarget(target: EventTarget | null): BoardSession | undefined {
  return focusedCall(target) ?? agentCalls(live.sessions, consoleMirror.identity).active;
}

/** True when the key press was a page hotkey (and was handled). */
export function handlePageHotkey(event: KeyboardEvent): boolean {
  if ((window.evoConsole && !consoleMirror.hotkeysByDesktop) || !consoleMirror.signedIn) return false;
  const { hotkeyHold, hotkeyNotes } = consoleMirror.settings;
  const hold = matchesAccelerator(hotkeyHold, event, mac);
  if (!hold && !matchesAccelerator(hotkeyNotes, event, mac)) return false;
  event.preventDefault();
  const focused = focusedCall(event.target);
  const { active, count } = focused ? { active: focused, count: 1 } : agentCalls(live.sessions, consoleMirror.identity);
  if (!active?.id) {
    toasts.show({ kind: 'error', title: t('hotkey.noCall'), body: t('hotkey.noCallBody') });
    return true;
  }
  if (count > 1) {
    toasts.show({
      kind: 'notification',
      title: t('hotkey.which', { count }),
      body: t('hotkey.whichBody', { caller: active.fromName ?? active.fromAddress ?? t('call.unknownCaller') }),
      sessionId: active.id,
    });
  }
  if (hold) void holds.toggle(active);
  else navigation.editNotes(active.id);
  return true;
}
