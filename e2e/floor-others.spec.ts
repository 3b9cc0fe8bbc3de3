// Issue 20, item 2: the agent's own calls and other people's. Holding a colleague's call asks
// first, naming whose call it is; under the holdOthersCalls setting 'deny' it is refused with the
// reason (and the core refuses it too); a hold or resume can be undone for 5 s; "Mine" filters.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_USER, type Simulator } from '../src/simulator/types';
import { chooseAccountIfAsked, fillSignIn, NORTH, row, signIn } from './agent';
import { expect, test } from './fixtures';

const patches = (sim: Simulator, id: string) =>
  sim.control
    .requests({ method: 'PATCH', pathPrefix: `/sessions/${id}` })
    .map((r) => (r.body as { callState?: string }).callState);

test("a colleague's call: the console asks first, naming whose it is; cancel leaves it, yes holds it, undo resumes it", async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-kwame',
    accountId: NORTH,
    fromName: 'Kwame Haddad',
    callState: 'Connected',
    answeredByName: 'Priya Shah',
  });
  const kwame = row(ui, 'Kwame Haddad');
  const hold = kwame.getByRole('button', { name: /^Hold/ });
  await hold.click();
  const question = ui.getByRole('alertdialog');
  await expect(question).toContainText("Kwame Haddad is Priya Shah's call. Put it on hold?");
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(hold).toBeFocused();

  await hold.click();
  await ui.keyboard.press('Escape');
  await expect(question).toBeHidden();
  expect(patches(sim, 'call-kwame')).toEqual([]);

  await hold.click();
  await question.getByRole('button', { name: 'Put on hold' }).click();
  await expect.poll(() => sim.control.getSession('call-kwame')?.callState).toBe('Hold');
  await expect(kwame).toContainText('Held by you');

  await ui.getByRole('button', { name: 'Undo: Kwame Haddad is on hold.' }).click();
  await expect.poll(() => sim.control.getSession('call-kwame')?.callState).toBe('Connected');
  expect(patches(sim, 'call-kwame')).toEqual(['Hold', 'Connected']);
});

test('the undo lasts 5 seconds', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-own',
    accountId: NORTH,
    fromName: 'Olga Own',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  await row(ui, 'Olga Own').getByRole('button', { name: 'Hold Olga Own' }).click();
  const undo = ui.getByRole('button', { name: 'Undo: Olga Own is on hold.' });
  await expect(undo).toBeVisible();
  await expect(undo).toBeHidden({ timeout: 7000 });
  expect(patches(sim, 'call-own')).toEqual(['Hold']);
});

test("'deny': a colleague's call cannot be held, with the reason; the agent's own still can; Mine filters", async ({
  app,
  sim,
}) => {
  // What an administrator's policy holdOthersCalls=deny sets (the web shell reads no policy).
  writeFileSync(join(app.dataDir, 'settings.json'), JSON.stringify({ settings: { holdOthersCalls: 'deny' } }));
  const ui = await app.restart();
  await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
  await chooseAccountIfAsked(ui);
  sim.control.addSession({
    id: 'call-kwame',
    accountId: NORTH,
    fromName: 'Kwame Haddad',
    callState: 'Connected',
    answeredByName: 'Priya Shah',
  });
  sim.control.addSession({
    id: 'call-own',
    accountId: NORTH,
    fromName: 'Olga Own',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const hold = row(ui, 'Kwame Haddad').getByRole('button', { name: 'Hold Kwame Haddad' });
  await expect(hold).toHaveAttribute('aria-disabled', 'true');
  await expect(hold).toHaveAttribute('title', /Priya Shah's call, and your administrator does not let agents change/);
  // Unavailable, not disabled: it keeps the focus, and Enter says why.
  await hold.focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByRole('alert').getByTestId('toast')).toContainText('Could not put Kwame Haddad on hold');
  await expect(ui.getByRole('alertdialog')).toHaveCount(0);

  await row(ui, 'Olga Own').getByRole('button', { name: 'Hold Olga Own' }).click();
  await expect.poll(() => sim.control.getSession('call-own')?.callState).toBe('Hold');
  expect(patches(sim, 'call-kwame')).toEqual([]);

  await ui.getByRole('button', { name: /^Mine/ }).click();
  await expect(row(ui, 'Olga Own')).toBeVisible();
  await expect(row(ui, 'Kwame Haddad')).toBeHidden();
});
