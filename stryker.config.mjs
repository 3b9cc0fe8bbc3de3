// Mutation testing (not part of npm test): how many deliberate bugs in the core, the shared contract,
// the renderer's logic (state/ and lib/), redaction and the settings store the tests catch.
// `npm run test:mutation -- --next` runs one slice at a time through scripts/mutation.mjs, which
// keeps each slice's incremental result in tests/mutation/; `npx stryker run` alone mutates
// everything below (hours on 2 cores) with a local cache in reports/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/main/core/**/*.ts',
    'src/shared/**/*.ts',
    'src/renderer/src/state/**/*.ts',
    'src/renderer/src/lib/**/*.ts',
    'src/main/redact.ts',
    'src/main/settings-store.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  // Test data and build output: never copied into the sandbox (a test leaves a link to /sys there).
  ignorePatterns: ['.tmp', 'out', 'dist', 'test-results', 'reports', 'bench/results'],
  cleanTempDir: 'always',
};
