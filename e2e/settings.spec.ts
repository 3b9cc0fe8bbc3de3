// Settings survive a restart of the shell on the same data directory.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { signIn } from './agent';
import { expect, test } from './fixtures';

test('settings persist across a restart of the shell', async ({ app, sim }) => {
  await signIn(app.page, sim);
  let ui = app.page;
  await ui.keyboard.press('Alt+5');
  await ui.getByRole('radio', { name: 'Dark' }).check();
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: theme.');
  await ui.getByRole('checkbox', { name: /Do not disturb/ }).check();
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: do not disturb.');
  const idle = ui.getByRole('spinbutton', { name: 'While idle or hidden' });
  await idle.fill('120');
  await idle.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText(/^Saved: poll interval/);
  await expect(ui.locator('html')).toHaveAttribute('data-theme', 'dark');

  ui = await app.restart();
  await expect(ui.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  await expect(ui.getByLabel('User name')).toHaveValue('demo@evovoice.example');
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');
  await expect(ui.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(ui.getByRole('checkbox', { name: /Do not disturb/ })).toBeChecked();
  await expect(ui.getByRole('spinbutton', { name: 'While idle or hidden' })).toHaveValue('120');
  await expect(ui.getByRole('spinbutton', { name: 'While a call is live' })).toHaveValue('1');
});

test('a damaged settings file is set aside, the console starts with defaults and says so', async ({ app }) => {
  writeFileSync(join(app.dataDir, 'settings.json'), '{"settings": {"theme": "dark", trunc');
  const ui = await app.restart();
  await expect(ui.getByText(/reset to the defaults/)).toBeVisible();
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  expect(readdirSync(app.dataDir).some((f) => f.startsWith('settings.json.damaged-'))).toBe(true);
});
