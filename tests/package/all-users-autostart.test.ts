// All-users start at login as an install option: the NSIS switch (HKLM Run, per-machine only,
// removed on uninstall, kept on update), the deb/rpm after-install/-remove scripts (electron-builder's
// own templates kept verbatim, plus an /etc/xdg/autostart entry on request, run here in a temp
// root) and the pkg's postinstall (a LaunchAgent, run here too); and the app's side: it sees the
// machine's entry, shows start at login as set by the administrator and never starts twice.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'plist';
import { describe, expect, it } from 'vitest';

import config from '../../electron-builder.config';
import { APP_ID } from '../../src/main/app-identity';
import { AUTOSTART_FILE, autostartPath, setLinuxAutostart } from '../../src/main/autostart';
import {
  LINUX_MACHINE_AUTOSTART,
  MAC_LAUNCH_AGENT,
  machineStartsAtLogin,
  userEntryFor,
  WINDOWS_MACHINE_RUN_KEY,
} from '../../src/main/machine-autostart';
import { setupPolicy } from '../../src/main/policy/setup-policy';

const ROOT = join(import.meta.dirname, '..', '..');
const TEMPLATES = join(ROOT, 'node_modules', 'app-builder-lib', 'templates', 'linux');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

/** The script as electron-builder writes it into the package: its ${macros} filled in. */
const rendered = (path: string) =>
  read(path).replace(/\${([a-zA-Z]+)}/g, (_, name: string) => {
    const macros: Record<string, string> = {
      executable: 'evo-voice-console',
      sanitizedProductName: 'Evo Voice Console',
    };
    if (!(name in macros)) throw new Error(`Macro ${name} is not defined`);
    return macros[name]!;
  });
/** Our block of a script, with its absolute paths moved under `root`. */
const ourBlock = (script: string, root: string) =>
  script
    .slice(script.indexOf('# >>> Evo Voice Console'))
    .replaceAll('=/etc/', `=${root}/etc/`)
    .replaceAll('=/Library/', `=${root}/Library/`)
    .replaceAll('="/Library/', `="${root}/Library/`);

describe('NSIS: /ALLUSERSAUTOSTART', () => {
  const nsh = read('build/installer.nsh');
  const install = nsh.slice(nsh.indexOf('!macro customInstall'), nsh.indexOf('!macroend'));
  const uninstall = nsh.slice(nsh.indexOf('!macro customUnInstall'));

  it('writes the HKLM Run value for the installed exe, on a per-machine install only', () => {
    expect(config.nsis?.include).toBe('build/installer.nsh');
    expect(install).toContain('${GetOptions} $R0 "/ALLUSERSAUTOSTART" $R1');
    expect(install).toMatch(/\$\{if\} \$installMode == "all"\s+WriteRegStr HKLM/);
    expect(install).toContain(
      `WriteRegStr HKLM "${WINDOWS_MACHINE_RUN_KEY.replace(/^HKLM\\/, '')}" "${APP_ID}" '"$appExe"'`,
    );
  });

  it('removes it on a per-machine uninstall, not on an update', () => {
    expect(uninstall).toMatch(
      new RegExp(
        String.raw`\$\{ifNot\} \$\{isUpdated\}\s+\$\{if\} \$installMode == "all"\s+DeleteRegValue HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "${APP_ID}"`,
      ),
    );
  });
});

