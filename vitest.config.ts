// Unit and integration tests: plain Node, real HTTP to the simulator on loopback.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Long runs (10,000-request chaos, 50 crashes) live behind npm run test:soak; the start-up
    // test needs a build and runs as npm run test:launch.
    exclude: ['tests/soak/**', 'tests/launch/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
