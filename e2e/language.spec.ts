// Language: Settings switches the console to Spanish and back; views, the chart and dates follow, and the page says its language.
import { NORTH, signIn } from './agent';
import { expect, test } from './fixtures';

test('the agent switches the console to Spanish in Settings, and back', async ({ ui, sim }) => {
  await signIn(ui, sim);
  sim.control.addSession({ id: 'call-es', accountId: NORTH, fromName: 'Lucía Ortega', callState: 'Connected' });
  await ui.keyboard.press('Alt+5');
  await ui.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
  await expect(ui.locator('html')).toHaveAttribute('lang', 'es');
  // Settings, the status bar and Activity speak it too.
  await expect(ui.getByTestId('settings-status')).toHaveText('Guardado: idioma.');
  await expect(ui.getByRole('group', { name: 'Teclas rápidas' })).toBeVisible();
  await expect(ui.getByRole('textbox', { name: 'Poner en espera / retomar mi llamada' })).toBeVisible();
  await expect(ui.getByTestId('connection-status')).toHaveText('En línea');
  // Online there is nothing to retry: the button shows only when the server is not answering.
  await expect(ui.getByRole('button', { name: 'Reintentar ahora' })).toBeHidden();
  await ui.keyboard.press('Alt+2');
  await expect(ui.getByRole('heading', { name: 'Actividad' })).toBeVisible();
  await expect(ui.getByRole('button', { name: 'Marcar todas como vistas' })).toBeVisible();

  const views = ui.getByRole('navigation', { name: 'Vistas' });
  await expect(views.getByRole('button')).toHaveText([
    'Llamadas en curso',
    'Actividad',
    'Historial',
    'Panel',
    'Ajustes',
  ]);
  await ui.keyboard.press('Alt+1');
  await expect(ui.getByRole('button', { name: 'Poner en espera Lucía Ortega', exact: true })).toBeVisible();

  await ui.keyboard.press('Alt+4');
  await expect(ui.getByRole('heading', { name: 'Panel' })).toBeVisible();
  await ui.getByRole('combobox', { name: 'Periodo' }).selectOption({ label: 'Últimos 30 días' });
  await expect(ui.getByRole('img', { name: /^Métricas de llamadas \(Últimos 30 días\)/ })).toBeVisible();
  // Dates in Spanish: "desde el 2 nov 2026".
  await expect(ui.getByText(/desde el \d{1,2} [a-z]{3}/)).toBeVisible();

  await ui.keyboard.press('Alt+5');
  await ui.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
  await expect(ui.locator('html')).toHaveAttribute('lang', 'en');
  await expect(ui.getByRole('navigation', { name: 'Views' }).getByRole('button').first()).toHaveText('Live calls');
});
