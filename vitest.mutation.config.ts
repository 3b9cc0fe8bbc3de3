// The tests Stryker runs against each mutant (npm run test:mutation): the core, shared code, the
// reliability suites and the shell tests of redaction, the dispatcher and the settings store. Left
// out: the long chaos and crash runs (each would re-run for nearly every mutant), and tests that need
// D-Bus, child processes or the simulator alone, and one that needs its own process.
import { defineConfig } from 'vitest/config';

import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // One file at a time: the tests' short request timeouts (500 ms) must hold on 2 busy cores with
    // instrumented code, and Stryker runs its own processes beside.
    fileParallelism: false,
    include: [
      'tests/core/**/*.test.ts',
      'tests/shared/**/*.test.ts',
      'tests/reliability/**/*.test.ts',
      'tests/shell/{dispatch,file-log,settings-store}.test.ts',
    ],
    exclude: [
      'tests/reliability/{chaos,crash,keychain-faults,scan-secrets}.test.ts',
      // Sets process.env.TZ, which a worker thread (Stryker runs vitest in threads) does not apply.
      'tests/core/feeds.test.ts',
      'tests/soak/**',
      'node_modules/**',
    ],
  },
});
