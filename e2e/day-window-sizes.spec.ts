// Any window size (issue 24): docked beside a CRM at 420 px (one column, a call's details as a
// sheet over the board), at 800×600 and at 1366 px, every view has each control whole (no button
// text cut, nothing outside the window or clipped by its container) and a level-one heading;
// a screenshot of each width goes to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page, TestInfo } from '@playwright/test';

import { DEMO_USER } from '../src/simulator/types';
import { fillSignIn, pollEverySecond } from './agent';
import { expect, test } from './fixtures';

test.use({ scenario: true });

const SIZES = [
  { width: 420, height: 800, name: 'side-panel-420' },
  { width: 800, height: 600, name: 'small-800' },
  { width: 1366, height: 768, name: 'wide-1366' },
] as const;

/** Controls that are cut: text wider than the control (every button's scrollWidth <= clientWidth), or the control outside the window or its clipping container. */
async function cutControls(ui: Page): Promise<string[]> {
  return ui.evaluate(() => {
    const cut: string[] = [];
    const width = document.documentElement.clientWidth;
    const controls = document.querySelectorAll<HTMLElement>('button, select, input:not([type="hidden"]), [role="tab"]');
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true }) || control.closest('.visually-hidden')) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${control.tagName.toLowerCase()} "${(control.getAttribute('aria-label') ?? control.textContent ?? (control as HTMLInputElement).value ?? '').trim().slice(0, 40)}"`;
      // A long name may end with an ellipsis when it shows whole on hover (its title).
      const ellipsis = getComputedStyle(control).textOverflow === 'ellipsis' && control.title !== '';
      if (control.tagName === 'BUTTON' && !ellipsis && control.scrollWidth > control.clientWidth + 1)
        cut.push(`${name}: text ${control.scrollWidth}px in ${control.clientWidth}px`);
      if (box.left < -1 || box.right > width + 1)
        cut.push(`${name}: ${Math.round(box.left)}–${Math.round(box.right)}px in a ${width}px window`);
      for (let parent = control.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'visible') continue;
        const frame = parent.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1) {
          cut.push(`${name}: clipped by ${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')}`);
          break;
        }
      }
    }
    return cut;
  });
}

async function checkView(ui: Page, testInfo: TestInfo, size: (typeof SIZES)[number], view: string): Promise<void> {
  await expect(ui.getByRole('heading', { level: 1 }), `${view}: one level-one heading`).toHaveCount(1);
  expect(await cutControls(ui), `${view} at ${size.width}×${size.height}`).toEqual([]);
  const file = `${size.name}-${view}.png`;
  await ui.screenshot({ path: testInfo.outputPath(file) });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(resolve('docs/screenshots'), { recursive: true });
    await ui.screenshot({ path: resolve('docs/screenshots', file) });
  }
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} every view keeps every control whole`, async ({ ui, sim }, testInfo) => {
    test.setTimeout(120_000);
    await ui.setViewportSize({ width: size.width, height: size.height });
    await expect(ui.getByRole('heading', { name: 'Sign in to Evo Voice' })).toBeVisible();
    await checkView(ui, testInfo, size, 'sign-in');
    await fillSignIn(ui, sim.url, DEMO_USER.userName, DEMO_USER.password);
    await ui.getByRole('button', { name: 'Northwind Health (North)' }).click();
    await pollEverySecond(ui);

    const first = ui.getByTestId('live-list').getByRole('listitem').first();
    await expect(first).toBeVisible();
    await checkView(ui, testInfo, size, 'live');
    await first.getByRole('button').first().click();
    const notes = ui.getByRole('textbox', { name: 'Console data', exact: true });
    await expect(notes).toBeVisible();
    await expect(notes).toBeInViewport();
    await checkView(ui, testInfo, size, 'live-details');
    await ui.getByRole('button', { name: 'Close details' }).click();

    await ui.keyboard.press('Alt+2');
    await expect(ui.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await checkView(ui, testInfo, size, 'activity');

    await ui.keyboard.press('Alt+3');
    await expect(ui.getByTestId('history-list').getByRole('listitem').first()).toBeVisible();
    await checkView(ui, testInfo, size, 'history');
    await ui.getByTestId('history-list').getByRole('listitem').first().getByRole('button').first().click();
    await expect(ui.getByTestId('past-call-details')).toBeVisible();
    expect(await cutControls(ui), `history details at ${size.width}`).toEqual([]);
    await ui.keyboard.press('Escape');

    await ui.keyboard.press('Alt+4');
    await expect(ui.getByRole('img', { name: /^Call metrics/ })).toBeVisible();
    await checkView(ui, testInfo, size, 'dashboard');

    await ui.keyboard.press('Alt+5');
    await expect(ui.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await checkView(ui, testInfo, size, 'settings');
  });
}
