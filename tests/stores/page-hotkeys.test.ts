// The Settings hotkeys while the page has focus, runes compiled by the stores project: they act
// on the row or open call that has the focus, else on the agent's most recent own call (saying which
// when the agent has several), hold/resume through the holds store or open the notes; they stand
// aside where the desktop registers them with the OS, and before sign-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { handlePageHotkey, keyTarget } from '../../src/renderer/src/lib/page-hotkeys';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { holds } from '../../src/renderer/src/state/holds.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import { navigation } from '../../src/renderer/src/state/navigation.svelte';
import { toasts } from '../../src/renderer/src/state/toasts.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { type BoardSession, packRows } from '../../src/shared/live';
import { asTarget, FakeElement, installDom, press } from './fake-dom';
import { installPage, settle, signedInState } from './fake-page';

const page = installPage();
installDom();

const state = signedInState();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute)).toISOString();
const older: BoardSession = { id: 'mine-old', dateCreated: at(1), callState: 'Connected', fromName: 'Ada', mine: true };
const newer: BoardSession = { id: 'mine-new', dateCreated: at(3), callState: 'Hold', fromName: 'Bo', mine: true };
const colleagues: BoardSession = {
  id: 'theirs',
  dateCreated: at(5),
  callState: 'Connected',
  fromName: 'Cy',
  answeredByName: 'Priya',
};

function board(sessions: SessionInfo[]): void {
  live.replace({
    version: 1,
    sessions: packRows(sessions),
    activity: packRows([]),
    total: { sessions: sessions.length, activity: 0 },
  });
}

/** Ctrl+Alt+Shift+H and +N: the default hold and notes hotkeys. */
const holdKey = (target: unknown = null) => press('H', 'KeyH', { ctrlKey: true, altKey: true, shiftKey: true, target });
const notesKey = (target: unknown = null) =>
  press('N', 'KeyN', { ctrlKey: true, altKey: true, shiftKey: true, target });

const rowOf = (id: string) =>
  asTarget(new FakeElement('BUTTON', { parent: new FakeElement('LI', { data: { sessionId: id } }) }));
const inDetails = () =>
  asTarget(new FakeElement('BUTTON', { parent: new FakeElement('ASIDE', { className: 'details' }) }));

beforeEach(() => {
  page.main.reset();
  page.main.answer('call:hold', ({ sessionId, action }) => ({
    ok: true,
    value: { id: sessionId, callState: action === 'hold' ? 'Hold' : 'Connected' },
  }));
  consoleMirror.state = state;
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  consoleMirror.hotkeysByDesktop = true;
  holds.requested = {};
  holds.question = undefined;
  toasts.items = [];
  navigation.signedOut();
  navigation.notesPending = false;
  board([older, newer, colleagues]);
});

describe('when the page handles them', () => {
  it('stands aside in the desktop app, where main registers them with the OS', () => {
    consoleMirror.hotkeysByDesktop = false;
    const event = holdKey();
    expect(handlePageHotkey(event)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('stands aside before sign-in, and for any other key', () => {
    consoleMirror.state = { ...state, identity: undefined };
    expect(handlePageHotkey(holdKey())).toBe(false);
    consoleMirror.state = state;
    for (const other of [
      press('H', 'KeyH', { ctrlKey: true, altKey: true }),
      press('h', 'KeyH'),
      press('S', 'KeyS', { ctrlKey: true, altKey: true, shiftKey: true }),
    ]) {
      expect(handlePageHotkey(other)).toBe(false);
      expect(other.defaultPrevented).toBe(false);
    }
    expect(page.main.sent).toEqual([]);
  });
});

describe('which call a key acts on', () => {
  it('the agent’s most recent own call, saying which of the two it took', async () => {
    const event = holdKey();
    expect(handlePageHotkey(event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'mine-new', action: 'resume' }]);
    expect(toasts.items[0]).toMatchObject({
      kind: 'notification',
      title: 'The most recent of your 2 calls',
      body: 'The hotkey acted on the call from Bo.',
      sessionId: 'mine-new',
    });
  });

  it('the row that has the focus, even a colleague’s (asked first), with no word about which', async () => {
    expect(keyTarget(rowOf('theirs'))?.id).toBe('theirs');
    expect(handlePageHotkey(holdKey(rowOf('theirs')))).toBe(true);
    await settle();
    expect(holds.question).toMatchObject({ action: 'hold', owner: 'Priya' });
    expect(toasts.items).toEqual([]);
    expect(handlePageHotkey(holdKey(rowOf('mine-old')))).toBe(true);
    await settle();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'mine-old', action: 'hold' }]);
  });

  it('the open call when the focus is in its details', async () => {
    navigation.openCall('mine-old');
    expect(keyTarget(inDetails())?.id).toBe('mine-old');
    handlePageHotkey(holdKey(inDetails()));
    await settle();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'mine-old', action: 'hold' }]);
  });

  it('the agent’s own call when the focus is on a row no longer on the board, or outside any call', () => {
    expect(keyTarget(rowOf('gone'))?.id).toBe('mine-new');
    expect(keyTarget(asTarget(new FakeElement('BUTTON')))?.id).toBe('mine-new');
    expect(keyTarget(inDetails())?.id, 'no call open').toBe('mine-new');
    expect(keyTarget({ nodeName: 'not an element' } as unknown as EventTarget)?.id).toBe('mine-new');
  });

  it('nothing when the agent has no call on hold or connected: says so', () => {
    board([colleagues, { id: 'ringing', callState: 'Ringing', answeredByName: 'Ann' }]);
    expect(keyTarget(null)).toBeUndefined();
    const event = holdKey();
    expect(handlePageHotkey(event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    expect(toasts.items).toMatchObject([
      { kind: 'error', title: 'No call of yours to act on', body: 'None of your calls is connected or on hold.' },
    ]);
    expect(page.main.sent).toEqual([]);
  });

  it('names the call it took by number, or as an unknown caller, when it has no name', () => {
    board([older, { ...newer, fromName: undefined, fromAddress: '+15550100' }]);
    handlePageHotkey(notesKey());
    expect(toasts.items.at(-1)?.body).toBe('The hotkey acted on the call from +15550100.');
    board([older, { ...newer, fromName: undefined }]);
    handlePageHotkey(notesKey());
    expect(toasts.items.at(-1)?.body).toBe('The hotkey acted on the call from Unknown caller.');
  });
});

describe('the notes hotkey', () => {
  it('opens the call with the focus in its notes, and holds nothing', () => {
    navigation.show('history');
    expect(handlePageHotkey(notesKey(rowOf('theirs')))).toBe(true);
    expect([navigation.view, navigation.openId, navigation.notesPending]).toEqual(['live', 'theirs', true]);
    expect(page.main.sent).toEqual([]);
  });
});

describe('on a Mac', () => {
  it('takes CommandOrControl as Cmd, not Ctrl', async () => {
    const nodeNavigator = globalThis.navigator;
    vi.stubGlobal('navigator', { platform: 'MacIntel', languages: ['en-US'] });
    vi.resetModules();
    try {
      const { handlePageHotkey: onMac } = await import('../../src/renderer/src/lib/page-hotkeys');
      const { consoleMirror: mirror } = await import('../../src/renderer/src/state/console.svelte');
      mirror.state = state;
      mirror.hotkeysByDesktop = true;
      expect(onMac(press('N', 'KeyN', { ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
      expect(onMac(press('N', 'KeyN', { metaKey: true, altKey: true, shiftKey: true }))).toBe(true);
    } finally {
      vi.stubGlobal('navigator', nodeNavigator);
    }
  });
});
