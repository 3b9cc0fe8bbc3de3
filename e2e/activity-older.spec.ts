// Older activity on request (issue 25), strict simulator (pages of 100): polls read the newest page
// only; "Load older calls", reached and pressed by keyboard, reads the next page, the list grows
// down to the oldest call, the result is said to screen readers, and the end is stated.
import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

test('Load older calls reads the next page on request, by keyboard, until there are no more', async ({ ui, sim }) => {
  const now = Date.now();
  // 150 ended calls over the last 150 minutes: the newest 100 fill the first page; Olive is the oldest.
  for (let i = 0; i < 150; i++) {
    const at = new Date(now - (i + 1) * 60_000).toISOString();
    sim.control.addSession({
      id: `older-${i}`,
      accountId: NORTH,
      fromName: i === 149 ? 'Olive Oldest' : `Caller ${i}`,
      callState: 'Disconnected',
      ended: true,
      dateCreated: at,
      dateLastModified: at,
    });
  }
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+2');
  const list = ui.getByRole('list', { name: 'Activity' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const pages = () =>
    sim.control.requests({ method: 'GET', pathPrefix: '/portal/activity' }).map((q) => q.query.Page ?? '0');
  await expect.poll(pages).toContain('0');
  expect(
    pages().every((page) => page === '0'),
    'polls read the first page only',
  ).toBe(true);

  const older = ui.getByRole('button', { name: 'Load older calls' });
  await older.focus();
  await expect(older).toBeFocused();
  await ui.keyboard.press('Enter');
  await expect(ui.getByText('50 older calls added.')).toBeAttached();
  expect(pages()).toContain('1');
  await expect(ui.getByTestId('older-end')).toHaveText('No older calls in the last 24 hours.');

  // The list holds the oldest call now: to the end of the list by keyboard.
  await list.focus();
  await ui.keyboard.press('End');
  await expect(list.getByRole('listitem').filter({ hasText: 'Olive Oldest' })).toBeVisible();
});
