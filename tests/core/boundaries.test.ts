// The core runs under plain Node: no file in src/main/core may import electron (or electron-store),
// and it imports only itself and src/shared (never the renderer, the shell or the simulator).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/main/core');

describe('src/main/core', () => {
  it('never imports electron', () => {
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(CORE, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"]electron(-store)?['"]|require\(['"]electron/);
    }
  });

  it('imports only its own files, src/shared and node built-ins', () => {
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const text = readFileSync(join(CORE, file), 'utf8');
      const sources = [...text.matchAll(/^(?:import|export)[^'"]*from ['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const source of sources) expect(source, file).toMatch(/^(\.\/|\.\.\/\.\.\/shared\/|node:)/);
    }
  });
});
