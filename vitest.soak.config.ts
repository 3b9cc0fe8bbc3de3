// The long reliability runs (`npm run test:soak`): 10,000-request chaos, 50 crash-restarts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    environment: 'node',
    env: { EVO_SOAK: '1' },
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