describe('deb/rpm: /etc/xdg/autostart on request', () => {
  it('both packages run our scripts, which begin with electron-builder’s own templates, verbatim', () => {
    for (const target of [config.deb, config.rpm]) {
      expect(target).toMatchObject({
        afterInstall: 'build/linux/after-install.sh',
        afterRemove: 'build/linux/after-remove.sh',
      });
    }
    expect(
      read('build/linux/after-install.sh').startsWith(readFileSync(join(TEMPLATES, 'after-install.tpl'), 'utf8')),
    ).toBe(true);
    expect(
      read('build/linux/after-remove.sh').startsWith(readFileSync(join(TEMPLATES, 'after-remove.tpl'), 'utf8')),
    ).toBe(true);
  });

  it('are valid bash once rendered; our part passes shellcheck', () => {
    for (const path of ['build/linux/after-install.sh', 'build/linux/after-remove.sh']) {
      const script = rendered(path);
      expect(spawnSync('bash', ['-n'], { input: script }).status, path).toBe(0);
      if (hasShellcheck) {
        const check = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: ourBlock(script, ''), encoding: 'utf8' });
        expect(check.stdout, path).toBe('');
      }
    }
  });

  it('installs the entry when the marker exists, under the name the agent’s own entry overrides', () => {
    expect(LINUX_MACHINE_AUTOSTART).toBe(`/etc/xdg/autostart/${AUTOSTART_FILE}`);
    const root = mkdtempSync(join(tmpdir(), 'evo-postinst-'));
    mkdirSync(join(root, 'etc', 'evo-voice-console'), { recursive: true });
    writeFileSync(join(root, 'etc', 'evo-voice-console', 'all-users-autostart'), '');
    execFileSync('bash', ['-c', ourBlock(rendered('build/linux/after-install.sh'), root), 'postinst', 'configure']);
    const entry = join(root, LINUX_MACHINE_AUTOSTART);
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/Evo Voice Console/evo-voice-console"');
    expect(statSync(entry).mode & 0o777).toBe(0o644);

    // Upgrade: kept. Removal: gone.
    execFileSync('bash', ['-c', ourBlock(rendered('build/linux/after-remove.sh'), root), 'postrm', 'upgrade']);
    execFileSync('bash', ['-c', ourBlock(rendered('build/linux/after-remove.sh'), root), 'postun', '1']);
    expect(existsSync(entry)).toBe(true);
    execFileSync('bash', ['-c', ourBlock(rendered('build/linux/after-remove.sh'), root), 'postrm', 'remove']);
    expect(existsSync(entry)).toBe(false);
  });

  it('without the marker removes only an entry it wrote, never the admin’s own', () => {
    const root = mkdtempSync(join(tmpdir(), 'evo-postinst-'));
    const entry = join(root, LINUX_MACHINE_AUTOSTART);
    mkdirSync(join(root, 'etc', 'xdg', 'autostart'), { recursive: true });
    writeFileSync(entry, '[Desktop Entry]\nExec=evo-voice-console\n');
    const run = () =>
      execFileSync('bash', ['-c', ourBlock(rendered('build/linux/after-install.sh'), root), 'postinst', 'configure']);
    run();
    expect(existsSync(entry)).toBe(true);
    writeFileSync(entry, '[Desktop Entry]\nX-Evo-Voice-Console-All-Users=true\n');
    run();
    expect(existsSync(entry)).toBe(false);
  });
});

describe('pkg: a LaunchAgent on request', () => {
  const script = () => read('build/pkg-scripts/postinstall');

  it('is an executable sh script that passes sh -n and shellcheck', () => {
    expect(statSync(join(ROOT, 'build/pkg-scripts/postinstall')).mode & 0o111).toBe(0o111);
    expect(spawnSync('sh', ['-n', join(ROOT, 'build/pkg-scripts/postinstall')]).status).toBe(0);
    if (hasShellcheck) {
      expect(spawnSync('shellcheck', [join(ROOT, 'build/pkg-scripts/postinstall')], { encoding: 'utf8' }).stdout).toBe(
        '',
      );
    }
  });

  it('writes the LaunchAgent for the installed app when the marker exists, and removes only its own without', () => {
    const root = mkdtempSync(join(tmpdir(), 'evo-pkg-'));
    const body = script()
      .replace('EVO_MARKER="/Library/', `EVO_MARKER="${root}/Library/`)
      .replace('EVO_AGENT=/Library/', `EVO_AGENT=${root}/Library/`);
    mkdirSync(join(root, 'Library', 'Application Support', APP_ID), { recursive: true });
    const marker = join(root, 'Library', 'Application Support', APP_ID, 'all-users-autostart');
    writeFileSync(marker, '');
    execFileSync('sh', ['-c', body, 'postinstall', '/tmp/pkg', '/Applications', '/', '/']);
    const agent = join(root, MAC_LAUNCH_AGENT);
    const plist = parse(readFileSync(agent, 'utf8')) as Record<string, unknown>;
    expect(plist).toMatchObject({
      Label: APP_ID,
      ProgramArguments: ['/Applications/evo-voice-console.app/Contents/MacOS/evo-voice-console'],
      RunAtLoad: true,
      LimitLoadToSessionType: 'Aqua',
    });
    execFileSync('rm', [marker]);
    execFileSync('sh', ['-c', body, 'postinstall', '/tmp/pkg', '/Applications', '/', '/']);
    expect(existsSync(agent)).toBe(false);
  });
});

