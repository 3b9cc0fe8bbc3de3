// Playwright fixtures: a fresh simulator (in the worker process) and a fresh console for each test.
import { type Browser, expect, type Page, test as base } from '@playwright/test';

import { startSimulator, STRICT } from '../src/simulator/index';
import type { Simulator } from '../src/simulator/types';
import { type ConsoleApp, launchConsole } from './console-app';

interface TestFixtures {
  /** Run the simulator's live call-centre scenario (history, voicemail, calls coming and going). */
  scenario: boolean;
  sim: Simulator;
  app: ConsoleApp;
  /** The console window (same as app.page until a restart). */
  ui: Page;
}

interface WorkerFixtures {
  chromium: () => Promise<Browser>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  chromium: [
    async ({ playwright, launchOptions }, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => (browser ??= playwright.chromium.launch(launchOptions)));
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],
  scenario: [false, { option: true }],
  sim: async ({ scenario }, use) => {
    // As strict as a real server, except that it lists the agent's accounts: the specs sign in
    // through the account picker by name (tests/core/sign-in covers a server that lists none).
    const sim = await startSimulator({ clock: 'realtime', scenario, strictness: { ...STRICT, authStatus: 'full' } });
    await use(sim);
    await sim.close();
  },
  app: async ({ chromium }, use, testInfo) => {
    const app = await launchConsole(chromium);
    await use(app);
    await app.close();
    if (app.problems.length) await testInfo.attach('page-problems', { body: app.problems.join('\n') });
    expect(app.problems, 'no script errors, CSP violations or dialogs in the page').toEqual([]);
  },
  ui: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
