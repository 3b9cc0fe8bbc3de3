// Console-data drafts as the page keeps them, runes compiled by the stores project: autosaved
// after a pause (or at once on blur), each save based on the server's note the edit started from,
// the next one on the text main confirmed, an unconfirmed text shown until it is saved, and the
// unsent notes' retry and discard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { announcer } from '../../src/renderer/src/state/announcer.svelte';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { live } from '../../src/renderer/src/state/live.svelte';
import { AUTOSAVE_DELAY_MS, notes } from '../../src/renderer/src/state/notes.svelte';
import { toasts } from '../../src/renderer/src/state/toasts.svelte';
import { callLabel, discardNote, retryNote, unsentNotes } from '../../src/renderer/src/state/unsent-notes';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { type ConsoleDataStatus, type ConsoleState, packRows } from '../../src/shared/live';
import { installPage, settle } from './fake-page';

const page = installPage();

const state: ConsoleState = {
  connection: { status: 'online' },
  missed: [],
  holds: {},
  consoleData: {},
  doNotDisturb: false,
};
const call: SessionInfo = {
  id: 'c1',
  callState: 'Connected',
  consoleData: 'server note',
  dateLastModified: '2026-12-05T09:00:00.000Z',
};

/** The call open in the page: its row on the board, its full details (the note among them) from main. */
async function openOnBoard(session: SessionInfo): Promise<void> {
  live.replace({
    version: 1,
    sessions: packRows([session]),
    activity: packRows([]),
    total: { sessions: 1, activity: 0 },
  });
  page.main.ok('call:details', { version: 1, session });
  await live.open(session.id ?? '');
}

/** A patch from main: the open call's note and date as the server now has them. */
function serverHas(consoleData: string, dateLastModified: string): void {
  live.apply({
    version: 2,
    sessions: { added: [], changed: [{ id: 'c1', set: { consoleData, dateLastModified } }], removed: [] },
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  page.main.reset();
  page.main.answer('call:save-console-data', ({ sessionId, text }) => ({
    ok: true,
    value: { sessionId, state: 'saving', pending: text },
  }));
  consoleMirror.state = state;
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  notes.drafts = {};
  toasts.items = [];
  announcer.message = '';
  live.clear();
});
afterEach(() => vi.useRealTimers());

describe('what the editor shows', () => {
  it('the server’s note (JSON pretty-printed), else main’s unconfirmed text, else the draft', () => {
    expect(notes.textFor({ id: 'x', consoleData: '{"a":1}' })).toBe('{\n  "a": 1\n}');
    expect(notes.textFor({ consoleData: 'no id' })).toBe('no id');
    consoleMirror.state = { ...state, consoleData: { c1: { sessionId: 'c1', state: 'failed', pending: 'unsent' } } };
    expect(notes.textFor(call)).toBe('unsent');
    consoleMirror.state = { ...state, consoleData: { c1: { sessionId: 'c1', state: 'saved', pending: 'old' } } };
    expect(notes.textFor(call), 'saved: the server’s note is the truth').toBe('server note');
    consoleMirror.state = { ...state, consoleData: { c1: { sessionId: 'c1', state: 'saving' } } };
    expect(notes.textFor(call)).toBe('server note');
    notes.edit(call, 'typing');
    expect(notes.textFor(call)).toBe('typing');
  });
});

describe('autosave', () => {
  it('saves after the pause, once, with the note the edit started from', async () => {
    notes.edit(call, 'a');
    expect(notes.isTyping('c1')).toBe(true);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    notes.edit(call, 'ab');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(page.main.sent, 'each key restarts the pause').toEqual([]);
    vi.advanceTimersByTime(1);
    await settle();
    expect(page.main.of('call:save-console-data')).toEqual([
      { sessionId: 'c1', text: 'ab', base: { value: 'server note', dateLastModified: '2026-12-05T09:00:00.000Z' } },
    ]);
    expect(notes.isTyping('c1')).toBe(false);
    expect(notes.isSending('c1')).toBe(false);
  });

  it('is sending until main answers', async () => {
    const release = page.main.hold('call:save-console-data', { ok: true, value: { sessionId: 'c1', state: 'saving' } });
    notes.edit(call, 'x');
    notes.flush(call);
    await settle();
    expect(notes.isSending('c1')).toBe(true);
    await release();
    expect(notes.isSending('c1')).toBe(false);
    expect(notes.isSending('nope')).toBe(false);
    expect(notes.isTyping('nope')).toBe(false);
  });

  it('saves at once on blur, and not again when nothing changed', async () => {
    notes.flush(call);
    expect(page.main.sent, 'no draft: nothing to send').toEqual([]);
    notes.edit(call, 'now');
    notes.flush(call);
    await settle();
    expect(page.main.of('call:save-console-data').map((a) => a.text)).toEqual(['now']);
    notes.flush(call);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    await settle();
    expect(page.main.sent).toHaveLength(1);
    notes.edit(call, 'now');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.sent, 'the same text again is not sent twice').toHaveLength(1);
  });

  it('bases the next save on the text the server confirmed, not the old note', async () => {
    await openOnBoard(call);
    notes.edit(call, 'first');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    serverHas('first', '2026-12-05T09:01:00.000Z');
    notes.edit(call, 'second');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.of('call:save-console-data').map((a) => a.base)).toEqual([
      { value: 'server note', dateLastModified: '2026-12-05T09:00:00.000Z' },
      { value: 'first', dateLastModified: '2026-12-05T09:01:00.000Z' },
    ]);
  });

  it('keeps the base while the server still has another text', async () => {
    await openOnBoard(call);
    notes.edit(call, 'first');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    serverHas('someone else', '2026-12-05T09:02:00.000Z');
    notes.edit(call, 'second');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.of('call:save-console-data')[1]?.base).toEqual({
      value: 'server note',
      dateLastModified: '2026-12-05T09:00:00.000Z',
    });
  });

  it('ignores a call without an id, and says when main could not take the note', async () => {
    notes.edit({ consoleData: 'x' }, 'lost');
    expect(notes.drafts).toEqual({});
    page.main.refuse('call:save-console-data', { code: 'internal', message: 'Disk full.' });
    notes.edit(call, 'text');
    notes.flush(call);
    await settle();
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Note not saved', body: 'Disk full.' });
  });
});

