// Builds the web shell (`src/web/server.ts`, with the core and the simulator) into one Node file,
// out/web/server.js, so that it starts without compiling TypeScript: `vite build -c src/web/vite.config.ts`.
import { resolve } from 'node:path';

import { defineConfig } from 'vite';

export default defineConfig({
  // Bundling the dependencies too spares Node resolving and loading hundreds of files at start;
  // keytar is a native addon and stays a require() of node_modules.
  ssr: { noExternal: true, external: ['keytar'] },
  // What the web shell never runs, left out so that it is not loaded on every start (src/main/left-out/, src/web/left-out/).
  resolve: {
    alias: {
      'ajv/dist/2020.js': resolve('src/main/left-out/ajv.ts'),
      'ajv-formats': resolve('src/main/left-out/ajv-formats.ts'),
      plist: resolve('src/web/left-out/plist.ts'),
    },
  },
  logLevel: 'warn',
  build: {
    ssr: resolve('src/web/server.ts'),
    outDir: resolve('out/web'),
    emptyOutDir: true,
    target: 'node20',
    reportCompressedSize: false,
    // server.js loads the rest (start.ts) after turning the compile cache on; beside it, so that
    // `../../package.json` from either file is the project's.
    // CommonJS, not ESM: an ESM `import` of a Node built-in builds its namespace by reading every
    // export, and `node:http`'s lazy ones (WebSocket, …) then load Node's bundled undici before the
    // shell can listen: about 100 ms of every start (`require` leaves them lazy). `out/web` gets a
    // package.json saying so, since the project's own says "module".
    rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name].js' } },
  },
  plugins: [
    {
      name: 'commonjs-folder',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' });
      },
    },
  ],
});
