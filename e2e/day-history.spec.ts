// History (issue 24): a number found however it is typed, all of a caller's calls shown at once
// (live and archived), and a row opens the call's details with its notes and who answered.
import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

const DAY = 86_400_000;

test('a number typed three ways finds all of the caller’s calls, and a row opens its details', async ({ ui, sim }) => {
  const now = sim.control.now();
  const caller = { accountId: NORTH, fromName: 'Rita Repeat', fromAddress: '+17735550102', callState: 'Connected' };
  const ids = ['h-recent', 'h-old-1', 'h-old-2'];
  const agos = [60_000, 20 * DAY, 25 * DAY];
  ids.forEach((id, i) => {
    sim.control.addSession({
      ...caller,
      id,
      dateCreated: new Date(now - (agos[i] ?? 0)).toISOString(),
      ...(i === 0 ? { answeredByName: 'Ann Agent', consoleData: 'Wants a refund for order 5521' } : {}),
    });
    sim.control.endSession(id);
  });
  sim.control.archiveSession('h-old-1');
  sim.control.archiveSession('h-old-2');
  sim.control.addSession({ id: 'h-other', accountId: NORTH, fromName: 'Oscar Other', fromAddress: '+13125550199' });
  sim.control.endSession('h-other');

  await signIn(ui, sim);
  await ui.keyboard.press('Alt+3');
  await expect(ui.getByRole('heading', { name: 'History' })).toBeVisible();
  const rows = ui.getByTestId('history-list').getByRole('listitem');
  const search = ui.getByRole('searchbox', { name: 'Number or name' });
  for (const typed of ['(773) 555-0102', '773-555-0102', '+17735550102']) {
    await search.fill(typed);
    await search.press('Enter');
    await expect(ui.getByText(/^Showing \d+/)).toContainText('Showing 3 of 3 calls');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: 'Oscar Other' })).toHaveCount(0);
    await expect(ui.getByRole('button', { name: 'Load more' })).toBeHidden();
  }

  const recent = rows.filter({ hasText: 'Ann Agent' });
  await recent.getByRole('button', { name: /Open details of the call from Rita Repeat/ }).click();
  const sheet = ui.getByTestId('past-call-details');
  await expect(sheet.getByRole('heading', { name: 'Rita Repeat' })).toBeVisible();
  await expect(sheet.getByTestId('past-answered-by')).toHaveText('Ann Agent');
  await expect(sheet.getByTestId('past-notes')).toHaveText('Wants a refund for order 5521');
  await sheet.getByRole('button', { name: 'Close details' }).click();
  await expect(sheet).toBeHidden();

  // A click anywhere on a row opens it too.
  await rows.last().locator('.when').click();
  await expect(sheet.getByRole('heading', { name: 'Rita Repeat' })).toBeVisible();
  await ui.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
