// Issue 20, item 4: reminders that help instead of bury. With five callers on hold, one reminder
// names them all ("5 callers on hold, longest …"), one at a time, and toasts never cover the open
// call's details or its notes editor.
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('five held calls: one reminder at a time, naming every overdue hold, never over the notes', async ({
  ui,
  sim,
}) => {
  test.setTimeout(90_000);
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');
  const after = ui.getByRole('spinbutton', { name: /Remind me of a caller on hold/ });
  await after.fill('10');
  await after.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: hold reminder.');
  await ui.keyboard.press('Alt+1');

  const names = ['Ann One', 'Bo Two', 'Cat Three', 'Dan Four', 'Eve Five'];
  for (const [i, fromName] of names.entries()) {
    sim.control.addSession({
      id: `call-${i}`,
      accountId: NORTH,
      fromName,
      callState: 'Connected',
      answeredByName: 'Demo Agent',
    });
  }
  for (const name of names) await row(ui, name).getByRole('button', { name: /^Hold/ }).click();
  for (let i = 0; i < names.length; i++)
    await expect.poll(() => sim.control.getSession(`call-${i}`)?.callState).toBe('Hold');
  await openCall(ui, 'Eve Five');

  const reminders = ui
    .getByTestId('toast')
    .filter({ hasText: /on hold/ })
    .filter({ hasText: /open (a|the) call/ });
  await expect(reminders.filter({ hasText: '5 callers on hold, longest' })).toBeVisible({ timeout: 30_000 });
  await expect(reminders.filter({ hasText: '5 callers on hold, longest' })).toContainText(
    /Ann One .*, Bo Two .*, Cat Three .*, Dan Four .*, and 1 more/,
  );
  // Over the next periods there is never more than one.
  for (let i = 0; i < 8; i++) {
    expect(await reminders.count()).toBeLessThanOrEqual(1);
    await ui.waitForTimeout(1000);
  }
  const details = await ui.getByRole('complementary').boundingBox();
  const notes = await ui.getByRole('textbox', { name: 'Console data', exact: true }).boundingBox();
  for (const toast of await ui.getByTestId('toast').all()) {
    const box = await toast.boundingBox();
    if (!box || !details || !notes) continue;
    expect(overlaps(box, details), 'a toast over the call details').toBe(false);
    expect(overlaps(box, notes), 'a toast over the notes').toBe(false);
  }
});

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
