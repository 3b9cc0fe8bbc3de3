// The console's keyboard shortcuts, runes compiled by the stores project: Alt+1…5 the views,
// Alt+R a poll now, Esc closes the open call, / the search, H hold/resume (Shift+H: for a transfer)
// of the call the keyboard is on; never while the agent types, never with Ctrl or Cmd.
import { beforeEach, describe, expect, it } from 'vitest';

import { handleShortcut } from '../../src/renderer/src/lib/shortcuts';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { holds } from '../../src/renderer/src/state/holds.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import { navigation } from '../../src/renderer/src/state/navigation.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS, VIEWS } from '../../src/shared/ipc-constants';
import { packRows } from '../../src/shared/live';
import { FakeElement, installDom, press } from './fake-dom';
import { installPage, settle, signedInState } from './fake-page';

const page = installPage();
installDom();

const state = signedInState();

const mine: SessionInfo = {
  id: 'mine',
  dateCreated: '2026-12-05T09:00:00.000Z',
  callState: 'Connected',
  heldByUserId: 'u1',
};
const chat: SessionInfo = {
  id: 'chat',
  dateCreated: '2026-12-05T09:01:00.000Z',
  callState: 'Connected',
  channel: 'Chat',
};

const rowOf = (id: string) => new FakeElement('BUTTON', { parent: new FakeElement('LI', { data: { sessionId: id } }) });

function board(sessions: SessionInfo[]): void {
  live.replace({
    version: 1,
    sessions: packRows(sessions),
    activity: packRows([]),
    total: { sessions: sessions.length, activity: 0 },
  });
}

beforeEach(() => {
  page.main.reset();
  page.main.ok('poll:now', null);
  page.main.answer('call:hold', ({ sessionId, action }) => ({
    ok: true,
    value: { id: sessionId, callState: action === 'hold' ? 'Hold' : 'Connected' },
  }));
  consoleMirror.state = state;
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  consoleMirror.hotkeysByDesktop = false;
  holds.requested = {};
  navigation.signedOut();
  navigation.searchRequest = 0;
  board([mine, chat]);
});

describe('views and retry', () => {
  it('shows view n with Alt+n, by the key’s place or by the digit it types', () => {
    VIEWS.forEach((view, i) => {
      const event = press(String(i + 1), `Digit${i + 1}`, { altKey: true });
      handleShortcut(event);
      expect(event.defaultPrevented).toBe(true);
      expect(navigation.view).toBe(view);
    });
    handleShortcut(press('2', 'Numpad2', { altKey: true }));
    expect(navigation.view).toBe('activity');
    handleShortcut(press('&', 'Digit3', { altKey: true }));
    expect(navigation.view, 'a layout where Digit3 types another character').toBe('history');
  });

  it('leaves Alt with a digit that names no view, or with another key', () => {
    navigation.show('settings');
    for (const event of [
      press(String(VIEWS.length + 1), `Digit${VIEWS.length + 1}`, { altKey: true }),
      press('0', 'Digit0', { altKey: true }),
      press('/', 'Slash', { altKey: true }),
      press('h', 'KeyH', { altKey: true }),
    ]) {
      handleShortcut(event);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(navigation.view).toBe('settings');
    expect(navigation.searchRequest).toBe(0);
    expect(page.main.sent).toEqual([]);
  });

  it('takes only a whole digit for a view, by place or by the key typed', () => {
    navigation.show('settings');
    for (const event of [
      press('&', 'XDigit3', { altKey: true }),
      press('&', 'Digit30', { altKey: true }),
      press('F1', 'F1', { altKey: true }),
      press('2x', 'KeyQ', { altKey: true }),
    ]) {
      handleShortcut(event);
      expect(event.defaultPrevented, event.code).toBe(false);
    }
    expect(navigation.view).toBe('settings');
  });

  it('polls now with Alt+R', async () => {
    const event = press('r', 'KeyR', { altKey: true });
    handleShortcut(event);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(page.main.of('poll:now')).toEqual([{}]);
  });
});

describe('keys left alone', () => {
  it('any key with Ctrl or Cmd, and a key another handler took', () => {
    const taken = press('1', 'Digit1', { altKey: true });
    taken.preventDefault();
    navigation.show('settings');
    handleShortcut(taken);
    handleShortcut(press('1', 'Digit1', { altKey: true, ctrlKey: true }));
    handleShortcut(press('1', 'Digit1', { altKey: true, metaKey: true }));
    handleShortcut(press('/', 'Slash', { ctrlKey: true }));
    expect(navigation.view).toBe('settings');
    expect(navigation.searchRequest).toBe(0);
  });

  it('keys typed in a text field, a list or editable text', () => {
    const editable = new FakeElement('DIV');
    editable.isContentEditable = true;
    for (const target of [new FakeElement('INPUT'), new FakeElement('TEXTAREA'), new FakeElement('SELECT'), editable]) {
      const slash = press('/', 'Slash', { target });
      handleShortcut(slash);
      expect(slash.defaultPrevented).toBe(false);
      handleShortcut(press('h', 'KeyH', { target }));
    }
    expect(navigation.searchRequest).toBe(0);
    expect(page.main.sent).toEqual([]);
  });

  it('the settings hotkey the page handles is not also an H', async () => {
    consoleMirror.hotkeysByDesktop = true;
    handleShortcut(press('H', 'KeyH', { ctrlKey: true, altKey: true, shiftKey: true }));
    await settle();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'mine', action: 'hold' }]);
  });
});

