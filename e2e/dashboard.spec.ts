// Dashboard: the period and customer reach GET /portal/home and the chart says the period; a voicemail plays from main's bytes (blob URL under the CSP) and is marked listened.
import type { Page } from '@playwright/test';

import type { Simulator } from '../src/simulator/types';
import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

const DAY = 86_400_000;

function leaveVoicemail(sim: Simulator, id: string, from: string, customer: string, daysAgo = 0) {
  sim.control.addSession({
    id,
    accountId: NORTH,
    fromName: from,
    fromAddress: from,
    callState: 'Ringing',
    customerId: customer,
    customerName: customer === 'cust-xylo' ? 'Xylophone Clinic' : 'Other Clinic',
    customerBreadcrumb: [{ id: customer, name: customer === 'cust-xylo' ? 'Xylophone Clinic' : 'Other Clinic' }],
  });
  sim.control.missCall(id);
  return sim.control.addVoicemail(id, {
    recordingFrom: from,
    transcription: `Hello, this is ${from}.`,
    dateCreated: new Date(sim.control.now() - daysAgo * DAY).toISOString(),
  });
}

async function openDashboard(ui: Page): Promise<void> {
  await ui.keyboard.press('Alt+4');
  await expect(ui.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

test('a voicemail plays from the recording main fetched, and is marked listened for good', async ({ ui, sim }) => {
  await signIn(ui, sim);
  leaveVoicemail(sim, 'call-vm', '+15550007777', 'cust-xylo');
  leaveVoicemail(sim, 'call-vm2', '+15550008888', 'cust-xylo');
  await openDashboard(ui);
  const card = ui.getByRole('region', { name: /^Voicemail/ });
  const item = card.getByRole('listitem').filter({ hasText: '+15550007777' });
  const other = card.getByRole('listitem').filter({ hasText: '+15550008888' });
  await expect(item).toContainText('Hello, this is +15550007777.');
  await expect(item).toContainText('New');

  await item.getByRole('button', { name: 'Play voicemail from +15550007777' }).press('Enter');
  const audio = item.getByLabel('Play voicemail from +15550007777');
  await expect(audio).toHaveAttribute('src', /^blob:/);
  // The WAV decoded: the page could play it (the CSP allows blob: media, nothing else).
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeGreaterThan(0.5);
  await audio.evaluate((el: HTMLAudioElement) => el.play().catch(() => undefined));
  await expect(item).toContainText('Listened');
  // Signed in to ask for it; the strict simulator answers with a signed storage address, followed.
  const fetched = sim.control.requests({ pathPrefix: '/files/' });
  expect(fetched.map((r) => [r.path, r.status, r.auth !== 'none'])).toEqual([
    ['/files/voicemail/call-vm.wav', 302, true],
    ['/files/store/call-vm.wav', 200, true],
  ]);

  await other.getByRole('button', { name: 'Mark voicemail from +15550008888 listened' }).click();
  await expect(other).toContainText('Listened');
  await ui.reload();
  await openDashboard(ui);
  for (const number of ['+15550007777', '+15550008888']) {
    await expect(card.getByRole('listitem').filter({ hasText: number })).toContainText('Listened');
  }
});

test('the period and the customer narrow the dashboard, and the chart says which period', async ({ ui, sim }) => {
  await signIn(ui, sim);
  leaveVoicemail(sim, 'call-old', '+15550001000', 'cust-xylo', 3);
  leaveVoicemail(sim, 'call-new', '+15550002000', 'cust-other');
  await openDashboard(ui);
  const card = ui.getByRole('region', { name: /^Voicemail/ });
  await expect(card).toContainText('+15550002000');
  await expect(card).not.toContainText('+15550001000');
  await expect(ui.getByRole('img', { name: /^Call metrics \(Today\)/ })).toBeVisible();

  await ui.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 7 days' });
  await expect(card).toContainText('+15550001000');
  await expect(ui.getByRole('img', { name: /^Call metrics \(Last 7 days\)/ })).toBeVisible();
  const from = Date.parse(sim.control.requests({ pathPrefix: '/portal/home' }).at(-1)?.query.FromDate ?? '');
  const localMidnight = await ui.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 6).getTime();
  });
  expect(from).toBe(localMidnight);

  await ui.getByRole('combobox', { name: 'Customer' }).selectOption({ label: 'Xylophone Clinic' });
  await expect(card).not.toContainText('+15550002000');
  await expect(card).toContainText('+15550001000');
  expect(sim.control.requests({ pathPrefix: '/portal/home' }).at(-1)?.query).toMatchObject({ CustomerId: 'cust-xylo' });
  await ui.getByRole('combobox', { name: 'Customer' }).selectOption({ label: 'All customers' });
  await expect(card).toContainText('+15550002000');
});
