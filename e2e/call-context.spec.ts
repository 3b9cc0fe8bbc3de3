// Caller context in the call details (customer and breadcrumb, callback number, destination, who answered, members with mute state), and chat and fax sessions that are not calls.
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('the call details say who is calling for which customer, who answered, and who is muted', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-context',
    accountId: NORTH,
    fromName: 'Carmen Context',
    fromAddress: '+15550002222',
    callbackNumber: '+15550009999',
    destination: '+15551230000',
    customerName: 'Clinic East',
    customerBreadcrumb: [
      { id: 'cust-north', name: 'Northwind Health' },
      { id: 'cust-east', name: 'Clinic East' },
    ],
    callState: 'Connected',
    answeredByName: 'Priya Shah',
    members: [
      { identity: '+15550002222', displayName: 'Carmen Context', role: 'Caller', callState: 'Connected', muted: true },
      { identity: 'agent-1', displayName: 'Priya Shah', role: 'Agent', callState: 'Connected', muted: false },
    ],
  });
  await openCall(ui, 'Carmen Context');
  const details = ui.getByRole('complementary');
  const fact = (term: string) => details.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Callback number')).toHaveText('+15550009999');
  await expect(fact('Destination')).toHaveText('+15551230000');
  await expect(fact('Answered by')).toHaveText('Priya Shah');
  await expect(fact('Kind')).toHaveText('Call');
  const path = details.getByRole('navigation', { name: 'Customer path' });
  await expect(path.getByRole('listitem')).toHaveText(['Northwind Health', 'Clinic East']);
  await expect(fact('Customer')).toContainText('Clinic East');

  const members = details.getByRole('region', { name: 'Members' }).getByRole('listitem');
  await expect(members.filter({ hasText: 'Carmen Context' })).toContainText('Muted');
  await expect(members.filter({ hasText: 'Priya Shah' })).toContainText('Not muted');
  await expect(members.filter({ hasText: 'Priya Shah' })).toContainText('Agent');
  await expect(details.getByRole('button', { name: 'Hold', exact: true })).toBeVisible();
});

test('a chat and a fax show their kind, cannot be held (not even with H), and are never missed calls', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'chat-1',
    accountId: NORTH,
    fromName: 'Chatty Cathy',
    channel: 'Chat',
    callState: 'Connected',
  });
  sim.control.addSession({
    id: 'fax-1',
    accountId: NORTH,
    fromName: 'Fax Office',
    channel: 'Fax',
    callState: 'Ringing',
  });
  sim.control.addSession({ id: 'call-1', accountId: NORTH, fromName: 'Voice Victor', callState: 'Connected' });

  const chat = row(ui, 'Chatty Cathy');
  await expect(chat).toBeVisible();
  await expect(chat.getByRole('button', { name: 'Chat Chatty Cathy' })).toBeVisible();
  await expect(chat.getByRole('button', { name: /^Hold/ })).toHaveCount(0);
  await expect(row(ui, 'Fax Office').getByRole('button', { name: /^Fax Fax Office/ })).toBeVisible();
  await expect(row(ui, 'Voice Victor').getByRole('button', { name: 'Hold Voice Victor' })).toBeVisible();

  await openCall(ui, 'Chatty Cathy');
  const details = ui.getByRole('complementary');
  await expect(details.locator('dt', { hasText: 'Kind' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Chat');
  await expect(details.getByRole('button', { name: 'Hold', exact: true })).toHaveCount(0);
  await chat.getByRole('button', { name: /Chatty Cathy/ }).focus();
  await ui.keyboard.press('h');
  await ui.waitForTimeout(500);
  expect(sim.control.requests({ method: 'PATCH', pathPrefix: '/sessions/chat-1' })).toEqual([]);

  // Nobody takes the fax, nobody answers a new call: only the call is a missed call.
  sim.control.addSession({ id: 'call-2', accountId: NORTH, fromName: 'Missed Mike', callState: 'Ringing' });
  await expect(row(ui, 'Missed Mike')).toBeVisible();
  sim.control.missCall('fax-1');
  sim.control.missCall('call-2');
  const tab = ui.getByRole('button', { name: /^Activity/ });
  await expect(tab.getByLabel('1 unread missed call')).toBeVisible({ timeout: 15_000 });
  await ui.waitForTimeout(2500);
  await expect(tab.getByLabel('1 unread missed call')).toBeVisible();
});