describe('a conflict resolved', () => {
  it('keeps the chosen text as sent, on the server’s version, and stops the pending save', async () => {
    page.main.ok('call:resolve-conflict', { sessionId: 'c1', state: 'saving' });
    notes.edit(call, 'typing');
    const theirs = { value: 'theirs', dateLastModified: '2026-12-05T09:03:00.000Z' };
    await notes.resolve('c1', 'merged', theirs);
    expect(page.main.of('call:resolve-conflict')).toEqual([{ sessionId: 'c1', text: 'merged' }]);
    expect(notes.textFor(call)).toBe('merged');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.of('call:save-console-data'), 'the typing before is not saved over it').toEqual([]);
    notes.edit(call, 'merged more');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.of('call:save-console-data')[0]?.base).toEqual(theirs);
  });

  it('says when main could not resolve it', async () => {
    page.main.refuse('call:resolve-conflict', { code: 'network', message: 'No link.' });
    await notes.resolve('c1', 'mine', {});
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Conflict not resolved', body: 'No link.' });
  });
});

describe('unsent notes', () => {
  const failed: ConsoleDataStatus = { sessionId: 'f1', state: 'failed', pending: 'a', caller: 'Ada' };
  const conflict: ConsoleDataStatus = { sessionId: 'k1', state: 'conflict', pending: 'b' };

  it('lists the failed and conflicting notes only, named by caller or call id', () => {
    const all: Record<string, ConsoleDataStatus> = {
      f1: failed,
      k1: conflict,
      s1: { sessionId: 's1', state: 'saving' },
      w1: { sessionId: 'w1', state: 'waiting-for-network' },
      d1: { sessionId: 'd1', state: 'saved' },
    };
    expect(unsentNotes(all)).toEqual([failed, conflict]);
    expect(callLabel(failed)).toBe('Ada');
    expect(callLabel(conflict)).toBe('call k1');
  });

  it('retries and discards a note, saying so, or why not', async () => {
    page.main.ok('call:retry-console-data', failed);
    page.main.ok('call:discard-console-data', null);
    await retryNote(failed);
    expect(announcer.message).toBe('Sending the note for Ada again.');
    await discardNote(conflict);
    expect(announcer.message).toBe('Discarded the note for call k1.');
    expect(page.main.sent).toEqual([
      { channel: 'call:retry-console-data', args: { sessionId: 'f1' } },
      { channel: 'call:discard-console-data', args: { sessionId: 'k1' } },
    ]);
    page.main.refuse('call:retry-console-data', { code: 'network', message: 'R' });
    page.main.refuse('call:discard-console-data', { code: 'network', message: 'D' });
    await retryNote(failed);
    await discardNote(failed);
    expect(toasts.items.map((t) => [t.kind, t.title, t.body])).toEqual([
      ['error', 'Note not sent', 'R'],
      ['error', 'Note not discarded', 'D'],
    ]);
  });
});

describe('a note on a call that had none', () => {
  it('keeps the base the edit started from when the call changed meanwhile', async () => {
    const bare: SessionInfo = { id: 'c1', callState: 'Connected', dateLastModified: '2026-12-05T09:00:00.000Z' };
    await openOnBoard(bare);
    notes.edit(bare, 'first words');
    live.apply({
      version: 2,
      sessions: {
        added: [],
        changed: [{ id: 'c1', set: { dateLastModified: '2026-12-05T09:05:00.000Z' } }],
        removed: [],
      },
    });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await settle();
    expect(page.main.of('call:save-console-data')[0]?.base).toEqual({ dateLastModified: '2026-12-05T09:00:00.000Z' });
  });
});
