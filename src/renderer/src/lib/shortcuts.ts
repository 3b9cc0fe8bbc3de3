// Keyboard shortcuts for the whole console: Alt+1..5 views, / search, H hold/resume (Shift+H: hold
// for a transfer) of the call the keyboard is on, Esc close, Alt+R retry, and in the web shell the
// hotkeys of Settings while the page has focus (the desktop registers them globally).
import { isCall } from '../../../shared/channel';
import { VIEWS } from '../../../shared/ipc-constants';
import { request } from '../state/api';
import { holds } from '../state/holds.svelte';
import { navigation } from '../state/navigation.svelte';
import { handlePageHotkey, keyTarget } from './page-hotkeys';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function handleShortcut(event: KeyboardEvent): void {
  if (event.defaultPrevented || handlePageHotkey(event)) return;
  if (event.ctrlKey || event.metaKey) return;
  if (event.altKey) {
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined);
    const view = digit ? VIEWS[Number(digit) - 1] : undefined;
    if (view) {
      event.preventDefault();
      navigation.show(view);
    } else if (event.code === 'KeyR') {
      event.preventDefault();
      void request('poll:now', {});
    }
    return;
  }
  if (event.key === 'Escape' && navigation.view === 'live' && navigation.openId) {
    event.preventDefault();
    navigation.closeCall();
    return;
  }
  if (isTyping(event.target)) return;
  if (event.key === '/') {
    event.preventDefault();
    navigation.focusSearch();
  } else if ((event.key === 'h' || event.key === 'H') && navigation.view === 'live') {
    // The row (or open call) with the focus, else the agent's own call: never a call off screen.
    const session = keyTarget(event.target);
    if (!session || !isCall(session)) return;
    event.preventDefault();
    if (event.shiftKey) void holds.holdForTransfer(session);
    else void holds.toggle(session);
  }
}