describe('Esc and search', () => {
  it('closes the open call on the live board with Esc, and takes no Esc otherwise', () => {
    navigation.openCall('mine');
    const esc = press('Escape', 'Escape', { target: new FakeElement('INPUT') });
    handleShortcut(esc);
    expect(esc.defaultPrevented).toBe(true);
    expect(navigation.openId).toBeUndefined();
    const again = press('Escape', 'Escape');
    handleShortcut(again);
    expect(again.defaultPrevented).toBe(false);
    navigation.openCall('mine');
    navigation.show('history');
    handleShortcut(press('Escape', 'Escape'));
    expect(navigation.openId).toBe('mine');
  });

  it('takes / for the search, not Esc, while a call is open', () => {
    navigation.openCall('mine');
    handleShortcut(press('/', 'Slash'));
    expect(navigation.openId).toBe('mine');
    expect(navigation.searchRequest).toBe(1);
  });

  it('asks the view to focus its search with /', () => {
    const slash = press('/', 'Slash', { target: new FakeElement('BUTTON') });
    handleShortcut(slash);
    expect(slash.defaultPrevented).toBe(true);
    expect(navigation.searchRequest).toBe(1);
  });
});

describe('H on the live board', () => {
  it('holds the agent’s own call with h or H, and for a transfer with Shift+H', async () => {
    const h = press('h', 'KeyH');
    handleShortcut(h);
    await settle();
    expect(h.defaultPrevented).toBe(true);
    board([{ ...mine, callState: 'Hold' }, chat]);
    handleShortcut(press('H', 'KeyH'));
    await settle();
    board([mine, chat]);
    handleShortcut(press('H', 'KeyH', { shiftKey: true }));
    await settle();
    expect(page.main.of('call:hold')).toEqual([
      { sessionId: 'mine', action: 'hold' },
      { sessionId: 'mine', action: 'resume' },
      { sessionId: 'mine', action: 'hold', reason: 'Transferring' },
    ]);
  });

  it('holds the call whose row has the focus, never a chat, and nothing off the live board', async () => {
    board([
      mine,
      chat,
      { id: 'other', dateCreated: '2026-12-05T09:02:00.000Z', callState: 'Connected', mine: true } as SessionInfo,
    ]);
    handleShortcut(press('h', 'KeyH', { target: rowOf('other') }));
    await settle();
    const onChat = press('h', 'KeyH', { target: rowOf('chat') });
    handleShortcut(onChat);
    expect(onChat.defaultPrevented).toBe(false);
    navigation.show('history');
    const offBoard = press('h', 'KeyH', { target: rowOf('mine') });
    handleShortcut(offBoard);
    expect(offBoard.defaultPrevented).toBe(false);
    await settle();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'other', action: 'hold' }]);
  });

  it('does nothing when the keyboard is on no call and the agent has none', () => {
    board([chat]);
    const h = press('h', 'KeyH');
    handleShortcut(h);
    expect(h.defaultPrevented).toBe(false);
    expect(page.main.sent).toEqual([]);
  });
});
