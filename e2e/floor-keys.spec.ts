// Issue 20, item 1: a key acts on the call the agent sees. H acts on the row that has the focus,
// else on the agent's own call, never on a selected call scrolled off screen; the arrow keys move
// one row at a time and keep the focus on the board; what was held is announced by name.
import type { Page } from '@playwright/test';

import { NORTH, row, signIn } from './agent';
import { expect, test } from './fixtures';

const announced = (ui: Page) => ui.locator('.toasts p.visually-hidden[aria-live="polite"]');
/** The button that opens a row's call (named by the caller, then the number). */
const opener = (ui: Page, name: string) => row(ui, name).getByRole('button', { name: new RegExp(`^${name}\\b`) });

test("H never acts on a selected call scrolled off screen: with no row focused it takes the agent's own call", async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  const start = Date.now() - 30 * 60_000;
  sim.control.addSession({
    id: 'call-mine',
    accountId: NORTH,
    fromName: 'Grace Mine',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
    dateCreated: new Date(start).toISOString(),
  });
  for (let i = 0; i < 40; i++) {
    sim.control.addSession({
      accountId: NORTH,
      fromName: `Colleague Caller ${i}`,
      callState: 'Connected',
      answeredByName: 'Priya Shah',
      dateCreated: new Date(start + (i + 1) * 1000).toISOString(),
    });
  }
  sim.control.addSession({
    id: 'call-kwame',
    accountId: NORTH,
    fromName: 'Kwame Haddad',
    callState: 'Connected',
    answeredByName: 'Priya Shah',
  });
  const kwame = row(ui, 'Kwame Haddad');
  await opener(ui, 'Kwame Haddad').click();
  await expect(ui.getByRole('complementary')).toBeVisible();
  await ui.keyboard.press('Escape');
  await expect(ui.getByRole('complementary')).toBeHidden();
  // Kwame stays selected while the board scrolls him out of view.
  await ui.getByTestId('live-list').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expect(kwame).not.toBeInViewport();
  await ui.getByRole('searchbox').click();
  await ui.keyboard.press('Tab');
  await ui.keyboard.press('h');

  await expect.poll(() => sim.control.getSession('call-mine')?.callState).toBe('Hold');
  await expect(announced(ui)).toHaveText('Grace Mine is on hold.');
  expect(sim.control.requests({ method: 'PATCH', pathPrefix: '/sessions/call-kwame' })).toEqual([]);
  expect(sim.control.getSession('call-kwame')?.callState).toBe('Connected');
});

test('H acts on the focused row; arrow keys move one row, keep it in view and keep the focus', async ({ ui, sim }) => {
  await signIn(ui, sim);
  const start = Date.now() - 60 * 60_000;
  for (let i = 0; i < 120; i++) {
    sim.control.addSession({
      id: `call-${String(i).padStart(3, '0')}`,
      accountId: NORTH,
      fromName: `Caller ${String(119 - i).padStart(3, '0')}`,
      callState: 'Connected',
      answeredByName: 'Demo Agent',
      dateCreated: new Date(start + i * 1000).toISOString(),
    });
  }
  await expect(ui.getByRole('button', { name: /^All/ })).toContainText('120');
  await opener(ui, 'Caller 000').focus();
  for (const name of ['Caller 001', 'Caller 002', 'Caller 003']) {
    await ui.keyboard.press('ArrowDown');
    const button = opener(ui, name);
    await expect(button).toBeFocused();
    await expect(button).toBeInViewport();
  }
  await ui.keyboard.press('ArrowUp');
  await expect(opener(ui, 'Caller 002')).toBeFocused();
  await ui.keyboard.press('End');
  const last = opener(ui, 'Caller 119');
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await ui.keyboard.press('ArrowUp');
  await expect(opener(ui, 'Caller 118')).toBeFocused();

  await ui.keyboard.press('h');
  await expect.poll(() => sim.control.getSession('call-001')?.callState).toBe('Hold');
  await expect(announced(ui)).toHaveText('Caller 118 is on hold.');
  expect(sim.control.requests({ method: 'PATCH' })).toHaveLength(1);
});
