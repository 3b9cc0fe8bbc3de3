// The core runs under plain Node: no file in src/main/core may import electron (or electron-store).
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
});
