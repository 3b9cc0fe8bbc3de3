// Console data: autosave reaches the server, survives the server being down, a concurrent change becomes a
// conflict, and a server note over the limit is shown read-only with a way to copy it.
import type { Simulator } from '../src/simulator/types';
import { sentNotes } from '../tests/support/sent-notes';
import { NORTH, openCall, signIn } from './agent';
import { expect, test } from './fixtures';

function patchedNotes(sim: Simulator, id: string): string[] {
  return sentNotes(sim.control.requests({ method: 'PATCH', pathPrefix: `/sessions/${id}` }));
}

test('typing a note autosaves it to the server; JSON is shown formatted; the limit is shown', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-json',
    accountId: NORTH,
    fromName: 'Jason Object',
    callState: 'Connected',
    consoleData: '{"ticket":42,"tags":["vip"]}',
  });
  await openCall(ui, 'Jason Object');
  const editor = ui.getByRole('textbox', { name: 'Console data', exact: true });
  await expect(editor).toHaveValue('{\n  "ticket": 42,\n  "tags": [\n    "vip"\n  ]\n}');
  await expect(ui.getByText(/\/ 65,536 characters/)).toBeVisible();

  sim.control.addSession({ id: 'call-note', accountId: NORTH, fromName: 'Nora Notes', callState: 'Connected' });
  await openCall(ui, 'Nora Notes');
  await editor.fill('Wants a callback on Tuesday');
  await expect(ui.getByTestId('console-data-state')).toHaveText('Saved');
  await expect.poll(() => sim.control.getSession('call-note')?.consoleData).toBe('Wants a callback on Tuesday');
  expect(patchedNotes(sim, 'call-note')).toEqual(['Wants a callback on Tuesday']);
});

test('an edit made while the server refuses connections is kept and arrives when it is back', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({ id: 'call-down', accountId: NORTH, fromName: 'Dora Down', callState: 'Connected' });
  await openCall(ui, 'Dora Down');
  sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
  await ui.getByRole('textbox', { name: 'Console data', exact: true }).fill('Written while offline');
  await expect(ui.getByTestId('console-data-state')).toContainText('Waiting for network');
  expect(sim.control.getSession('call-down')?.consoleData).toBeUndefined();

  sim.control.clearFaults();
  await expect(ui.getByTestId('console-data-state')).toHaveText('Saved', { timeout: 20_000 });
  await expect.poll(() => sim.control.getSession('call-down')?.consoleData).toBe('Written while offline');
});

test('a change made by someone else meanwhile is shown as a conflict and the agent keeps a hand merge', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-both',
    accountId: NORTH,
    fromName: 'Bea Both',
    callState: 'Connected',
    consoleData: 'Original note',
  });
  await openCall(ui, 'Bea Both');
  const editor = ui.getByRole('textbox', { name: 'Console data', exact: true });
  await expect(editor).toHaveValue('Original note');
  // The server is unreachable for the outbox's read and write alike until the other change is
  // made, so its next look at the server happens after it (no race with a read made just before).
  sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
  sim.control.addFault({ endpoint: 'sessions', kind: 'reset', rate: 1 });
  await editor.fill('Original note + mine');
  await expect(ui.getByTestId('console-data-state')).toContainText('Waiting for network');
  sim.control.setConsoleData('call-both', 'Their note');
  sim.control.clearFaults();

  await expect(ui.getByRole('alert').filter({ hasText: 'Conflict.' })).toBeVisible({ timeout: 20_000 });
  await expect(ui.getByRole('textbox', { name: 'Your version' })).toHaveValue('Original note + mine');
  await expect(ui.getByRole('textbox', { name: 'Their version' })).toHaveValue('Their note');
  expect(sim.control.getSession('call-both')?.consoleData).toBe('Their note');

  await ui.getByRole('button', { name: 'Merge by hand' }).click();
  await ui.getByRole('textbox', { name: 'Merged text' }).fill('Their note + mine, merged');
  await ui.getByRole('button', { name: 'Save merge' }).click();
  await expect(ui.getByTestId('console-data-state')).toHaveText('Saved');
  await expect(editor).toHaveValue('Their note + mine, merged');
  await expect.poll(() => sim.control.getSession('call-both')?.consoleData).toBe('Their note + mine, merged');
});

test('a server note over the limit is shown read-only with why, and can be copied', async ({ ui, sim }) => {
  await ui.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(ui, sim);
  const long = `Transcript ${'x'.repeat(70_000)} end`;
  sim.control.addSession({
    id: 'call-long',
    accountId: NORTH,
    fromName: 'Lara Long',
    callState: 'Connected',
    consoleData: long,
  });
  await openCall(ui, 'Lara Long');
  const note = ui.getByRole('textbox', { name: 'Console data (read-only)' });
  await expect(note).toHaveValue(long);
  await expect(note).toHaveAttribute('readonly', '');
  await expect(ui.getByTestId('console-data-oversize')).toContainText('70,015 characters');
  await expect(ui.getByTestId('console-data-oversize')).toContainText('cannot be edited here');
  await ui.getByRole('button', { name: 'Copy note' }).focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByTestId('console-data-copy')).toHaveText('Copied to the clipboard.');
  expect(await ui.evaluate(() => navigator.clipboard.readText())).toBe(long);
  expect(sim.control.requests({ method: 'PATCH', pathPrefix: '/sessions/call-long' })).toEqual([]);
});
