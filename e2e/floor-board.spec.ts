// Issue 24, the board: column headers that sort, long names cut with an ellipsis and shown whole
// on hover (title) and focus, and a row's Hold button that names the caller.
import { NORTH, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('the board sorts by its column headers; a long name ends with an ellipsis and shows whole; Hold names the caller', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  const long = 'Maximiliana Theodora Featherstonehaugh-Wolfeschlegelsteinhausen of Upper Snodsbury';
  const base = Date.now() - 10 * 60_000;
  for (const [i, fromName] of ['Bea', 'Al', long, 'Cy'].entries()) {
    sim.control.addSession({
      accountId: NORTH,
      fromName,
      callState: 'Connected',
      answeredByName: 'Demo Agent',
      dateCreated: new Date(base + i * 1000).toISOString(),
    });
  }
  const names = () => ui.getByTestId('live-list').locator('.caller').allTextContents();
  await expect.poll(names).toEqual(['Cy', long, 'Al', 'Bea']);

  const caller = ui.getByRole('group', { name: 'Sort the calls' }).getByRole('button', { name: /^Caller/ });
  await caller.click();
  await expect.poll(names).toEqual(['Al', 'Bea', 'Cy', long]);
  await expect(caller).toHaveAttribute('aria-pressed', 'true');
  await expect(caller).toContainText('sorted ascending');
  await caller.click();
  await expect.poll(names).toEqual([long, 'Cy', 'Bea', 'Al']);
  await caller.click();
  await expect.poll(names).toEqual(['Cy', long, 'Al', 'Bea']);

  const longRow = row(ui, long);
  const name = longRow.locator('.caller');
  const cut = await name.evaluate(
    (el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis',
  );
  expect(cut).toBe(true);
  await expect(longRow.getByRole('button', { name: new RegExp(`^${long}`) })).toHaveAttribute('title', long);
  await longRow.getByRole('button', { name: new RegExp(`^${long}`) }).focus();
  await ui.keyboard.press('ArrowDown');
  await ui.keyboard.press('ArrowUp');
  const whole = await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(whole).toBe(true);

  await expect(row(ui, 'Bea').getByRole('button', { name: 'Hold Bea' })).toBeVisible();
});
