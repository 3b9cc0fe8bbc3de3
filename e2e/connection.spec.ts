// Losing the server: an offline banner, the board kept (marked stale), and back online after a retry.
import { NORTH, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('offline banner appears while polls fail, the data stays, and it clears when the server is back', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({ id: 'call-stay', accountId: NORTH, fromName: 'Stan Stays', callState: 'Connected' });
  await expect(row(ui, 'Stan Stays')).toBeVisible();
  await expect(ui.getByTestId('connection-status')).toHaveText('Online');

  sim.control.addFault({ endpoint: 'sessions', kind: 'reset', rate: 1 });
  sim.control.addFault({ endpoint: 'activity', kind: 'reset', rate: 1 });
  const banner = ui.getByRole('alert').filter({ hasText: 'Offline.' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(ui.getByTestId('connection-status')).toHaveText('Offline');
  await expect(row(ui, 'Stan Stays')).toBeVisible();
  await expect(ui.getByText('Stale', { exact: true })).toBeVisible();

  sim.control.clearFaults();
  // "Retry now" shows only while not online: the console may come back on its own poll first.
  const retry = ui.getByRole('button', { name: 'Retry now' });
  await retry.click({ timeout: 5_000 }).catch(() => expect(retry).toBeHidden());
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(ui.getByTestId('connection-status')).toHaveText('Online');
  await expect(ui.getByText('Stale', { exact: true })).toBeHidden();
});
