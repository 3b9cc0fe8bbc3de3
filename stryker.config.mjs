// Mutation testing (npm run test:mutation, not part of npm test): how many deliberate bugs in the
// core, the shared contract, redaction and the settings store the tests catch. Incremental: a second
// run re-tests only mutants whose code or covering tests changed (reports/stryker-incremental.json,
// kept out of git: it is a cache of one working copy).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/main/core/**/*.ts', 'src/shared/**/*.ts', 'src/main/redact.ts', 'src/main/settings-store.ts'],
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
