// A missed call: the shell raises a notification, the page shows it, the unread count rises, and marking it seen clears it.
import { signIn, NORTH } from './agent';
import { expect, test } from './fixtures';

test('a missed call raises one notification, shows the unread count, and can be marked seen', async ({
  ui,
  sim,
  app,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-miss',
    accountId: NORTH,
    fromName: 'Mia Missed',
    fromAddress: '+15550009999',
    callState: 'Ringing',
  });
  await expect(ui.getByRole('button', { name: /Mia Missed/ })).toBeVisible();
  sim.control.missCall('call-miss');

  await expect
    .poll(async () => (await app.notifications()).filter((n) => n.sessionId === 'call-miss').length, {
      timeout: 15_000,
    })
    .toBe(1);
  const toast = ui.getByTestId('toast').filter({ hasText: /Mia Missed|\+15550009999/ });
  await expect(toast).toBeVisible();
  const tab = ui.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Activity/ });
  await expect(tab).toContainText('1');
  await expect(tab.getByLabel('1 unread missed call')).toBeVisible();

  await tab.click();
  await expect(ui.getByTestId('unread-count')).toHaveText('1 unread missed call');
  const item = ui.getByRole('listitem').filter({ hasText: 'Mia Missed' });
  await expect(item).toContainText('Missed');
  await ui.getByRole('button', { name: 'Mark all as seen' }).click();
  await expect(ui.getByTestId('unread-count')).toHaveText('No unread missed calls');
  await expect(tab.getByLabel(/unread missed/)).toBeHidden();
  expect((await app.notifications()).filter((n) => n.sessionId === 'call-miss')).toHaveLength(1);
});
