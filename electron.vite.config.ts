// Builds the three Electron bundles (main, preload, renderer) into out/.
import { resolve } from 'node:path';

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // electron-store 12 and conf 16 are ESM-only: bundle them into the ESM main bundle
      // instead of leaving a require() that would fail at run time. zod is bundled too: ESM
      // resolution of a package inside app.asar has regressed before. keytar (native) and ws stay
      // external.
      externalizeDeps: { exclude: ['electron-store', 'conf', 'zod'] },
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
        output: { format: 'es' },
      },
    },
    // conf imports ajv (two copies, ~390 KB of this bundle) but uses it only for a JSON schema,
    // which the console never gives: a stand-in that throws if ever used (src/main/left-out/).
    resolve: {
      alias: {
        'ajv/dist/2020.js': resolve('src/main/left-out/ajv.ts'),
        'ajv-formats': resolve('src/main/left-out/ajv-formats.ts'),
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require() local files: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      // The page is parsed on every start (web shell) and window load: minified, it is a third of
      // the size (issue 25, web start).
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [svelte()],
  },
});
