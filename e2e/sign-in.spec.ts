// Signing in through the form: a wrong password in words, the account picker, the account in the header,
// and the live board (not Settings) after signing out and in again.
import AxeBuilder from '@axe-core/playwright';

import { DEMO_USER } from '../src/simulator/types';
import { chooseAccountIfAsked, fillSignIn } from './agent';
import { expect, test } from './fixtures';

test('a wrong password is refused in words and no board appears', async ({ ui, sim }) => {
  await fillSignIn(ui, sim.url, DEMO_USER.userName, 'not-the-password');
  await expect(ui.getByRole('main').getByRole('alert')).toContainText(/password/i);
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  await expect(ui.getByLabel('Password')).toHaveValue('');
  const auth = sim.control.requests({ pathPrefix: '/auth/credentials' });
  expect(auth.length).toBeGreaterThan(0);
  expect(auth.every((r) => r.status === 401)).toBe(true);
});

test('an unreachable server is named as such', async ({ ui }) => {
  await fillSignIn(ui, 'http://127.0.0.1:9', DEMO_USER.userName, DEMO_USER.password);
  await expect(ui.getByRole('main').getByRole('alert')).toContainText(/reach|connect|network/i);
});

test('signs in, picks an account, and can switch it from the header', async ({ ui, sim }) => {
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await expect(ui.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await ui.getByRole('button', { name: 'Southgate Logistics (South)' }).click();

  const account = ui.getByRole('combobox', { name: 'Active account' });
  await expect(account).toHaveValue('acct-south');
  await expect(ui.getByText('Demo Agent')).toBeVisible();
  await expect
    .poll(() =>
      sim.control
        .requests({ pathPrefix: '/sessions' })
        .some((r) => r.query.accountIds === 'acct-south' || r.query.AccountIds === 'acct-south'),
    )
    .toBe(true);

  await account.selectOption('acct-north');
  await expect(account).toHaveValue('acct-north');
  await expect
    .poll(() =>
      sim.control
        .requests({ pathPrefix: '/sessions' })
        .some((r) => (r.query.accountIds ?? r.query.AccountIds) === 'acct-north'),
    )
    .toBe(true);
});

test('a server that lists no accounts and has no calls yet: the agent enters the account id, a wrong one is refused in words', async ({
  ui,
  sim,
}) => {
  sim.control.setStrictness({ authStatus: 'no-account-ids' });
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await expect(ui.getByText(/did not list the accounts of Demo Agent/)).toBeVisible();
  const id = ui.getByLabel('Account id');
  await id.fill('acct-elsewhere');
  await id.press('Enter');
  await expect(ui.getByRole('main').getByRole('alert')).toContainText('cannot work on account acct-elsewhere');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  const axe = await new AxeBuilder({ page: ui }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await id.fill('acct-north');
  await ui.getByRole('button', { name: 'Open this account' }).click();
  await expect(ui.getByRole('banner').getByText('acct-north', { exact: true })).toBeVisible();
  await expect(ui.getByText('No live calls right now.')).toBeVisible();
  await expect
    .poll(() => sim.control.requests({ pathPrefix: '/sessions' }).some((r) => r.query.AccountIds === 'acct-north'))
    .toBe(true);
});

test('the demo is one click away and labelled as such', async ({ ui }) => {
  await ui.getByRole('button', { name: 'Try the demo' }).click();
  await chooseAccountIfAsked(ui);
  await expect(ui.getByRole('banner').getByText('DEMO', { exact: true })).toBeVisible();
  await expect(ui.getByText(/\(demo\)/)).toBeVisible();
});

test('signing out from Settings and in again opens the live board, not Settings', async ({ ui, sim }) => {
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await chooseAccountIfAsked(ui);
  await ui.keyboard.press('Alt+5');
  await ui.getByRole('button', { name: 'Sign out' }).click();
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  await expect(ui.getByTestId('sign-in-reason'), 'an explicit sign-out needs no explanation').toBeHidden();
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await chooseAccountIfAsked(ui);
  await expect(ui.getByRole('main', { name: 'Live calls' })).toBeVisible();
  await expect(ui.getByRole('main', { name: 'Settings' })).toBeHidden();
});
