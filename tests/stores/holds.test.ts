// Hold and resume as the page asks main for them, runes compiled by the stores project: the
// agent's own call at once, a colleague's as holdOthersCalls says (ask, allow, deny), nothing while
// the board is not live, shown at once while the request travels, and undone for five seconds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { announcer } from '../../src/renderer/src/state/announcer.svelte';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { holds, ownerOf, UNDO_MS } from '../../src/renderer/src/state/holds.svelte';
import { toasts } from '../../src/renderer/src/state/toasts.svelte';
import type { SessionInfo } from '../../src/shared/evovoice';
import type { Settings } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import type { ConsoleState, Identity } from '../../src/shared/live';
import { installPage, settle } from './fake-page';

const page = installPage();

const agent: Identity = {
  serverUrl: 'https://evo.example',
  userName: 'ann',
  displayName: 'Ann Agent',
  userId: 'u-ann',
  accounts: [{ id: 'acc', name: 'Acme' }],
  accountId: 'acc',
  demo: false,
};
const online: ConsoleState = {
  identity: agent,
  connection: { status: 'online' },
  missed: [],
  holds: {},
  consoleData: {},
  doNotDisturb: false,
};

const mine: SessionInfo = {
  id: 'm1',
  callState: 'Connected',
  fromName: 'Carol',
  channel: 'Voice',
  mine: true,
} as SessionInfo;
const colleagues: SessionInfo = { id: 'c1', callState: 'Connected', fromName: 'Dan', answeredByName: 'Priya' };
const held: SessionInfo = { id: 'h1', callState: 'Hold', fromName: 'Eve', mine: true } as SessionInfo;

function setSettings(fields: Partial<Settings>): void {
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en', ...fields };
}

beforeEach(() => {
  vi.useFakeTimers();
  page.main.reset();
  page.main.answer('call:hold', ({ sessionId, action }) => ({
    ok: true,
    value: { id: sessionId, callState: action === 'hold' ? 'Hold' : 'Connected', fromName: 'Server' },
  }));
  consoleMirror.state = online;
  setSettings({});
  holds.requested = {};
  holds.question = undefined;
  toasts.items = [];
  announcer.message = '';
});
afterEach(() => vi.useRealTimers());

describe('what is in flight', () => {
  it('shows a hold at once while main has not answered, then what main says', async () => {
    const release = page.main.hold('call:hold', { ok: true, value: { id: 'm1', callState: 'Hold' } });
    const sending = holds.toggle(mine);
    expect(holds.pendingFor('m1')).toBe('pending-hold');
    expect(holds.inFlight('m1')).toBe(true);
    expect(holds.stateOf(mine)).toBe('hold');
    expect(holds.inFlight('c1')).toBe(false);
    expect(holds.pendingFor(undefined)).toBeUndefined();
    await release();
    await sending;
    expect(holds.inFlight('m1')).toBe(false);
    expect(holds.stateOf(mine)).toBe('connected');
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'm1', action: 'hold' }]);
  });

  it('adds the holds main has in flight, and keeps the same record while nothing changed', () => {
    consoleMirror.state = { ...online, holds: { h1: 'pending-resume' } };
    const first = holds.pending;
    expect(first).toEqual({ h1: 'pending-resume' });
    expect(holds.stateOf(held)).toBe('connected');
    consoleMirror.state = { ...online, holds: { h1: 'pending-resume' } };
    expect(holds.pending).toBe(first);
    consoleMirror.state = { ...online, holds: { h1: 'pending-hold' } };
    expect(holds.pending).toEqual({ h1: 'pending-hold' });
    consoleMirror.state = { ...online, holds: { h1: 'pending-hold', m1: 'pending-hold' } };
    expect(holds.pending).toEqual({ h1: 'pending-hold', m1: 'pending-hold' });
    consoleMirror.state = { ...online, holds: { h1: 'pending-hold', m1: 'pending-resume' } };
    expect(holds.pending, 'one of two changed').toEqual({ h1: 'pending-hold', m1: 'pending-resume' });
    consoleMirror.state = online;
    expect(holds.pending).toEqual({});
  });

  it('shows a resume at once while it travels', async () => {
    const release = page.main.hold('call:hold', { ok: true, value: { id: 'h1', callState: 'Connected' } });
    const sending = holds.toggle(held);
    expect(holds.pendingFor('h1')).toBe('pending-resume');
    expect(holds.stateOf(held)).toBe('connected');
    await release();
    await sending;
  });

  it('sends nothing for a call without an id or one already in flight', async () => {
    await holds.toggle({ callState: 'Connected', mine: true } as SessionInfo);
    consoleMirror.state = { ...online, holds: { m1: 'pending-hold' } };
    await holds.toggle({ ...mine, callState: 'Hold' });
    expect(page.main.sent).toEqual([]);
  });
});

describe('whose call it is', () => {
  it('is the agent’s by the row’s mark or by the rule, a colleague’s otherwise', () => {
    expect(holds.mine(mine)).toBe(true);
    expect(holds.mine({ id: 'x', callState: 'Connected', answeredByName: 'Ann Agent' })).toBe(true);
    expect(holds.mine(colleagues)).toBe(false);
    expect(ownerOf(colleagues)).toBe('Priya');
    expect(ownerOf({ answeredByName: '' })).toBe('a colleague');
  });
});

