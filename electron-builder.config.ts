// The one packager config (electron-builder): installers for Windows (NSIS per-user or
// per-machine, MSI), macOS (dmg + zip, and a pkg for Jamf; hardened runtime, notarized by env) and
// Linux (deb, rpm, AppImage); the asar holds out/ and production dependencies only; fuses flipped
// after packing. All-users start at login is an install option of NSIS, deb/rpm and the pkg.
import type { Configuration } from 'electron-builder';

import { applyFuses } from './scripts/package/fuses';
import { notarizeMac } from './scripts/package/notarize';
import { packagesNotShipped } from './scripts/package/runtime-deps';
import { APP_ID, PRODUCT_NAME } from './src/main/app-identity';
import { NO_BUILT_IN_FEED } from './src/main/updates/update-host';

/**
 * The update feed built into the packages (resources/app-update.yml): `EVO_UPDATE_URL` at build
 * time, https only. At run time the console uses it when the policy names no `updateUrl`
 * (src/main/updates/update-host.ts); without EVO_UPDATE_URL it is NO_BUILT_IN_FEED, which the
 * console treats as "no update server" (no checks).
 */
export function builtInUpdateUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.EVO_UPDATE_URL?.trim();
  if (!url) return NO_BUILT_IN_FEED;
  if (!/^https:\/\/[^\s/]+/i.test(url)) throw new Error(`EVO_UPDATE_URL must be an https URL, not ${url}`);
  return url;
}
export const DEFAULT_UPDATE_URL = builtInUpdateUrl();

const trayArt = (os: 'win' | 'mac' | 'linux') => ({ from: `resources/tray/${os}`, to: `tray/${os}` });
/** The per-user clean-up command (docs/ADMIN.md, "Uninstalling"), in resources/cleanup. */
const cleanup = (file: string) => ({ from: `build/cleanup/${file}`, to: `cleanup/${file}` });

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  executableName: 'evo-voice-console',
  copyright: 'Copyright © Evo Voice',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built bundles and package.json; production node_modules are added by the packager,
  // dev dependencies never. No source maps, no sources, no tests.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,mts,cts,tsx,svelte}',
    '!**/*.{test,spec}.*',
    '!**/{test,tests,spec,__tests__,.tmp,e2e,bench}/**',
    '!**/{README,CHANGELOG,HISTORY}*',
    // What out/main already contains (zod, conf, electron-store...) and keytar's install-time tools
    // are production dependencies the app never loads: not packed (scripts/package/runtime-deps.ts).
    ...packagesNotShipped().map((name) => `!**/node_modules/${name}/**`),
  ],
  asar: true,
  asarUnpack: ['**/*.node'],
  // The window icon everywhere; each OS gets only its own tray artwork (in win/mac/linux below).
  extraResources: [{ from: 'resources/icons/icon.png', to: 'icons/icon.png' }],
  afterPack: applyFuses,
  afterSign: notarizeMac,
  // No `channel`: electron-builder then takes it from the version (0.3.0-beta.1 writes beta*.yml,
  // 0.3.0 writes latest*.yml). All channels: a stable release is written to the beta feed too, so
  // beta seats move on to it (tests/updates/feed-files.test.ts runs electron-builder's own code).
  publish: { provider: 'generic', url: DEFAULT_UPDATE_URL },
  generateUpdatesFilesForAllChannels: true,
  win: {
    icon: 'resources/icons/icon.ico',
    extraResources: [trayArt('win'), cleanup('remove-user-data.ps1')],
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
  },
  // Assisted installer: the agent installs for themself (no admin), IT installs for all users
  // (/allusers) on shared workstations; /S installs silently; /ALLUSERSAUTOSTART with /allusers
  // starts the console at every user's login (build/installer.nsh).
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: PRODUCT_NAME,
    // Uninstalling (not updating) removes the uninstalling user's app data, and through
    // build/installer.nsh their saved passwords, start-at-login entry and update cache.
    deleteAppDataOnUninstall: true,
    include: 'build/installer.nsh',
  },
  // For software-deployment tools (Intune, SCCM, GPO): per-machine, silent with msiexec /qn.
  msi: { perMachine: true, oneClick: true, createDesktopShortcut: true, shortcutName: PRODUCT_NAME },
  mac: {
    icon: 'resources/icons/icon.icns',
    extraResources: [trayArt('mac'), cleanup('remove-user-data.sh')],
    category: 'public.app-category.business',
    target: [
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
      { target: 'pkg', arch: ['universal'] },
    ],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarized by our afterSign hook, only when the Apple credentials are in the environment.
    notarize: false,
  },
  // For Jamf / MDM: a flat installer package into /Applications, identified by the app id (the
  // .mobileconfig's PayloadType); its postinstall (build/pkg-scripts/postinstall) writes the
  // all-users LaunchAgent when the admin asked for it. Not relocatable: it always replaces
  // /Applications/evo-voice-console.app, never a copy found elsewhere.
  pkg: {
    scripts: 'pkg-scripts',
    installLocation: '/Applications',
    isRelocatable: false,
    allowAnywhere: false,
    allowCurrentUserHome: false,
    allowRootDirectory: false,
  },
  linux: {
    icon: 'resources/icons/icon.png',
    extraResources: [trayArt('linux'), cleanup('remove-user-data.sh')],
    category: 'Office',
    synopsis: 'Softphone console for Evo Voice call-centre agents',
    target: ['deb', 'rpm', 'AppImage'],
    // The desktop file is named after package.json desktopName (io.evovoice.console.desktop), the
    // app id Electron gives Wayland and the portals, so they find the app's entry by it.
    syncDesktopName: true,
  },
  // keytar needs the Secret Service client library.
  // electron-builder's after-install/-remove templates plus the all-users start at login
  // (build/linux/*.sh; deb and rpm both run them).
  deb: {
    afterInstall: 'build/linux/after-install.sh',
    afterRemove: 'build/linux/after-remove.sh',
    depends: [
      'libsecret-1-0',
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
    ],
  },
  rpm: {
    afterInstall: 'build/linux/after-install.sh',
    afterRemove: 'build/linux/after-remove.sh',
    depends: [
      'libsecret',
      'gtk3',
      'libnotify',
      'nss',
      'libXScrnSaver',
      'libXtst',
      'xdg-utils',
      'at-spi2-core',
      'libuuid',
    ],
  },
};

export default config;
