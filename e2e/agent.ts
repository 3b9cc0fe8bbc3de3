// What an agent does again and again in the specs: sign in through the form, pick an account, open a call.
import { expect, type Page } from '@playwright/test';

import type { Simulator } from '../src/simulator/types';
import { DEMO_USER } from '../src/simulator/types';

export const NORTH = 'acct-north';

export async function fillSignIn(page: Page, serverUrl: string, userName: string, password: string): Promise<void> {
  await page.getByLabel('Server', { exact: true }).selectOption('custom');
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill(password);
  // The test machine has no unlocked keychain; the password is not remembered.
  await page.getByLabel(/Remember me/).uncheck();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in as DEMO_USER, chooses the account (the picker only shows while none is remembered)
 * and polls every second; returns on the live board.
 */
export async function signIn(page: Page, sim: Simulator, accountName = 'Northwind Health (North)'): Promise<void> {
  await fillSignIn(page, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await chooseAccountIfAsked(page, accountName);
  await expect(page.getByRole('combobox', { name: 'Active account' })).toHaveValue(/acct-/);
  await pollEverySecond(page);
}

/** Sets the live and visible poll intervals to one second through the Settings view. */
export async function pollEverySecond(page: Page): Promise<void> {
  await page.keyboard.press('Alt+5');
  for (const label of ['While a call is live', 'While the window is open']) {
    const field = page.getByRole('spinbutton', { name: label });
    if ((await field.inputValue()) === '1') continue;
    await field.fill('1');
    await field.press('Enter');
    await field.blur();
    await expect(page.getByTestId('settings-status')).toHaveText(/^Saved/);
  }
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: /Live calls/ })).toBeVisible();
}

/** Picks the account when the picker shows; the console may also choose one by itself (a remembered one, the demo's). */
export async function chooseAccountIfAsked(page: Page, accountName = 'Northwind Health (North)'): Promise<void> {
  const picker = page.getByRole('heading', { name: 'Choose an account' });
  const board = page.getByRole('heading', { name: /Live calls/ });
  await expect(picker.or(board)).toBeVisible({ timeout: 20_000 });
  if (await picker.isVisible()) {
    await page
      .getByRole('button', { name: accountName })
      .click({ timeout: 5000 })
      .catch(() => undefined);
  }
  await expect(board).toBeVisible();
}

export function row(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('button', { name }) });
}

export async function openCall(page: Page, name: string): Promise<void> {
  // The first button of the row opens the call (its Hold button is named after the caller too).
  await row(page, name).getByRole('button', { name }).first().click();
  await expect(page.getByRole('complementary')).toBeVisible();
}
