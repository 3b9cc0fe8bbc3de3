// Issue 20, item 6: names, not ids. A call a colleague holds says so by name, not "user-marcus";
// the agent is "you"; queue and member states are words in the agent's language, never "None".
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('rows and details name people and states, and never show a raw id without saying what it is', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-held',
    accountId: NORTH,
    fromName: 'Hana Held',
    callState: 'Hold',
    heldByUserId: 'user-marcus',
    answeredByName: 'Marcus Webb',
    queueState: 'Connected',
    members: [
      { role: 'Caller', callState: 'None', displayName: 'Hana Held' },
      { role: 'Agent', callState: 'Hold', displayName: 'Marcus Webb', identity: 'user-marcus' },
    ],
  });
  sim.control.addSession({
    id: 'call-mine',
    accountId: NORTH,
    fromName: 'Mo Mine',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });

  const held = row(ui, 'Hana Held');
  await expect(held).toContainText('Held by a colleague');
  await expect(held).not.toContainText('user-marcus');
  await expect(held.getByTitle('user id user-marcus')).toBeVisible();
  await expect(row(ui, 'Mo Mine')).toContainText('you');

  await openCall(ui, 'Hana Held');
  const details = ui.getByRole('complementary');
  await expect(details.locator('dd').filter({ hasText: 'user-marcus' })).toHaveText(
    /^\s*a colleague\s+\(user id user-marcus\)\s*$/,
  );
  await expect(details).toContainText('Answered from the queue');
  await expect(details).not.toContainText('None');
  await expect(details.getByRole('listitem').filter({ hasText: 'Marcus Webb' })).toContainText('Agent · On hold');
  await expect(details.getByRole('listitem').filter({ hasText: 'Hana Held' })).toHaveText(/Hana Held\s*Caller$/);
});
