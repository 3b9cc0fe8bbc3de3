// The release workflow cannot run here (it needs a hosted CI with internet): keep it valid against
// GitHub's workflow schema (action-validator) and holding the matrix and steps a release needs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runBin } from '../../scripts/package/node-bin';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOW = join(ROOT, '.github', 'workflows', 'release.yml');
const validate = (file: string) => runBin('@action-validator/cli', [file], { encoding: 'utf8', stdio: 'pipe' });

describe('release workflow', () => {
  it('passes the workflow schema check', () => {
    expect(() => validate(WORKFLOW)).not.toThrow();
  });

  it('is checked for real: a misspelt key fails the same check', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'evo-workflow-')), 'release.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('runs-on:', 'run-on:'));
    expect(() => validate(broken)).toThrow();
  });

  it('tests with real Electron on Windows, macOS and Ubuntu (Xvfb), then uploads the installers', () => {
    const text = readFileSync(WORKFLOW, 'utf8');
    expect(text).toContain('os: [windows-latest, macos-latest, ubuntu-latest]');
    expect(text).toMatch(/xvfb-run -a .* npm test/);
    expect(text).toContain('npm run package -- --release');
    expect(text).toContain('actions/upload-artifact');
  });
});
