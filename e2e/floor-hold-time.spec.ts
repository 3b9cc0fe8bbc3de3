// Issue 20, item 3: one true hold time. A call connected for 13 minutes is held with the strict
// simulator's stale reads on: the row, the details and the reminder all count from the server's
// confirmation of the hold, not from the call's last change before it.
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('row, details and reminder show the same hold time, through a stale read right after the hold', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.setStrictness({ staleReads: 2 });
  await ui.keyboard.press('Alt+5');
  const after = ui.getByRole('spinbutton', { name: /Remind me of a caller on hold/ });
  await after.fill('10');
  await after.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: hold reminder.');
  await ui.keyboard.press('Alt+1');

  const connected = new Date(Date.now() - 13 * 60_000).toISOString();
  sim.control.addSession({
    id: 'call-ada',
    accountId: NORTH,
    fromName: 'Ada Lovelace',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
    dateCreated: connected,
    dateLastModified: connected,
  });
  const ada = row(ui, 'Ada Lovelace');
  await expect(ada.getByTitle('Time in this state')).toHaveText(/^13:/);
  await openCall(ui, 'Ada Lovelace');
  await ada.getByRole('button', { name: /^Hold/ }).click();
  await expect.poll(() => sim.control.getSession('call-ada')?.callState).toBe('Hold');

  const rowTime = ada.getByTitle('Time on hold');
  const detailsTime = ui.getByRole('complementary').getByText(/^for \d+:\d\d$/);
  // Through the stale reads that follow the hold, both count from the hold, within 2 s of each other.
  for (let i = 0; i < 4; i++) {
    await expect(rowTime).toHaveText(/^0:0\d$/);
    await expect(detailsTime).toHaveText(/^for 0:0\d$/);
    const [r, d] = [await rowTime.textContent(), await detailsTime.textContent()];
    expect(Math.abs(seconds(r) - seconds(d))).toBeLessThanOrEqual(2);
    await ui.waitForTimeout(1000);
  }

  const reminder = ui.getByTestId('toast').filter({ hasText: 'Caller on hold for' });
  await expect(reminder).toBeVisible({ timeout: 20_000 });
  await expect(reminder).toContainText(/Caller on hold for 1\d s/);
  // The row's clock ticks each second: within 2 s of the reminder's.
  expect(seconds(await rowTime.textContent())).toBeGreaterThanOrEqual(8);
  expect(seconds(await rowTime.textContent())).toBeLessThan(20);
});

function seconds(text: string | null): number {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}
