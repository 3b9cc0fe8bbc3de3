// The live board: a call arrives and appears; hold, hold for a transfer and resume reach the server; untrusted names stay text.
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('a call arrives and appears with its caller, line and state', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-ada',
    accountId: NORTH,
    fromName: 'Ada Lovelace',
    fromAddress: '+15550001111',
    callState: 'Ringing',
    queueState: 'None',
    direction: 'Incoming',
  });
  const ada = row(ui, 'Ada Lovelace');
  await expect(ada).toBeVisible();
  await expect(ada).toContainText('+15550001111');
  await expect(ada).toContainText('Ringing');
  await expect(ada.getByText(/^\d+:\d\d$/)).toBeVisible();

  sim.control.updateSession('call-ada', { callState: 'Connected' });
  await expect(ada).toContainText('Connected');
  await ui.getByRole('button', { name: /^Ringing/ }).click();
  await expect(ada).toBeHidden();
  await ui.getByRole('button', { name: /^All/ }).click();
  await expect(ada).toBeVisible();
});

test('hold then resume: the button flips at once and the server receives Hold then Connected', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-bob',
    accountId: NORTH,
    fromName: 'Bob Connected',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const bob = row(ui, 'Bob Connected');
  await bob.getByRole('button', { name: 'Hold Bob Connected' }).click();
  await expect(bob.getByRole('button', { name: 'Resume Bob Connected' })).toBeVisible();
  await expect(bob).toContainText('On hold');
  await expect.poll(() => sim.control.getSession('call-bob')?.callState).toBe('Hold');

  await bob.getByRole('button', { name: 'Resume Bob Connected' }).click();
  await expect(bob.getByRole('button', { name: 'Hold Bob Connected' })).toBeVisible();
  await expect.poll(() => sim.control.getSession('call-bob')?.callState).toBe('Connected');

  const patches = sim.control
    .requests({ method: 'PATCH', pathPrefix: '/sessions/call-bob' })
    .map((r) => (r.body as { callState?: string }).callState);
  expect(patches).toEqual(['Hold', 'Connected']);
});

test('hold for a transfer, from the keyboard: the server receives Transferring, and resume clears it', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-tess',
    accountId: NORTH,
    fromName: 'Tess Transfer',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  await openCall(ui, 'Tess Transfer');
  const details = ui.getByRole('complementary');
  const forTransfer = details.getByRole('button', { name: 'Hold for transfer' });
  await details.getByRole('button', { name: 'Hold', exact: true }).focus();
  await ui.keyboard.press('Tab');
  await expect(forTransfer).toBeFocused();
  await ui.keyboard.press('Enter');
  await expect(details).toContainText('On hold');
  await expect.poll(() => sim.control.getSession('call-tess')?.holdReason).toBe('Transferring');
  await expect(details).toContainText('(Transferring)');
  await expect(forTransfer).toHaveAttribute('aria-disabled', 'true');

  await details.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => sim.control.getSession('call-tess')?.callState).toBe('Connected');
  expect(sim.control.getSession('call-tess')?.holdReason).toBe('None');
  const sent = sim.control.requests({ method: 'PATCH', pathPrefix: '/sessions/call-tess' }).map((r) => r.body);
  expect(sent).toMatchObject([
    { callState: 'Hold', holdReason: 'Transferring' },
    { callState: 'Connected', holdReason: 'None' },
  ]);
});

test('a hold the server refuses is rolled back with a message', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-refused',
    accountId: NORTH,
    fromName: 'Rita Refused',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const rita = row(ui, 'Rita Refused');
  await expect(rita.getByRole('button', { name: 'Hold Rita Refused' })).toBeVisible();
  sim.control.addFault({ endpoint: 'patch-session', kind: 'error-500', rate: 1 });
  await rita.getByRole('button', { name: 'Hold Rita Refused' }).click();
  await expect(ui.getByTestId('toast').filter({ hasText: 'Could not put Rita Refused on hold' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(rita.getByRole('button', { name: 'Hold Rita Refused' })).toBeVisible();
  await expect(rita).toContainText('Connected');
  expect(sim.control.getSession('call-refused')?.callState).toBe('Connected');
});

test('keyboard: arrows select a call, H holds it, Alt+2 and Alt+1 switch views, / focuses search', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-kim',
    accountId: NORTH,
    fromName: 'Kim Keys',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const kim = row(ui, 'Kim Keys');
  await expect(kim).toBeVisible();
  await kim.getByRole('button', { name: /^Kim Keys/ }).focus();
  await ui.keyboard.press('ArrowDown');
  await ui.keyboard.press('ArrowUp');
  await expect(kim.getByRole('button', { name: /^Kim Keys/ })).toBeFocused();
  await ui.keyboard.press('h');
  await expect(kim.getByRole('button', { name: 'Resume Kim Keys' })).toBeVisible();
  await expect.poll(() => sim.control.getSession('call-kim')?.callState).toBe('Hold');

  await ui.keyboard.press('Alt+2');
  await expect(ui.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await ui.keyboard.press('Alt+1');
  await ui.keyboard.press('/');
  await expect(ui.getByRole('searchbox', { name: 'Search live calls' })).toBeFocused();
});

test('markup in a caller name and in console data renders as text, and no script runs', async ({ ui, sim, app }) => {
  const xss = '<img src=x onerror="window.__xss=1;alert(1)">';
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-xss',
    accountId: NORTH,
    fromName: xss,
    callState: 'Connected',
    consoleData: `<script>window.__xss=2</script>${xss}`,
  });
  const bad = ui.getByRole('listitem').filter({ hasText: xss });
  await expect(bad).toBeVisible();
  await openCall(ui, 'img src=x');
  await expect(ui.getByRole('textbox', { name: 'Console data' })).toHaveValue(`<script>window.__xss=2</script>${xss}`);
  await expect(ui.getByRole('heading', { name: xss })).toBeVisible();
  expect(await ui.locator('img').count()).toBe(0);
  expect(await ui.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(app.problems, 'no alert dialog opened, no script error').toEqual([]);
});
