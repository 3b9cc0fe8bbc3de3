// Start at login on Linux points at what was installed: the AppImage file only while running from
// inside it, else the installed executable (the .deb agents on Ubuntu 24.04 install), with spaces
// in /opt/Evo Voice Console quoted as the Desktop Entry spec asks.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { autostartPath, setLinuxAutostart, startAtLoginProgram } from '../../src/main/autostart';

const DEB_EXEC = '/opt/Evo Voice Console/evo-voice-console';

describe('start at login target', () => {
  it('is the AppImage file while the app runs from inside its mount', () => {
    const env = { APPIMAGE: '/home/agent/Apps/Evo-Voice-Console.AppImage', APPDIR: '/tmp/.mount_EvoVoXyz' };
    expect(startAtLoginProgram(env, '/tmp/.mount_EvoVoXyz/evo-voice-console')).toBe(env.APPIMAGE);
  });

  it('is the installed executable when $APPIMAGE is inherited or stale', () => {
    const leaked = { APPIMAGE: '/home/agent/Apps/Evo-Voice-Console.AppImage', APPDIR: '/tmp/.mount_Other' };
    expect(startAtLoginProgram(leaked, DEB_EXEC)).toBe(DEB_EXEC);
    expect(startAtLoginProgram({ APPIMAGE: leaked.APPIMAGE }, DEB_EXEC)).toBe(DEB_EXEC);
    expect(startAtLoginProgram({}, DEB_EXEC)).toBe(DEB_EXEC);
  });

  it('removes the entry older versions wrote under the package name, so the console never starts twice', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'evo-autostart-'));
    const legacy = join(configHome, 'autostart', 'evo-voice-console.desktop');
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, '[Desktop Entry]\nExec=evo-voice-console\n');
    await setLinuxAutostart('on', { configHome, command: [DEB_EXEC] });
    expect(existsSync(legacy)).toBe(false);
    expect(autostartPath(configHome)).toBe(join(configHome, 'autostart', 'io.evovoice.console.desktop'));
    writeFileSync(legacy, '[Desktop Entry]\n');
    await setLinuxAutostart('off', { configHome, command: [] });
    expect(existsSync(legacy)).toBe(false);
  });

  it('writes an entry that runs the deb’s executable', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'evo-autostart-'));
    const program = startAtLoginProgram({ APPIMAGE: '/old/Evo.AppImage' }, DEB_EXEC);
    await setLinuxAutostart('on', { configHome, command: [program] });
    expect(readFileSync(autostartPath(configHome), 'utf8')).toContain(
      'Exec="/opt/Evo Voice Console/evo-voice-console"',
    );
  });
});
