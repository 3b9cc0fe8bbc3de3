// A missed call: the shell raises a notification, the page shows it, the unread count rises, marking it seen
// clears it, and its Activity row agrees with the count before the slower activity feed catches up.
import { DEMO_USER } from '../src/simulator/types';
import { chooseAccountIfAsked, fillSignIn, NORTH, signIn } from './agent';
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

test('a call just missed reads Missed in Activity as soon as the header counts it, not In progress', async ({
  ui,
  sim,
}) => {
  // Default intervals (no pollEverySecond): the activity feed refreshes only every 15 s, the sessions feed every 2-5 s.
  sim.control.addSession({ id: 'call-late', accountId: NORTH, fromName: 'Lena Late', callState: 'Ringing' });
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await chooseAccountIfAsked(ui);
  await ui.keyboard.press('Alt+2');
  const item = ui.getByRole('listitem').filter({ hasText: 'Lena Late' });
  await expect(item).toContainText('In progress');
  const activityPolls = sim.control.requests({ pathPrefix: '/portal/activity' }).length;
  sim.control.missCall('call-late');

  await expect(ui.getByTestId('unread-count')).toHaveText('1 unread missed call', { timeout: 15_000 });
  await expect(item).toContainText('Missed', { timeout: 1_000 });
  await expect(item).not.toContainText('In progress');
  expect(
    sim.control.requests({ pathPrefix: '/portal/activity' }).length,
    'decided before the activity feed was asked again',
  ).toBe(activityPolls);
});
