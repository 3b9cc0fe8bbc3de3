// Administrator policy in Settings (web shell given a policy.json): an enforced setting is shown
// locked, a recommended one says so, offers its value back once the agent changed it, and the
// agent's choice and the recommendation both survive a restart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { signIn } from './agent';
import { expect, test } from './fixtures';

test('locked and recommended settings, and "Use the recommended setting"', async ({ app, sim }) => {
  test.skip(app.kind === 'electron', 'the Electron app reads the policy from /etc, not from the test');
  writeFileSync(
    join(app.dataDir, 'policy.json'),
    JSON.stringify({
      startHidden: true,
      recommended: { privateNotifications: true, startHidden: false, dialerUriTemplate: 'callto:{number}' },
    }),
  );
  let ui = await app.restart();
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');

  const hidden = ui.getByRole('checkbox', { name: 'Start hidden in the tray' });
  await expect(hidden).toBeChecked();
  await expect(hidden).toBeDisabled();
  await expect(ui.getByText('Locked: set by your administrator.')).toBeVisible();

  const privacy = ui.getByRole('checkbox', { name: /Private notifications/ });
  await expect(privacy).toBeChecked();
  const notes = ui.getByTestId('recommended-note');
  // The enforced key's recommendation is not offered: one note for privacy, one for the dialer.
  await expect(notes).toHaveCount(2);
  await expect(notes.first()).toHaveText('Recommended by your administrator; you may change it.');
  await expect(ui.getByLabel('Dialer address')).toHaveValue('callto:{number}');

  await privacy.uncheck();
  await expect(ui.getByTestId('settings-status')).toHaveText(/^Saved/);
  await expect(notes.first()).toContainText('Your administrator recommends: on.');
  ui = await app.restart();
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');
  await expect(ui.getByRole('checkbox', { name: /Private notifications/ })).not.toBeChecked();

  await ui.getByRole('button', { name: 'Use the recommended setting' }).click();
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: the recommended setting.');
  await expect(ui.getByRole('checkbox', { name: /Private notifications/ })).toBeChecked();
  await expect(ui.getByTestId('recommended-note').first()).toHaveText(
    'Recommended by your administrator; you may change it.',
  );
});