describe('toggle and hold for a transfer', () => {
  it('holds a connected call, resumes a held one, leaves a ringing one', async () => {
    await holds.toggle(mine);
    await holds.toggle(held);
    await holds.toggle({ id: 'r1', callState: 'Ringing', mine: true } as SessionInfo);
    expect(page.main.of('call:hold')).toEqual([
      { sessionId: 'm1', action: 'hold' },
      { sessionId: 'h1', action: 'resume' },
    ]);
  });

  it('holds a connected call for a transfer with the reason, and nothing else', async () => {
    await holds.holdForTransfer(mine);
    await holds.holdForTransfer(held);
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'm1', action: 'hold', reason: 'Transferring' }]);
    expect(announcer.message).toBe('Carol is on hold for a transfer.');
  });
});

describe('after main answers', () => {
  it('says so, and offers an undo for five seconds that does the opposite without another undo', async () => {
    await holds.toggle(mine);
    expect(announcer.message).toBe('Carol is on hold.');
    const toast = toasts.items.at(-1);
    expect(toast).toMatchObject({ kind: 'info', title: 'Carol is on hold.', lifetimeMs: UNDO_MS });
    expect(toast?.action).toMatchObject({ label: 'Undo', name: 'Undo: Carol is on hold.' });
    toast?.action?.run();
    await settle();
    expect(page.main.of('call:hold')).toEqual([
      { sessionId: 'm1', action: 'hold' },
      { sessionId: 'm1', action: 'resume' },
    ]);
    expect(announcer.message).toBe('Server is back on the line.');
    expect(toasts.items.filter((t) => t.action)).toHaveLength(1);
    vi.advanceTimersByTime(UNDO_MS);
    expect(toasts.items.filter((t) => t.action)).toHaveLength(0);
  });

  it('undoes a resume by holding again', async () => {
    await holds.toggle(held);
    expect(announcer.message).toBe('Eve is back on the line.');
    toasts.items.at(-1)?.action?.run();
    await settle();
    expect(page.main.of('call:hold').at(-1)).toEqual({ sessionId: 'h1', action: 'hold' });
  });

  it('says a refusal in words and shows the call as it was', async () => {
    page.main.refuse('call:hold', { code: 'server', message: 'The server said no.' });
    await holds.toggle(mine);
    expect(toasts.items.at(-1)).toMatchObject({
      kind: 'error',
      title: 'Could not put Carol on hold',
      body: 'The server said no. The call is shown as it was.',
    });
    await holds.toggle(held);
    expect(toasts.items.at(-1)?.title).toBe('Could not resume Eve');
    expect(holds.inFlight('m1')).toBe(false);
    expect(announcer.message).toBe('');
  });
});

describe('a colleague’s call', () => {
  it('asks first under confirm, and sends only when the agent says go', async () => {
    await holds.holdForTransfer(colleagues);
    expect(page.main.sent).toEqual([]);
    expect(holds.question).toEqual({ session: colleagues, action: 'hold', reason: 'Transferring', owner: 'Priya' });
    await holds.answer(false);
    expect(holds.question).toBeUndefined();
    expect(page.main.sent).toEqual([]);
    await holds.toggle({ ...colleagues, callState: 'Hold' });
    expect(holds.question).toEqual({ session: { ...colleagues, callState: 'Hold' }, action: 'resume', owner: 'Priya' });
    await holds.answer(true);
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'c1', action: 'resume' }]);
    await holds.answer(true);
    expect(page.main.of('call:hold'), 'no question left to answer').toHaveLength(1);
  });

  it('sends at once under allow', async () => {
    setSettings({ holdOthersCalls: 'allow' });
    await holds.toggle(colleagues);
    expect(holds.question).toBeUndefined();
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'c1', action: 'hold' }]);
  });

  it('refuses under deny and says why, but never the agent’s own call', async () => {
    setSettings({ holdOthersCalls: 'deny' });
    const why =
      "This is Priya's call, and your administrator does not let agents change a colleague's call. Ask them or a supervisor.";
    expect(holds.refusal(colleagues)).toBe(why);
    expect(holds.refusal(mine)).toBeUndefined();
    await holds.toggle(colleagues);
    expect(holds.question).toBeUndefined();
    expect(page.main.sent).toEqual([]);
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', title: 'Could not put Dan on hold', body: why });
    await holds.toggle({ ...colleagues, callState: 'Hold' });
    expect(toasts.items.at(-1)?.title).toBe('Could not resume Dan');
    await holds.toggle(mine);
    expect(page.main.of('call:hold')).toEqual([{ sessionId: 'm1', action: 'hold' }]);
    setSettings({ holdOthersCalls: 'confirm' });
    expect(holds.refusal(colleagues)).toBeUndefined();
  });
});

describe('while the board is not live', () => {
  it('refuses every call, naming the last good poll', async () => {
    const lastGoodPoll = '2026-12-05T09:15:00.000Z';
    consoleMirror.state = { ...online, connection: { status: 'signed-out', lastGoodPoll } };
    const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
      new Date(lastGoodPoll),
    );
    const why = `The board is not live since ${time}: sign in again to hold or resume calls.`;
    expect(holds.blocked).toBe(why);
    await holds.toggle(mine);
    await holds.toggle(held);
    expect(page.main.sent).toEqual([]);
    expect(toasts.items.map((t) => [t.kind, t.title, t.body])).toEqual([
      ['error', 'Could not put Carol on hold', why],
      ['error', 'Could not resume Eve', why],
    ]);
    consoleMirror.state = { ...online, connection: { status: 'signed-out' } };
    expect(holds.blocked).toBe('The board is not live since —: sign in again to hold or resume calls.');
  });

  it('is not blocked while polls fail (offline) or before anyone signed in', () => {
    consoleMirror.state = { ...online, connection: { status: 'offline' } };
    expect(holds.blocked).toBeUndefined();
    consoleMirror.state = { ...online, identity: undefined, connection: { status: 'signed-out' } };
    expect(holds.blocked).toBeUndefined();
  });
});
