// Unit and integration tests: plain Node, real HTTP to the simulator on loopback. Two projects: the
// suites of every layer, and the renderer's stores (`tests/stores/`), compiled by Svelte's plugin
// against its client runtime so `$state`/`$derived` behave as they do in the page.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node',
  testTimeout: 20_000,
  hookTimeout: 20_000,
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['tests/**/*.test.ts'],
          // Long runs (10,000-request chaos, 50 crashes) live behind npm run test:soak; the start-up
          // test needs a build and runs as npm run test:launch; the stores run in their own project.
          exclude: ['tests/soak/**', 'tests/launch/**', 'tests/stores/**', 'node_modules/**'],
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [svelte({ compilerOptions: { runes: true } })],
        resolve: { conditions: ['browser'] },
        test: { ...shared, name: 'stores', include: ['tests/stores/**/*.test.ts'] },
      },
    ],
  },
});
