// The status bar tells a support person when the server sends fields the console had to ignore, with the details.
import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

test('fields of the wrong type are counted in the status bar once each, with details', async ({ ui, sim }) => {
  await signIn(ui, sim);
  await expect(ui.getByTestId('ignored-fields')).toBeHidden();
  // What a server speaking another version of the contract might send: a number for a name, words for a flag.
  for (const id of ['odd-1', 'odd-2']) {
    sim.control.addSession({
      id,
      accountId: NORTH,
      fromName: 'Odd Caller',
      callState: 'Connected',
      ...({ fromAddress: 15550001111, ended: 'no', answeredByName: { first: 'Ann' } } as object),
    });
  }
  const status = ui.getByTestId('ignored-fields');
  await expect(status.locator('summary')).toHaveText('3 fields from the server were ignored — details');
  await status.locator('summary').focus();
  await ui.keyboard.press('Enter');
  await expect(status.getByRole('listitem')).toHaveText([
    /^items\[\]\.fromAddress \(\/sessions\)$/,
    /^items\[\]\.answeredByName \(\/sessions\)$/,
    /^items\[\]\.ended \(\/sessions\)$/,
  ]);
  await expect(ui.getByRole('button', { name: /Odd Caller/ }).first()).toBeVisible();
});
