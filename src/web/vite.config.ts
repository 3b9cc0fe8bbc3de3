// Builds the web shell (`src/web/server.ts`, with the core and the simulator) into one Node file,
// out/web/server.js, so that it starts without compiling TypeScript: `vite build -c src/web/vite.config.ts`.
import { resolve } from 'node:path';

import { defineConfig } from 'vite';

export default defineConfig({
  // Bundling the dependencies too spares Node resolving and loading hundreds of files at start;
  // keytar is a native addon and stays a require() of node_modules.
  ssr: { noExternal: true, external: ['keytar'] },
  logLevel: 'warn',
  build: {
    ssr: resolve('src/web/server.ts'),
    outDir: resolve('out/web'),
    emptyOutDir: true,
    target: 'node20',
    reportCompressedSize: false,
    // server.js loads the rest (start.ts) after turning the compile cache on; beside it, so that
    // `../../package.json` from either file is the project's.
    rollupOptions: { output: { chunkFileNames: '[name].js' } },
  },
});
