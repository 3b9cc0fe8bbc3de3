// Every view, light and dark: no serious or critical axe violations, and a screenshot of each (docs/screenshots with UPDATE_SCREENSHOTS=1).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';

import { DEMO_USER } from '../src/simulator/types';
import { fillSignIn, pollEverySecond, row } from './agent';
import { expect, test } from './fixtures';

test.use({ scenario: true });

const SCHEMES = ['light', 'dark'] as const;
/** The captures worth showing in the README (docs/screenshots). */
const DOCUMENTED = new Set([
  'sign-in-light',
  'live-details-light',
  'live-details-dark',
  'activity-light',
  'dashboard-dark',
  'settings-light',
  'call-context-light',
  'call-context-dark',
  'dashboard-voicemail-light',
  'dashboard-voicemail-dark',
  'dashboard-spanish-light',
]);

async function check(page: Page, testInfo: TestInfo, name: string, scheme: (typeof SCHEMES)[number]): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
    `${name} in ${scheme}`,
  ).toEqual([]);
  const file = `${name}-${scheme}.png`;
  await page.screenshot({ path: testInfo.outputPath(file) });
  if (process.env.UPDATE_SCREENSHOTS === '1' && DOCUMENTED.has(`${name}-${scheme}`)) {
    const dir = resolve('docs/screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: resolve(dir, file) });
  }
}

for (const scheme of SCHEMES) {
  test(`every view is accessible and captured (${scheme})`, async ({ ui, sim }, testInfo) => {
    test.setTimeout(120_000);
    await ui.emulateMedia({ colorScheme: scheme });
    await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
    await check(ui, testInfo, 'sign-in', scheme);

    // The error and the picker share the sign-in form's colours: checked once, in light.
    if (scheme === 'light') {
      await fillSignIn(ui, sim.url, DEMO_USER.userName, 'wrong-password');
      await expect(ui.getByRole('main').getByRole('alert')).toBeVisible();
      await check(ui, testInfo, 'sign-in-error', scheme);
    }

    await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
    await expect(ui.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
    if (scheme === 'light') await check(ui, testInfo, 'account-picker', scheme);

    await ui.getByRole('button', { name: 'Northwind Health (North)' }).click();
    await pollEverySecond(ui);
    const first = ui.getByTestId('live-list').getByRole('listitem').first();
    await expect(first).toBeVisible();
    await check(ui, testInfo, 'live', scheme);

    await first.getByRole('button').first().click();
    await expect(ui.getByRole('textbox', { name: 'Console data', exact: true })).toBeVisible();
    await check(ui, testInfo, 'live-details', scheme);

    await ui.keyboard.press('Alt+2');
    await expect(ui.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await check(ui, testInfo, 'activity', scheme);

    await ui.keyboard.press('Alt+3');
    await expect(ui.getByTestId('history-list').getByRole('listitem').first()).toBeVisible();
    await check(ui, testInfo, 'history', scheme);

    await ui.keyboard.press('Alt+4');
    await expect(ui.getByRole('img', { name: /^Call metrics/ })).toBeVisible();
    await check(ui, testInfo, 'dashboard', scheme);

    await ui.keyboard.press('Alt+5');
    await expect(ui.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await check(ui, testInfo, 'settings', scheme);

    sim.control.addFault({ endpoint: '*', kind: 'reset', rate: 1 });
    await ui.keyboard.press('Alt+1');
    await expect(ui.getByRole('alert').filter({ hasText: 'Offline.' })).toBeVisible({ timeout: 30_000 });
    await check(ui, testInfo, 'live-offline', scheme);
    sim.control.clearFaults();
  });
}

for (const scheme of SCHEMES) {
  test(`the caller context, a chat, voicemail playing and Spanish are accessible and captured (${scheme})`, async ({
    ui,
    sim,
  }, testInfo) => {
    test.setTimeout(90_000);
    await ui.emulateMedia({ colorScheme: scheme });
    await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
    await ui.getByRole('button', { name: 'Northwind Health (North)' }).click();
    await pollEverySecond(ui);
    sim.control.addSession({
      id: 'call-shot',
      accountId: 'acct-north',
      fromName: 'Carmen Ortega',
      callbackNumber: '+15550009999',
      customerName: 'Clinic East',
      customerBreadcrumb: [
        { id: 'cust-north', name: 'Northwind Health' },
        { id: 'cust-east', name: 'Clinic East' },
      ],
      callState: 'Connected',
      answeredByName: 'Priya Shah',
    });
    const chat = row(ui, 'Chat');
    await expect(chat.first()).toBeVisible();
    await row(ui, 'Carmen Ortega').getByRole('button').first().click();
    await expect(ui.getByRole('navigation', { name: 'Customer path' })).toBeVisible();
    await check(ui, testInfo, 'call-context', scheme);

    sim.control.missCall(
      sim.control.addSession({ id: 'call-vm-shot', accountId: 'acct-north', callState: 'Ringing' }).id as string,
    );
    sim.control.addVoicemail('call-vm-shot', {
      recordingFrom: '+15550007777',
      transcription: 'Hi, please call me back.',
    });
    await ui.keyboard.press('Alt+4');
    const voicemail = ui.getByRole('region', { name: /^Voicemail/ });
    await voicemail.getByRole('button', { name: 'Play voicemail from +15550007777' }).click();
    await expect(voicemail.getByLabel('Play voicemail from +15550007777')).toHaveAttribute('src', /^blob:/);
    await check(ui, testInfo, 'dashboard-voicemail', scheme);

    if (scheme === 'light') {
      await ui.keyboard.press('Alt+5');
      await ui.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await ui.keyboard.press('Alt+4');
      await expect(ui.getByRole('heading', { name: 'Panel' })).toBeVisible();
      await expect(ui.getByRole('img', { name: /^Métricas de llamadas/ })).toBeVisible();
      await check(ui, testInfo, 'dashboard-spanish', scheme);
    }
  });
}

test('readable at 125% zoom: the live view with a call open fits without sideways scrolling', async ({
  ui,
  sim,
}, testInfo) => {
  // 125% zoom of a 1280×800 window leaves 1024×640 CSS pixels.
  await ui.setViewportSize({ width: 1024, height: 640 });
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await ui.getByRole('button', { name: 'Northwind Health (North)' }).click();
  sim.control.addSession({
    id: 'call-zoom',
    accountId: 'acct-north',
    fromName: 'Maximilian Zoomington-Smythe',
    callState: 'Connected',
  });
  const zoomed = row(ui, 'Maximilian Zoomington-Smythe');
  await expect(zoomed).toBeVisible({ timeout: 15_000 });
  await zoomed.getByRole('button').first().click();
  await expect(ui.getByRole('textbox', { name: 'Console data', exact: true })).toBeVisible();
  await expect(zoomed.getByRole('button', { name: 'Hold Maximilian Zoomington-Smythe' })).toBeInViewport({ ratio: 1 });
  await expect(ui.getByTestId('connection-status')).toBeInViewport();
  const overflow = await ui.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await ui.screenshot({ path: testInfo.outputPath('live-details-125.png') });
});