describe('the app with an all-users start at login', () => {
  it('finds the machine’s entry on each OS', () => {
    const at = (path: string) => (p: string) => p === path;
    expect(machineStartsAtLogin('linux', { exists: at(LINUX_MACHINE_AUTOSTART) })).toBe(true);
    expect(machineStartsAtLogin('linux', { exists: () => false })).toBe(false);
    expect(machineStartsAtLogin('darwin', { exists: at(MAC_LAUNCH_AGENT) })).toBe(true);
    const calls: string[][] = [];
    const reg = (status: number) => (args: string[]) => {
      calls.push(args);
      return { status, stdout: '', stderr: '' };
    };
    expect(machineStartsAtLogin('win32', { reg: reg(0) })).toBe(true);
    expect(machineStartsAtLogin('win32', { reg: reg(1) })).toBe(false);
    expect(calls[0]).toEqual(['query', WINDOWS_MACHINE_RUN_KEY, '/v', APP_ID, '/reg:64']);
    // Written by the 32-bit installer into the 32-bit view only: still found.
    const only32 = (args: string[]) => ({ status: args.includes('/reg:32') ? 0 : 1, stdout: '', stderr: '' });
    expect(machineStartsAtLogin('win32', { reg: only32 })).toBe(true);
  });

  it('never keeps a second entry: the agent’s own gives way to the machine’s, or hides it when policy says off', () => {
    expect(userEntryFor(true, false)).toBe('on');
    expect(userEntryFor(false, false)).toBe('off');
    expect(userEntryFor(true, true)).toBe('off');
    expect(userEntryFor(false, true)).toBe('hide');
  });

  it('hides the machine’s Linux entry for this user with a Hidden=true entry of the same name', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'evo-autostart-'));
    await setLinuxAutostart('hide', { configHome, command: ['/opt/x'] });
    expect(autostartPath(configHome).endsWith(AUTOSTART_FILE)).toBe(true);
    expect(readFileSync(autostartPath(configHome), 'utf8')).toMatch(/^Hidden=true$/m);
  });

  it('shows start at login as set by the administrator; a startAtLogin policy still decides', () => {
    const app = { disableHardwareAcceleration: () => undefined };
    const none = () => ({ sources: [], unreadable: [], absent: ['x'] });
    const machine = setupPolicy({ app, platform: 'linux', appId: APP_ID, read: none, machineStartsAtLogin: true });
    expect(machine.policy.startAtLogin).toBe(true);
    const off = setupPolicy({
      app,
      platform: 'linux',
      appId: APP_ID,
      read: () => ({ sources: [{ origin: 'p', values: { startAtLogin: false } }], unreadable: [], absent: [] }),
      machineStartsAtLogin: true,
    });
    expect(off.policy.startAtLogin).toBe(false);
    expect(setupPolicy({ app, platform: 'linux', appId: APP_ID, read: none }).policy.startAtLogin).toBeUndefined();
  });
});
