// Who controls the update feed: only the administrator (policy, https only) or the build
// (app-update.yml from EVO_UPDATE_URL), never the page; and which installs update themselves
// (NSIS per-user, macOS, AppImage) and which IT updates (MSI, per-machine NSIS, deb, rpm).
import { describe, expect, it } from 'vitest';

import { parseSettingsPatch } from '../../src/main/core/settings-patch';
import { checkPolicy } from '../../src/main/policy/policy';
import { builtInFeedOf, detectUpdateHost, NO_BUILT_IN_FEED, nsisUninstaller } from '../../src/main/updates/update-host';
import { updateConfig } from '../../src/main/updates/update-rules';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';

const yml = (url: string, provider = 'generic') =>
  `provider: ${provider}\nurl: ${url}\nupdaterCacheDirName: evo-voice-console-updater\n`;

describe('the update feed', () => {
  it('cannot be set by the page: a settings patch naming updateUrl is refused', () => {
    for (const updateUrl of ['file:///etc/passwd', 'http://evil.example.com/', 'https://evil.example.com/']) {
      expect(() => parseSettingsPatch({ updateUrl })).toThrow(/Settings not saved/);
    }
    expect(DEFAULT_SETTINGS).not.toHaveProperty('updateUrl');
  });

  it('is https only in policy, and so is the crash report address', () => {
    const checked = checkPolicy([
      {
        origin: 'test',
        values: { updateUrl: 'http://updates.example.com/', crashReportUrl: 'http://crash.example.com/' },
      },
    ]);
    expect(checked.problems.map((p) => [p.key, p.problem])).toEqual([
      ['updateUrl', 'must be an https URL'],
      ['crashReportUrl', 'must be an https URL'],
    ]);
    // A feed that cannot be used turns updates off instead of falling back to another one.
    expect(checked.policy).toEqual({ updatesAllowed: false });
  });

  it('comes from the build when the policy names none; the policy wins over it', () => {
    const host = { builtInFeed: 'https://updates.example.com/console' };
    expect(updateConfig(DEFAULT_SETTINGS, {}, host)).toEqual({
      enabled: true,
      feed: { url: 'https://updates.example.com/console', channel: 'stable' },
    });
    expect(updateConfig(DEFAULT_SETTINGS, { updateUrl: 'https://it.example.com/feed' }, host)).toMatchObject({
      feed: { url: 'https://it.example.com/feed' },
    });
  });

  it('reads the build’s feed from app-update.yml only when it is a real https server', () => {
    expect(builtInFeedOf(yml('https://updates.example.com/console'))).toBe('https://updates.example.com/console');
    expect(builtInFeedOf(yml(NO_BUILT_IN_FEED))).toBeUndefined();
    expect(builtInFeedOf(yml('http://updates.example.com/console'))).toBeUndefined();
    expect(builtInFeedOf(yml('https://updates.example.com/console', 'github'))).toBeUndefined();
  });
});

describe('which installs update themselves', () => {
  const files = (present: Record<string, string>) => ({
    exists: (file: string) => file in present,
    read: (file: string) => present[file]!,
  });

  it('MSI: never (no NSIS uninstaller beside the executable), per-user NSIS: yes', () => {
    const execPath = 'C:\\Users\\agent\\AppData\\Local\\Programs\\evo-voice-console\\evo-voice-console.exe';
    expect(nsisUninstaller(execPath)).toBe(
      'C:\\Users\\agent\\AppData\\Local\\Programs\\evo-voice-console\\Uninstall evo-voice-console.exe',
    );
    const env = { ProgramFiles: 'C:\\Program Files' };
    const msi = detectUpdateHost({ platform: 'win32', execPath, resourcesPath: undefined, env, ...files({}) });
    expect(msi.managedBy).toBe('the MSI package');
    expect(updateConfig(DEFAULT_SETTINGS, { updateUrl: 'https://it.example.com/feed' }, msi)).toEqual({
      enabled: false,
      reason: 'Installed with the MSI package: your IT department installs new versions.',
    });
    const nsis = detectUpdateHost({
      platform: 'win32',
      execPath,
      resourcesPath: undefined,
      env,
      ...files({ [nsisUninstaller(execPath)]: '' }),
    });
    expect(nsis).toEqual({});
  });

  it('per-machine NSIS (Program Files): never, a non-admin agent cannot elevate', () => {
    const execPath = 'C:\\Program Files\\Evo Voice Console\\evo-voice-console.exe';
    const host = detectUpdateHost({
      platform: 'win32',
      execPath,
      resourcesPath: undefined,
      env: { ProgramFiles: 'C:\\Program Files' },
      ...files({ [nsisUninstaller(execPath)]: '' }),
    });
    expect(host.managedBy).toBe('a per-machine installation');
  });

  it('deb and rpm: never (package-type in resources); AppImage: yes, with the built-in feed', () => {
    const resourcesPath = '/opt/Evo Voice Console/resources';
    const present = {
      [`${resourcesPath}/package-type`]: 'deb\n',
      [`${resourcesPath}/app-update.yml`]: yml('https://updates.example.com/console'),
    };
    const deb = detectUpdateHost({ platform: 'linux', execPath: '/opt/x', resourcesPath, env: {}, ...files(present) });
    expect(deb).toEqual({ builtInFeed: 'https://updates.example.com/console', managedBy: 'the deb package' });
    const appImage = detectUpdateHost({
      platform: 'linux',
      execPath: '/tmp/.mount_x/evo-voice-console',
      resourcesPath,
      env: { APPIMAGE: '/home/agent/Evo.AppImage' },
      ...files(present),
    });
    expect(appImage).toEqual({ builtInFeed: 'https://updates.example.com/console' });
  });
});
