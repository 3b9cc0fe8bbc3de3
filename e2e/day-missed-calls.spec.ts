// Missed calls worth acting on (issue 24): "Call back" opens the dialer URI (tel: by default, the
// Settings template otherwise) with the number in E.164 from the toast, the Activity row and the
// call details; "Copy number"; the in-page toast stays until acted on; the Missed filter with
// unread missed calls first; an Activity row opens its details.
import type { Page } from '@playwright/test';

import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

/** Records what the page asks the browser to open instead of opening it (the dialer is the OS's). */
async function recordOpened(ui: Page): Promise<() => Promise<string[]>> {
  await ui.evaluate(() => {
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  return () => ui.evaluate(() => (window as unknown as { __opened: string[] }).__opened.slice());
}

test('call back from the toast, the Activity row and the details opens the dialer with the E.164 number', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  const opened = await recordOpened(ui);
  sim.control.addSession({
    id: 'call-back-1',
    accountId: NORTH,
    fromName: 'Carla Callback',
    fromAddress: '+17735550102',
    callState: 'Ringing',
  });
  await expect(ui.getByRole('button', { name: /Carla Callback/ })).toBeVisible();
  sim.control.missCall('call-back-1');

  const toast = ui.getByTestId('toast').filter({ hasText: /Carla Callback/ });
  await expect(toast).toBeVisible({ timeout: 15_000 });
  // The page's toast used to vanish after 8 s: a missed call stays until acted on.
  await ui.waitForTimeout(9_000);
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Call back Carla Callback' }).click();
  await expect.poll(opened).toEqual(['tel:+17735550102']);
  await expect(toast).toBeHidden();

  // A softphone's scheme from Settings; a web address is refused next to the field.
  await ui.keyboard.press('Alt+5');
  const field = ui.getByRole('textbox', { name: 'Dialer address' });
  await expect(field).toHaveValue('tel:{number}');
  await field.fill('https://example.com/{number}');
  await field.press('Enter');
  await field.blur();
  await expect(ui.getByRole('alert').filter({ hasText: /Not saved/ })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('callto:{number}');
  await field.press('Enter');
  await field.blur();
  await expect(ui.getByTestId('settings-status')).toHaveText(/^Saved/);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  await ui.keyboard.press('Alt+2');
  const item = ui.getByRole('listitem').filter({ hasText: 'Carla Callback' });
  await item.getByRole('button', { name: 'Call back Carla Callback' }).click();
  await expect.poll(opened).toEqual(['tel:+17735550102', 'callto:+17735550102']);

  await ui.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await item.getByRole('button', { name: 'Copy the number of Carla Callback' }).click();
  await expect(ui.getByTestId('toast').filter({ hasText: 'Copied +17735550102' })).toBeVisible();

  // The row opens its details (a sheet over the list), with call back there too.
  await item.getByRole('button', { name: /Open details of the call from Carla Callback/ }).click();
  const sheet = ui.getByTestId('past-call-details');
  await expect(sheet.getByRole('heading', { name: 'Carla Callback' })).toBeVisible();
  await expect(sheet).toContainText('Nobody (missed)');
  await sheet.getByRole('button', { name: 'Call back Carla Callback' }).click();
  await expect.poll(opened).toEqual(['tel:+17735550102', 'callto:+17735550102', 'callto:+17735550102']);
  await ui.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(ui.getByRole('heading', { name: 'Activity' })).toBeVisible();
});

test('the Missed filter shows missed calls only, unread ones first', async ({ ui, sim }) => {
  await signIn(ui, sim);
  const now = sim.control.now();
  // An older unread missed call must come before newer answered ones and a missed one already seen.
  const calls = [
    { id: 'm-old', fromName: 'Olga Older', minutesAgo: 50, missed: true },
    { id: 'a-new', fromName: 'Andy Answered', minutesAgo: 5, missed: false },
    { id: 'a-mid', fromName: 'Mona Middle', minutesAgo: 20, missed: false },
  ];
  for (const call of calls) {
    sim.control.addSession({
      id: call.id,
      accountId: NORTH,
      fromName: call.fromName,
      fromAddress: '+13125550100',
      callState: call.missed ? 'Ringing' : 'Connected',
      dateCreated: new Date(now - call.minutesAgo * 60_000).toISOString(),
    });
  }
  await expect(ui.getByRole('button', { name: /Olga Older/ })).toBeVisible();
  sim.control.missCall('m-old');
  sim.control.endSession('a-new');
  sim.control.endSession('a-mid');
  await ui.keyboard.press('Alt+2');
  await expect(ui.getByTestId('unread-count')).toHaveText('1 unread missed call', { timeout: 15_000 });
  const names = async () =>
    (await ui.getByRole('listitem').allTextContents())
      .map((text) => /(Olga Older|Andy Answered|Mona Middle)/.exec(text)?.[0])
      .filter(Boolean);
  await expect.poll(names, { timeout: 20_000 }).toEqual(['Olga Older', 'Andy Answered', 'Mona Middle']);

  await ui.getByRole('button', { name: 'Missed', exact: true }).click();
  await expect(ui.getByRole('button', { name: 'Missed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(names).toEqual(['Olga Older']);
  await ui.getByRole('button', { name: 'All calls' }).click();
  await expect.poll(names).toEqual(['Olga Older', 'Andy Answered', 'Mona Middle']);
});

test('a missed call opened from its toast offers call back in the call details', async ({ ui, sim }) => {
  await signIn(ui, sim);
  const opened = await recordOpened(ui);
  sim.control.addSession({
    id: 'call-back-2',
    accountId: NORTH,
    fromName: 'Dora Details',
    fromAddress: '(312) 555-0177',
    callState: 'Ringing',
  });
  await expect(ui.getByRole('button', { name: /Dora Details/ })).toBeVisible();
  sim.control.missCall('call-back-2');
  const toast = ui.getByTestId('toast').filter({ hasText: /Dora Details/ });
  await toast.getByRole('button', { name: 'Open call', exact: true }).click({ timeout: 15_000 });
  const details = ui.getByRole('complementary');
  await expect(details.getByRole('heading', { name: 'Dora Details' })).toBeVisible();
  await details.getByRole('button', { name: 'Call back Dora Details' }).click();
  await expect.poll(opened).toEqual(['tel:+13125550177']);
});
