// The packager config and the fuses as IT and security review rely on them: one app id shared with
// the main process, every installer target, natives unpacked, and each fuse set as the issue asks.
import { readFileSync, statSync } from 'node:fs';

import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';

import config, { builtInUpdateUrl } from '../../electron-builder.config';
import { FUSES } from '../../scripts/package/fuses';
import { notarizeCredentials } from '../../scripts/package/notarize';
import { APP_ID, DESKTOP_NAME, PRODUCT_NAME } from '../../src/main/app-identity';
import { NO_BUILT_IN_FEED } from '../../src/main/updates/update-host';

const targetsOf = (targets: unknown) =>
  (targets as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder config', () => {
  it('uses the app id the main process gives Windows (AppUserModelID) and the product name', () => {
    expect(config.appId).toBe(APP_ID);
    expect(APP_ID).toBe('io.evovoice.console');
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.extraMetadata?.version).toBeUndefined();
  });

  it('gives Electron the product name (app.getName(): the macOS app menu, the data folder)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });

  it('names the Linux desktop entry as the main process expects (launcher badge: desktopName)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { desktopName?: string };
    expect(pkg.desktopName).toBe(DESKTOP_NAME);
  });

  it('gives Linux a reverse-DNS app id (GNOME’s portals refuse others) and installs the desktop file under it', () => {
    // g_application_id_is_valid: two or more dot-separated elements of [A-Za-z0-9_-], none starting with a digit.
    const id = DESKTOP_NAME.replace(/\.desktop$/, '');
    expect(id).toMatch(/^[A-Za-z_-][\w-]*(\.[A-Za-z_-][\w-]*)+$/);
    expect(id).toBe(APP_ID);
    // electron-builder's own naming of /usr/share/applications/<name>.desktop for deb and rpm.
    const helper = new LinuxTargetHelper({
      platformSpecificBuildOptions: config.linux,
      info: { metadata: { desktopName: DESKTOP_NAME } },
      executableName: config.executableName,
    } as unknown as ConstructorParameters<typeof LinuxTargetHelper>[0]);
    expect(helper.getDesktopFileName()).toBe(APP_ID);
  });

  it('builds NSIS (per-user, or per-machine with /allusers) and MSI (per-machine) on Windows', () => {
    expect(targetsOf(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('builds a hardened, entitled dmg, zip and pkg on macOS', () => {
    expect(targetsOf(config.mac?.target)).toEqual(['dmg', 'zip', 'pkg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(typeof config.afterSign).toBe('function');
  });

  it('builds a pkg for Jamf: identified by the app id the .mobileconfig manages, into /Applications only, with its postinstall', () => {
    // electron-builder's pkgbuild --identifier is the appId; the profile's PayloadType must be the same domain.
    const profile = parse(readFileSync(`build/policy/${APP_ID}.mobileconfig`, 'utf8')) as {
      PayloadContent: { PayloadType: string }[];
    };
    expect(profile.PayloadContent[0]!.PayloadType).toBe(config.appId);
    expect(config.mac?.extendInfo?.CFBundleIdentifier ?? config.appId).toBe(APP_ID);
    expect(config.pkg).toMatchObject({
      scripts: 'pkg-scripts',
      installLocation: '/Applications',
      isRelocatable: false,
      allowCurrentUserHome: false,
    });
    const postinstall = `${config.directories?.buildResources}/${config.pkg?.scripts}/postinstall`;
    expect(statSync(postinstall).mode & 0o111).toBe(0o111);
    expect(readFileSync(postinstall, 'utf8')).toMatch(/^#!\/bin\/sh\n/);
  });

  it('builds deb (with libsecret), rpm and AppImage on Linux', () => {
    expect(config.linux?.target).toEqual(['deb', 'rpm', 'AppImage']);
    expect(config.deb?.depends).toContain('libsecret-1-0');
    expect(config.rpm?.depends).toContain('libsecret');
  });

  it('packs only out/ into the asar, unpacks native modules and ships each OS only its own tray icons', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect((config.files as string[]).filter((f) => !f.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
    expect(config.files).toContain('!**/*.map');
    expect(config.extraResources).toEqual([{ from: 'resources/icons/icon.png', to: 'icons/icon.png' }]);
    for (const [os, key, script] of [
      ['win', 'win', 'remove-user-data.ps1'],
      ['mac', 'mac', 'remove-user-data.sh'],
      ['linux', 'linux', 'remove-user-data.sh'],
    ] as const) {
      expect(config[key]?.extraResources).toEqual([
        { from: `resources/tray/${os}`, to: `tray/${os}` },
        { from: `build/cleanup/${script}`, to: `cleanup/${script}` },
      ]);
    }
  });

  it('serves updates from a generic feed, built in from EVO_UPDATE_URL (https only) or none', () => {
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(builtInUpdateUrl({})).toBe(NO_BUILT_IN_FEED);
    expect(builtInUpdateUrl({ EVO_UPDATE_URL: 'https://updates.example.com/console' })).toBe(
      'https://updates.example.com/console',
    );
    expect(() => builtInUpdateUrl({ EVO_UPDATE_URL: 'http://updates.example.com/console' })).toThrow(/https/);
  });
});

describe('fuses', () => {
  it('turns off Node entry points and file:// privileges, turns on asar-only loading and cookie encryption', () => {
    expect(FUSES).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('names every fuse this @electron/fuses knows (strictlyRequireAllFuses would refuse otherwise)', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of known) expect(FUSES).toHaveProperty(String(fuse));
  });
});

describe('notarization hook', () => {
  it('notarizes only when all three Apple credentials are in the environment', () => {
    expect(notarizeCredentials({})).toBeUndefined();
    expect(notarizeCredentials({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p' })).toBeUndefined();
    expect(notarizeCredentials({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' })).toEqual({
      appleId: 'a',
      appleIdPassword: 'p',
      teamId: 't',
    });
  });
});
