// Signing out with work open, runes compiled by the stores project: the agent's own held calls
// and the notes the server has not confirmed are listed first (named by caller), and the agent signs
// out only after saying so; with nothing open it is one click. Also the missed calls marked seen.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { markSeen } from '../../src/renderer/src/state/activity';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import { navigation } from '../../src/renderer/src/state/navigation.svelte';
import { openWork, signOutQuestion } from '../../src/renderer/src/state/sign-out.svelte';
import { toasts } from '../../src/renderer/src/state/toasts.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { packRows } from '../../src/shared/live';
import { installPage, signedInState } from './fake-page';

const page = installPage();

const state = signedInState();

const board = (sessions: SessionInfo[]) =>
  live.replace({
    version: 1,
    sessions: packRows(sessions),
    activity: packRows([]),
    total: { sessions: sessions.length, activity: 0 },
  });

beforeEach(() => {
  page.main.reset();
  page.main.ok('auth:sign-out', null);
  consoleMirror.state = state;
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  signOutQuestion.work = undefined;
  toasts.items = [];
  board([]);
});

describe('open work', () => {
  it('lists the agent’s own calls on hold, not a colleague’s, an ended one or one still talking', () => {
    board([
      { id: 'h1', callState: 'Hold', heldByUserId: 'u1', fromName: 'Ada' },
      { id: 'h2', callState: 'Hold', mine: true } as SessionInfo,
      { id: 'h3', callState: 'Hold', heldByUserId: 'someone', fromName: 'Colleague’s' },
      { id: 'h4', callState: 'Hold', heldByUserId: 'u1', ended: true, fromName: 'Ended' },
      { id: 'c1', callState: 'Connected', heldByUserId: 'u1', fromName: 'Talking' },
    ]);
    expect(openWork()).toEqual({ held: ['Ada', 'Unknown caller'], notes: [] });
  });

  it('lists notes not yet confirmed, by the caller main names, else the board’s, else the call id', () => {
    board([{ id: 'n2', callState: 'Connected', fromName: 'Bo' }]);
    consoleMirror.state = {
      ...state,
      consoleData: {
        n1: { sessionId: 'n1', state: 'failed', caller: 'Cy' },
        n2: { sessionId: 'n2', state: 'saving' },
        n3: { sessionId: 'n3', state: 'conflict' },
        n4: { sessionId: 'n4', state: 'saved', caller: 'Done' },
      },
    };
    expect(openWork()).toEqual({ held: [], notes: ['Cy', 'Bo', 'call n3'] });
  });
});

describe('signing out', () => {
  it('signs out at once with nothing open', async () => {
    await signOutQuestion.ask();
    expect(signOutQuestion.work).toBeUndefined();
    expect(page.main.of('auth:sign-out')).toHaveLength(1);
    expect(consoleMirror.signedIn).toBe(false);
  });

  it('asks first with a held call or an unsent note, and signs out only on go', async () => {
    board([{ id: 'h1', callState: 'Hold', heldByUserId: 'u1', fromName: 'Ada' }]);
    await signOutQuestion.ask();
    expect(signOutQuestion.work).toEqual({ held: ['Ada'], notes: [] });
    expect(page.main.sent).toEqual([]);
    await signOutQuestion.answer(false);
    expect(signOutQuestion.work).toBeUndefined();
    expect(page.main.sent).toEqual([]);
    consoleMirror.state = { ...state, consoleData: { n1: { sessionId: 'n1', state: 'failed' } } };
    board([]);
    await signOutQuestion.ask();
    expect(signOutQuestion.work).toEqual({ held: [], notes: ['call n1'] });
    await signOutQuestion.answer(true);
    expect(signOutQuestion.work).toBeUndefined();
    expect(page.main.of('auth:sign-out')).toHaveLength(1);
  });
});

describe('navigation', () => {
  it('opens a call on the live board, for its notes too, and closes it', () => {
    navigation.show('history');
    navigation.openCall('c1');
    expect([navigation.view, navigation.selectedId, navigation.openId, navigation.notesPending]).toEqual([
      'live',
      'c1',
      'c1',
      false,
    ]);
    navigation.editNotes('c2');
    expect([navigation.openId, navigation.notesPending]).toEqual(['c2', true]);
    navigation.closeCall();
    expect([navigation.selectedId, navigation.openId]).toEqual(['c2', undefined]);
    const asked = navigation.searchRequest;
    navigation.focusSearch();
    expect(navigation.searchRequest).toBe(asked + 1);
  });
});

describe('a fresh page', () => {
  it('starts on the live board with nothing selected and nothing announced', async () => {
    vi.resetModules();
    const { navigation: fresh } = await import('../../src/renderer/src/state/navigation.svelte');
    const { announcer } = await import('../../src/renderer/src/state/announcer.svelte');
    expect([fresh.view, fresh.selectedId, fresh.openId, fresh.notesPending, fresh.searchRequest]).toEqual([
      'live',
      undefined,
      undefined,
      false,
      0,
    ]);
    expect(announcer.message).toBe('');
  });
});

describe('missed calls seen', () => {
  it('marks some or all seen, and says when main could not', async () => {
    page.main.ok('missed:mark-seen', null);
    await markSeen(['m1', 'm2']);
    await markSeen();
    expect(page.main.of('missed:mark-seen')).toEqual([{ sessionIds: ['m1', 'm2'] }, {}]);
    expect(toasts.items).toEqual([]);
    page.main.refuse('missed:mark-seen', { code: 'network', message: 'No link.' });
    await markSeen();
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Could not mark as seen', body: 'No link.' });
  });
});
