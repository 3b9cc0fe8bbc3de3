// Call history: the first page, more pages on demand, search by number, and what the server was asked for.
import { NORTH, signIn } from './agent';
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

test('history rows show direction, duration, who answered and outcome, sorted by date or duration', async ({
  ui,
  sim,
}) => {
  const now = sim.control.now();
  const past = [
    { id: 'h-short', fromName: 'Short Call', minutesAgo: 1, direction: 'Outgoing' },
    { id: 'h-mid', fromName: 'Middle Call', minutesAgo: 3, direction: 'Incoming', answeredByName: 'Ann Agent' },
    { id: 'h-long', fromName: 'Long Call', minutesAgo: 10, direction: 'Incoming' },
  ];
  for (const { minutesAgo, ...call } of past) {
    sim.control.addSession({
      ...call,
      accountId: NORTH,
      callState: 'Connected',
      dateCreated: new Date(now - minutesAgo * 60_000).toISOString(),
    });
    sim.control.endSession(call.id);
  }
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+3');
  const rows = ui.getByTestId('history-list').getByRole('listitem');
  const names = async () =>
    (await rows.allTextContents())
      .map((t) => /(Short|Middle|Long) Call/.exec(t)?.[0])
      .filter((name): name is string => name !== undefined);

  const middle = rows.filter({ hasText: 'Middle Call' });
  await expect(middle).toContainText('Direction: Incoming');
  await expect(middle).toContainText('Duration: 3:00');
  await expect(middle).toContainText('by Ann Agent');
  await expect(middle.getByTestId('call-outcome')).toHaveText('Completed');
  await expect(rows.filter({ hasText: 'Short Call' })).toContainText('Direction: Outgoing');
  await expect.poll(names).toEqual(['Short Call', 'Middle Call', 'Long Call']);

  const sort = ui.getByRole('combobox', { name: 'Sort' });
  await sort.focus();
  await sort.selectOption('oldest');
  await expect.poll(names).toEqual(['Long Call', 'Middle Call', 'Short Call']);
  const asked = sim.control.requests({ pathPrefix: '/portal/call-history' }).at(-1)?.query ?? {};
  expect(asked.SortField ?? asked.sortField).toBe('dateCreated');
  expect(asked.SortOrder ?? asked.sortOrder).toBe('Ascend');

  await sort.selectOption('longest');
  await expect.poll(names).toEqual(['Long Call', 'Middle Call', 'Short Call']);
  await sort.selectOption('shortest');
  await expect.poll(names).toEqual(['Short Call', 'Middle Call', 'Long Call']);
});

test('history finds a call from last month by number or caller name, searched on the server', async ({ ui, sim }) => {
  sim.control.setStrictness({ maxPageSize: 100, referencePaging: true, oldestFirst: true, mixedDates: true });
  sim.control.loadArchive(1500, { days: 31 });
  const twentyDaysAgo = new Date(sim.control.now() - 20 * 24 * 3_600_000).toISOString();
  const id = sim.control.addSession({
    accountId: NORTH,
    fromName: 'Marguerite Archived',
    fromAddress: '+15559871234',
    callState: 'Connected',
    dateCreated: twentyDaysAgo,
  }).id as string;
  sim.control.endSession(id);
  sim.control.archiveSession(id);
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+3');
  const summary = ui.getByText(/^Showing \d+/);
  await expect(summary).toContainText(/Showing 50 of/);

  const rows = ui.getByTestId('history-list').getByRole('listitem');
  const search = ui.getByRole('searchbox', { name: /^Number/ });
  for (const text of ['Marguerite', '9871234']) {
    await search.fill(text);
    await search.press('Enter');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Marguerite Archived');
    await expect(summary).toContainText('Showing 1 of 1 calls');
  }
  const asked = sim.control.requests({ pathPrefix: '/sessions' }).filter((r) => r.query.From === '9871234');
  expect(asked.map((r) => r.query.SearchArchive).sort()).toEqual(['false', 'true']);
});
