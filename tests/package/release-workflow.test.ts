// The CI and release workflows cannot run here (they need a hosted CI with internet): keep them
// valid against GitHub's workflow schema (action-validator) and holding the matrix and steps CI
// and a release need: every push tested on three OSes, every package installed and smoke-tested.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runBin } from '../../scripts/package/node-bin';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOW = join(ROOT, '.github', 'workflows', 'release.yml');
const CI = join(ROOT, '.github', 'workflows', 'ci.yml');
const validate = (file: string) => runBin('@action-validator/cli', [file], { encoding: 'utf8', stdio: 'pipe' });

describe('release workflow', () => {
  it('passes the workflow schema check, as does CI', () => {
    expect(() => validate(WORKFLOW)).not.toThrow();
    expect(() => validate(CI)).not.toThrow();
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

  it('installs each package it builds and starts it in smoke mode before uploading', () => {
    const text = readFileSync(WORKFLOW, 'utf8');
    const smoke = text.indexOf('--smoke-test');
    expect(smoke).toBeGreaterThan(text.indexOf('npm run package -- --release'));
    expect(smoke).toBeLessThan(text.indexOf('actions/upload-artifact'));
    for (const install of ["'/S', '/currentuser'", "'/i'", 'hdiutil attach', 'apt-get install -y ./dist/*.deb']) {
      expect(text).toContain(install);
    }
    // NSIS, MSI, dmg and deb each started once (comment lines not counted).
    expect(text.match(/^ +[^#\s].*--smoke-test/gm)).toHaveLength(4);
  });
});

describe('CI workflow', () => {
  it('lints once and runs the whole suite with real Electron on Windows, macOS and Ubuntu on every push', () => {
    const text = readFileSync(CI, 'utf8');
    expect(text).toMatch(/on:\n {2}push:/);
    expect(text).toContain('os: [windows-latest, macos-latest, ubuntu-latest]');
    expect(text).toMatch(/xvfb-run -a .* npm test/);
    expect(text).toContain('run: npm run lint');
  });

  it('is checked by npm run lint', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toContain('action-validator .github/workflows/ci.yml');
    expect(pkg.scripts.lint).toContain('action-validator .github/workflows/release.yml');
  });
});
