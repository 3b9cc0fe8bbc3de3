// Keyboard shortcuts for the whole console: Alt+1..5 views, / search, H hold/resume, Esc close, Alt+R retry,
// and in the web shell the hotkeys of Settings while the page has focus (the desktop registers them globally).
import { isCall } from '../../../shared/channel';
import { VIEWS } from '../../../shared/ipc-constants';
import { request } from '../state/api';
import { holds } from '../state/holds.svelte';
import { live } from '../state/live.svelte';
import { navigation } from '../state/navigation.svelte';
import { handlePageHotkey } from './page-hotkeys';

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
    const session = live.find(navigation.selectedId ?? navigation.openId);
    if (session && isCall(session)) {
      event.preventDefault();
      void holds.toggle(session);
    }
  }
}
