// The dashboard renders the portal home: metrics chart, voicemail, conversations, forms.
import { signIn } from './agent';
import { expect, test } from './fixtures';

test.use({ scenario: true });

test('dashboard shows call metrics as a chart, voicemail, conversations and forms', async ({ ui, sim }) => {
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+4');
  await expect(ui.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(ui.getByRole('img', { name: /^Call metrics:/ })).toBeVisible();
  for (const name of ['Call metrics', /^Voicemail/, 'Recent conversations', 'Recent calls', 'Completed forms']) {
    await expect(ui.getByRole('heading', { name })).toBeVisible();
  }
  await expect(
    ui
      .getByRole('img', { name: /^Call metrics:/ })
      .locator('rect')
      .first(),
  ).toBeVisible();
  expect(sim.control.requests({ pathPrefix: '/portal/home' }).length).toBeGreaterThan(0);
});
