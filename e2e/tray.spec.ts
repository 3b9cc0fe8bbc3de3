// The tray menu acts on the console behind the page's back: the page follows (do not disturb, sign out).
import { signIn } from './agent';
import { expect, test } from './fixtures';

test('do not disturb and sign out from the tray show in the page at once', async ({ ui, sim, app }) => {
  await signIn(ui, sim);
  const statusBar = ui.getByRole('contentinfo');
  await expect(statusBar.getByText('Do not disturb')).toBeHidden();
  await app.tray('dnd');
  await expect(statusBar.getByText('Do not disturb')).toBeVisible();
  await ui.keyboard.press('Alt+5');
  await expect(ui.getByRole('checkbox', { name: /Do not disturb/ })).toBeChecked();

  await app.tray('sign-out');
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  await expect(ui.getByLabel('User name')).toHaveValue('demo@evovoice.example');
});
