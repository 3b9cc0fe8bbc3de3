// Checks the renderer is built before any spec starts: the suite never builds it itself.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function globalSetup(): void {
  const page = resolve('out/renderer/index.html');
  if (!existsSync(page)) {
    throw new Error(
      `${page} is missing: run \`npx electron-vite build\` (or \`npm run build\`) before \`npx playwright test\`.`,
    );
  }
}
