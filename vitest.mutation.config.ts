// The tests Stryker runs against each mutant (npm run test:mutation): the core, shared code, the
// renderer's logic (lib/ in Node, the stores compiled as the page compiles them), the reliability
// and security suites and the shell tests of redaction, the dispatcher and the settings store. Left out: the long
// chaos and crash runs (each would re-run for nearly every mutant), and tests that need D-Bus, child
// processes or the simulator alone, and one that needs its own process.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// One file at a time: the tests' short request timeouts (500 ms) must hold on 2 busy cores with
// instrumented code, and Stryker runs its own processes beside.
const shared = { environment: 'node', testTimeout: 20_000, hookTimeout: 20_000, fileParallelism: false } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: [
            'tests/core/**/*.test.ts',
            'tests/shared/**/*.test.ts',
            'tests/renderer/**/*.test.ts',
            'tests/reliability/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/shell/{dispatch,file-log,settings-store}.test.ts',
          ],
          exclude: [
            'tests/reliability/{chaos,crash,keychain-faults,scan-secrets}.test.ts',
            // Spawns the web shell's server process.
            'tests/security/web-shell.test.ts',
            // Sets process.env.TZ, which a worker thread (Stryker runs vitest in threads) does not apply.
            'tests/core/feeds.test.ts',
            'tests/soak/**',
            'node_modules/**',
          ],
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
