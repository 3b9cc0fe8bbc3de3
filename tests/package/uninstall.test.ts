// Uninstall leaves nothing the admin did not ask to keep: the per-user clean-up command (run by
// the NSIS uninstaller on Windows, documented for shared seats) removes the agent's data folders,
// start-at-login entry and the passwords keytar saved, and nothing else in the keychain. The
// Linux script runs here for real against a Secret Service (scripts/test.sh's with_keyring).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type * as KeytarModule from 'keytar';
import { describe, expect, it } from 'vitest';

import config from '../../electron-builder.config';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'build', 'cleanup', 'remove-user-data.sh');

type Keytar = typeof KeytarModule;
/** keytar when a Secret Service answers (with_keyring), else undefined. */
async function keychain(): Promise<Keytar | undefined> {
  if (process.platform !== 'linux' || !process.env.DBUS_SESSION_BUS_ADDRESS) return undefined;
  try {
    const keytar = createRequire(import.meta.url)('keytar') as Keytar;
    await keytar.findCredentials('evo-probe');
    return keytar;
  } catch {
    return undefined;
  }
}
const keytar = await keychain();

describe('per-user clean-up (Linux)', () => {
  it('removes the data folders and the autostart entry, and keeps other apps’ files', () => {
    const home = mkdtempSync(join(tmpdir(), 'evo-cleanup-'));
    const config = join(home, '.config');
    for (const dir of ['Evo Voice Console/logs', 'evo-voice-console', 'autostart', 'other-app']) {
      mkdirSync(join(config, dir), { recursive: true });
    }
    writeFileSync(join(config, 'Evo Voice Console', 'records.json'), '{}');
    writeFileSync(join(config, 'autostart', 'evo-voice-console.desktop'), '[Desktop Entry]\n');
    writeFileSync(join(config, 'autostart', 'io.evovoice.console.desktop'), '[Desktop Entry]\n');
    writeFileSync(join(config, 'autostart', 'other.desktop'), '[Desktop Entry]\n');
    const env = { PATH: '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(home, '.cache') };
    execFileSync('/bin/sh', [SCRIPT], { env, encoding: 'utf8' });
    expect(existsSync(join(config, 'Evo Voice Console'))).toBe(false);
    expect(existsSync(join(config, 'evo-voice-console'))).toBe(false);
    expect(existsSync(join(config, 'autostart', 'evo-voice-console.desktop'))).toBe(false);
    expect(existsSync(join(config, 'autostart', 'io.evovoice.console.desktop'))).toBe(false);
    expect(existsSync(join(config, 'autostart', 'other.desktop'))).toBe(true);
    expect(existsSync(join(config, 'other-app'))).toBe(true);
  });

  it.skipIf(!keytar)('removes every password keytar saved for the console, and no other secret', async () => {
    await keytar!.setPassword('evo-voice-console:https://voice.example.com', 'agent1', 'pw-one');
    await keytar!.setPassword('evo-voice-console:https://other.example.com', 'agent2', 'pw-two');
    await keytar!.setPassword('some-other-app', 'agent1', 'keep-me');
    execFileSync('/bin/sh', [SCRIPT], { env: process.env, encoding: 'utf8' });
    expect(await keytar!.findCredentials('evo-voice-console:https://voice.example.com')).toEqual([]);
    expect(await keytar!.findCredentials('evo-voice-console:https://other.example.com')).toEqual([]);
    expect(await keytar!.getPassword('some-other-app', 'agent1')).toBe('keep-me');
    await keytar!.deletePassword('some-other-app', 'agent1');
  });
});

describe('uninstallers', () => {
  it('NSIS removes app data on uninstall (not on update) and runs the clean-up for the uninstalling user', () => {
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: true, include: 'build/installer.nsh' });
    const nsh = readFileSync(join(ROOT, 'build', 'installer.nsh'), 'utf8');
    expect(nsh).toMatch(/!macro customUnInstall\s+\$\{ifNot\} \$\{isUpdated\}/);
    expect(nsh).toContain('$INSTDIR\\resources\\cleanup\\remove-user-data.ps1');
    expect(config.win?.extraResources).toContainEqual({
      from: 'build/cleanup/remove-user-data.ps1',
      to: 'cleanup/remove-user-data.ps1',
    });
  });

  it('the Windows clean-up deletes the keytar credentials, the Run entry and the data folders', () => {
    const ps1 = readFileSync(join(ROOT, 'build', 'cleanup', 'remove-user-data.ps1'), 'utf8');
    expect(ps1).toContain("CredEnumerate('evo-voice-console:*'");
    expect(ps1).toContain("-Name 'io.evovoice.console'");
    expect(ps1).toContain('$env:APPDATA\\Evo Voice Console');
  });
});
