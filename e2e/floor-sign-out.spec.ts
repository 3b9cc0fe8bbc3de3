// Issue 20, item 7: signing out with work open asks first and lists it (a caller the agent holds,
// a note not yet saved); "Stay signed in" keeps everything, "Sign out anyway" signs out.
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('sign-out with a held call and an unsaved note asks first, listing them', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-holly',
    accountId: NORTH,
    fromName: 'Holly Held',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  sim.control.addSession({
    id: 'call-nate',
    accountId: NORTH,
    fromName: 'Nate Notes',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  await row(ui, 'Holly Held').getByRole('button', { name: /^Hold/ }).click();
  await expect.poll(() => sim.control.getSession('call-holly')?.callState).toBe('Hold');
  await openCall(ui, 'Nate Notes');
  sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
  await ui.getByRole('textbox', { name: 'Console data', exact: true }).fill('Not saved yet');
  await expect(ui.getByTestId('console-data-state')).toContainText('Waiting for network');

  await ui.keyboard.press('Alt+5');
  await ui.getByRole('button', { name: 'Sign out' }).click();
  const question = ui.getByRole('alertdialog');
  await expect(question).toContainText('You have callers on hold:');
  await expect(question.getByRole('listitem').filter({ hasText: 'Holly Held' })).toBeVisible();
  await expect(question.getByRole('listitem').filter({ hasText: 'Nate Notes' })).toBeVisible();
  await question.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(question).toBeHidden();
  await expect(ui.getByRole('combobox', { name: 'Active account' })).toBeVisible();

  await ui.getByRole('button', { name: 'Sign out' }).click();
  await question.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(ui.getByLabel('Password')).toBeVisible();
});
