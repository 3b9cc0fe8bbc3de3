// Hotkeys and hold reminders in the web shell (the page has focus): the hold hotkey holds and
// resumes the agent's own call on the server, the notes hotkey opens its notes, Settings edits
// them and refuses a bad one, and a caller left on hold is timed on the row and reminded of.
import { NORTH, row, signIn } from './agent';
import { expect, test } from './fixtures';

const HOLD = 'Control+Alt+Shift+KeyH';
const NOTES = 'Control+Alt+Shift+KeyN';

test("the hold hotkey holds and resumes the agent's own call; the notes hotkey opens its notes", async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  sim.control.addSession({
    id: 'call-other',
    accountId: NORTH,
    fromName: 'Not Mine',
    callState: 'Connected',
    answeredByName: 'Priya Shah',
  });
  sim.control.addSession({
    id: 'call-mine',
    accountId: NORTH,
    fromName: 'Grace Mine',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const mine = row(ui, 'Grace Mine');
  await expect(mine).toContainText('Connected');
  await expect(row(ui, 'Not Mine')).toBeVisible();

  await ui.keyboard.press(HOLD);
  await expect(mine).toContainText('On hold');
  await expect.poll(() => sim.control.getSession('call-mine')?.callState).toBe('Hold');
  expect(sim.control.getSession('call-other')?.callState).toBe('Connected');
  await expect(mine.getByTitle('Time on hold')).toHaveText(/^0:0\d$/);

  await ui.keyboard.press(HOLD);
  await expect.poll(() => sim.control.getSession('call-mine')?.callState).toBe('Connected');

  await ui.keyboard.press(NOTES);
  await expect(ui.getByRole('textbox', { name: 'Console data' })).toBeFocused();
});

test('Settings: the hotkeys say they work while the page has focus, and a bad one is refused with why', async ({
  ui,
  sim,
}) => {
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');
  await expect(ui.getByText(/only while this page has focus/)).toBeVisible();
  const hold = ui.getByRole('textbox', { name: 'Hold / resume my call' });
  await expect(hold).toHaveValue('CommandOrControl+Alt+Shift+H');
  await hold.fill('Shift+H');
  await hold.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText(/not saved: Shift\+H types a character/);
  await hold.fill('Ctrl+Alt+F9');
  await hold.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: hotkey "Hold / resume my call".');

  sim.control.addSession({
    id: 'call-f9',
    accountId: NORTH,
    fromName: 'Fiona Nine',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  await ui.keyboard.press('Alt+1');
  await expect(row(ui, 'Fiona Nine')).toBeVisible();
  await ui.keyboard.press('Control+Alt+F9');
  await expect.poll(() => sim.control.getSession('call-f9')?.callState).toBe('Hold');
});

test('a caller left on hold: the row times the hold and a reminder opens the call', async ({ ui, sim }) => {
  await signIn(ui, sim);
  await ui.keyboard.press('Alt+5');
  const after = ui.getByRole('spinbutton', { name: /Remind me of a caller on hold/ });
  await after.fill('10');
  await after.press('Tab');
  await expect(ui.getByTestId('settings-status')).toHaveText('Saved: hold reminder.');
  await ui.keyboard.press('Alt+1');

  sim.control.addSession({
    id: 'call-wait',
    accountId: NORTH,
    fromName: 'Walter Waiting',
    callState: 'Connected',
    answeredByName: 'Demo Agent',
  });
  const waiting = row(ui, 'Walter Waiting');
  await waiting.getByRole('button', { name: 'Hold Walter Waiting' }).click();
  await expect.poll(() => sim.control.getSession('call-wait')?.callState).toBe('Hold');

  const reminder = ui.getByTestId('toast').filter({ hasText: 'Caller on hold for' });
  await expect(reminder).toBeVisible({ timeout: 20_000 });
  await expect(reminder).toContainText('Walter Waiting');
  await expect(waiting.getByTitle('Time on hold')).toContainText('on hold longer than the reminder time');
  await reminder.getByRole('button', { name: 'Open call' }).click();
  await expect(ui.getByRole('heading', { name: /Walter Waiting/ })).toBeVisible();
});
