// Issue 20, item 5: a board that is not live says so. When the server keeps answering 401 after
// a successful sign-in, the board is dimmed and says since when it is not live, its timers stop,
// actions are unavailable with the reason, and a sign-in prompt brings it back while the page
// (and a note not yet sent) stays; no more than 3 credential posts a minute meanwhile.
import { DEMO_USER } from '../src/simulator/types';
import { NORTH, openCall, row, signIn } from './agent';
import { expect, test } from './fixtures';

test('a persistent 401: stale board, actions unavailable with the reason, a sign-in prompt that keeps the unsent note', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-sam',
    accountId: NORTH,
    fromName: 'Sam Stale',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const sam = row(ui, 'Sam Stale');
  await expect(sam).toContainText('Connected');
  await openCall(ui, 'Sam Stale');

  const postsBefore = sim.control.requests({ method: 'POST', pathPrefix: '/auth' }).length;
  const lostAt = Date.now();
  sim.control.addFault({ endpoint: 'sessions', kind: 'unauthorized' });
  sim.control.addFault({ endpoint: 'patch-session', kind: 'unauthorized' });
  await ui.getByRole('textbox', { name: 'Console data', exact: true }).fill('Written while signed out');
  // The note has reached the outbox, which cannot send it.
  await expect(ui.getByTestId('console-data-state')).not.toHaveText(/^(No changes|Saved)/, { timeout: 10_000 });

  await expect(ui.getByTestId('not-live')).toHaveText(/^Not live since \d/, { timeout: 20_000 });
  const hold = sam.getByRole('button', { name: /^Hold/ });
  await expect(hold).toHaveAttribute('aria-disabled', 'true');
  await expect(hold).toHaveAttribute('title', /not live since .*sign in again/);
  const prompt = ui.getByRole('alert').filter({ hasText: 'Signed out by the server.' });
  await expect(prompt).toContainText('Sign in again as demo@evovoice.example');
  await expect(prompt).toContainText('Notes not sent yet are kept');

  // The timers stop with the board.
  const time = sam.getByTitle('Time in this state');
  const frozen = await time.textContent();
  await ui.waitForTimeout(2200);
  await expect(time).toHaveText(frozen ?? '');
  await hold.focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByTestId('toast').filter({ hasText: 'Could not put Sam Stale on hold' })).toContainText(
    'sign in again',
  );
  expect(
    sim.control
      .requests({ method: 'PATCH', pathPrefix: '/sessions/call-sam' })
      .filter((r) => (r.body as { callState?: string }).callState),
  ).toEqual([]);

  const minutes = Math.max(1, Math.ceil((Date.now() - lostAt) / 60_000));
  const posts = sim.control.requests({ method: 'POST', pathPrefix: '/auth' }).length - postsBefore;
  expect(posts).toBeLessThanOrEqual(3 * minutes);

  sim.control.clearFaults();
  await prompt.getByLabel('Password').fill(DEMO_USER.password);
  await prompt.getByRole('button', { name: 'Sign in again' }).click();
  await expect(ui.getByTestId('not-live')).toHaveCount(0, { timeout: 20_000 });
  await expect(sam.getByRole('button', { name: /^Hold/ })).not.toHaveAttribute('aria-disabled', 'true');
  await expect
    .poll(() => sim.control.getSession('call-sam')?.consoleData, { timeout: 20_000 })
    .toBe('Written while signed out');
});
