// Call history: the first page, more pages on demand, search by number, and what the server was asked for.
import { signIn, NORTH } from './agent';
import { expect, test } from './fixtures';

test('history loads page after page and filters by number', async ({ ui, sim }) => {
  for (let i = 0; i < 120; i++) {
    const id = `past-${i}`;
    sim.control.addSession({
      id,
      accountId: NORTH,
      fromName: `Past Caller ${i}`,
      fromAddress: `+1555777${String(i).padStart(4, '0')}`,
      callState: 'Connected',
    });
    sim.control.endSession(id);
  }
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+3');
  await expect(ui.getByRole('heading', { name: 'History' })).toBeVisible();
  const summary = ui.getByText(/^Showing \d+/);
  await expect(summary).toContainText(/Showing 50\b/);
  await expect(ui.getByTestId('history-list').getByRole('listitem').first()).toBeVisible();

  await ui.getByRole('button', { name: 'Load more' }).click();
  await expect(summary).toContainText(/Showing 100\b/);
  await ui.getByRole('button', { name: 'Load more' }).click();
  await expect(summary).toContainText(/Showing 120\b/);
  await expect(ui.getByRole('button', { name: 'Load more' })).toBeHidden();
  const pages = sim.control.requests({ pathPrefix: '/portal/call-history' }).map((r) => r.query.page ?? r.query.Page);
  expect(pages).toEqual(['0', '1', '2']);

  await ui.keyboard.press('/');
  await expect(ui.getByRole('searchbox', { name: 'Number' })).toBeFocused();
  await ui.keyboard.type('+15557770007');
  await ui.keyboard.press('Enter');
  await expect(ui.getByTestId('history-list').getByRole('listitem')).toHaveCount(1);
  await expect(ui.getByTestId('history-list')).toContainText('Past Caller 7');
});
