// Checks the renderer and the web shell are built before any spec starts: the suite never builds them itself.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { WEB_SHELL_SCRIPT } from '../tests/support/ready-process';

export default function globalSetup(): void {
  for (const built of ['out/renderer/index.html', WEB_SHELL_SCRIPT]) {
    const path = resolve(built);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before \`npx playwright test\`.`);
  }
}
