// End-to-end suite: the console (web shell in Debian's Chromium here, the Electron app where its binary exists) against the simulator.
import { defineConfig } from '@playwright/test';

import { CHROMIUM_LAUNCH } from './tests/support/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'console', testIgnore: /performance\.spec\.ts/ },
    // Measured last, alone, so the figures are not those of a machine busy with other specs.
    { name: 'performance', testMatch: /performance\.spec\.ts/, dependencies: ['console'] },
  ],
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
