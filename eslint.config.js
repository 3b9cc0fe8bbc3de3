// Lint rules for the whole project: typescript-eslint for TS, eslint-plugin-svelte for components.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Every file the web shell (src/web) reaches through relative imports: it runs in plain Node, so
 * none of them may import electron. Computed, so a module the web shell starts to reuse is covered
 * the day it is imported.
 */
function reachedFromWebShell() {
  const seen = new Set();
  const stack = readdirSync('src/web').map((f) => join('src/web', f));
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || !file.endsWith('.ts')) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const base = normalize(join(dirname(file), spec));
      const found = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
      if (found) stack.push(found);
    }
  }
  return [...seen].filter((f) => f.startsWith('src/main/') && !f.startsWith('src/main/core/'));
}

export default ts.config(
  {
    ignores: [
      '.tmp/',
      'out/',
      'dist/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      // StrykerJS's sandbox copy of the project while a mutation run is going, and its reports.
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // One import order everywhere (packages, then the project's own, each sorted): `npm run format` fixes it.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // These run under plain Node (the core, the web shell and what it reuses, the simulator,
    // the contract): importing electron there would try a binary download.
    files: ['src/main/core/**', 'src/simulator/**', 'src/shared/**', 'src/web/**', ...reachedFromWebShell()],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'electron-store'] }],
    },
  },
);
