// Unsent notes: a note in conflict or refused is listed from the header, also once its call has
// left the board, and the agent retries or discards it with the keyboard.
import AxeBuilder from '@axe-core/playwright';

import { NORTH, openCall, signIn } from './agent';
import { expect, test } from './fixtures';

test('a note in conflict, then refused for an archived call, is retried and discarded from the header list', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-gone',
    accountId: NORTH,
    fromName: 'Gina Gone',
    fromAddress: '+15550142',
    callState: 'Connected',
    consoleData: 'Original note',
  });
  await openCall(ui, 'Gina Gone');
  const editor = ui.getByRole('textbox', { name: 'Console data', exact: true });
  await expect(editor).toHaveValue('Original note');
  sim.control.addFault({ endpoint: 'patch-session', kind: 'reset', rate: 1 });
  await editor.fill('Call back Monday');
  await expect(ui.getByTestId('console-data-state')).toContainText('Waiting for network');
  sim.control.setConsoleData('call-gone', 'Their note');
  sim.control.clearFaults();

  const toggle = ui.getByRole('button', { name: /^Unsent notes/ });
  await expect(toggle).toHaveText(/Unsent notes\s*1/, { timeout: 20_000 });
  // The call ends and is archived: it leaves the board, the note stays reachable.
  sim.control.endSession('call-gone');
  sim.control.archiveSession('call-gone');
  await expect(ui.getByRole('button', { name: /Gina Gone/ })).toHaveCount(0, { timeout: 20_000 });

  await toggle.focus();
  await ui.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = ui.getByRole('region', { name: 'Unsent notes' });
  await expect(list).toContainText('Gina Gone (+15550142)');
  await expect(list).toContainText('Call back Monday');
  const axe = await new AxeBuilder({ page: ui }).include('header').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await list.getByRole('button', { name: 'Retry the note for Gina Gone (+15550142)' }).focus();
  await ui.keyboard.press('Enter');
  await expect(list).toContainText('Could not save the note', { timeout: 20_000 });
  await expect
    .poll(() =>
      sim.control
        .requests({ method: 'GET', pathPrefix: '/sessions' })
        .some((r) => r.query.SpecificIds === 'call-gone' && r.query.SearchArchive === 'true'),
    )
    .toBe(true);

  await list.getByRole('button', { name: 'Discard the note for Gina Gone (+15550142)' }).focus();
  await ui.keyboard.press('Enter');
  await expect(toggle).toHaveCount(0);
  expect(sim.control.getSession('call-gone')?.consoleData).toBe('Their note');
});
