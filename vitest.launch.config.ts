// The start-up test (npm run test:launch): the built main bundle on the Electron stand-in.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/launch/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
  },
});
