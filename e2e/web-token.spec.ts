// The web shell's token leaves the address bar and the history as soon as the page has read it,
// and a reload of the same tab still reaches the console (issue 21, item 10).
import { expect, test } from './fixtures';

test('the token is out of the address bar at once, and a reload still works', async ({ app, ui }) => {
  test.skip(app.kind !== 'web', 'the desktop app has no address bar');
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  expect(ui.url()).not.toContain('token');
  expect(await ui.evaluate(() => location.href)).not.toContain('token');
  await ui.reload();
  await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
  expect(ui.url()).not.toContain('token');
});
