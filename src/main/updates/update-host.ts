// What this installation allows for self-update, read from disk without Electron: the feed the
// build names (resources/app-update.yml, from EVO_UPDATE_URL at build time), and whether the
// package is one IT updates instead (MSI, deb, rpm: never self-updated; NSIS, macOS, AppImage are).
import { existsSync, readFileSync } from 'node:fs';
import { join, win32 } from 'node:path';

/** The feed a build gets without EVO_UPDATE_URL: no server (`.invalid` never resolves), so no checks. */
export const NO_BUILT_IN_FEED = 'https://updates.evovoice.invalid/console';

export interface UpdateHost {
  /** The https feed this build was made with, when it names one. */
  builtInFeed?: string;
  /** The package kind IT updates (self-update off), e.g. "the MSI package". */
  managedBy?: string;
}

/** The generic feed's https URL in app-update.yml text, or undefined (other provider, http, none). */
export function builtInFeedOf(yml: string): string | undefined {
  const field = (name: string) => new RegExp(`^${name}:\\s*['"]?([^'"\\s]+)['"]?\\s*$`, 'm').exec(yml)?.[1];
  const url = field('url');
  if (field('provider') !== 'generic' || !url || !/^https:\/\/[^\s/]+/i.test(url) || url === NO_BUILT_IN_FEED) {
    return undefined;
  }
  return url;
}

export interface HostFacts {
  platform: NodeJS.Platform;
  /** The running executable (process.execPath). */
  execPath: string;
  /** process.resourcesPath; undefined outside Electron. */
  resourcesPath: string | undefined;
  env: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
  read?: (file: string) => string;
}

/**
 * The NSIS uninstaller electron-builder puts beside the executable: "Uninstall ${PRODUCT_FILENAME}.exe"
 * (templates/nsis/common.nsh), where PRODUCT_FILENAME is also the executable's name.
 */
export const nsisUninstaller = (execPath: string) =>
  win32.join(win32.dirname(execPath), `Uninstall ${win32.basename(execPath, '.exe')}.exe`);

export function detectUpdateHost(facts: HostFacts): UpdateHost {
  const exists = facts.exists ?? existsSync;
  const read = facts.read ?? ((file: string) => readFileSync(file, 'utf8'));
  const resource = (name: string) => {
    if (!facts.resourcesPath) return undefined;
    const file = join(facts.resourcesPath, name);
    return exists(file) ? read(file) : undefined;
  };
  const yml = resource('app-update.yml');
  const host: UpdateHost = yml ? { builtInFeed: builtInFeedOf(yml) } : {};
  if (!host.builtInFeed) delete host.builtInFeed;
  if (facts.platform === 'win32') {
    const programFiles = facts.env.ProgramFiles?.toLowerCase();
    if (!exists(nsisUninstaller(facts.execPath))) host.managedBy = 'the MSI package';
    // A per-machine NSIS install (/allusers) would ask a non-admin agent for elevation to update.
    else if (programFiles && facts.execPath.toLowerCase().startsWith(`${programFiles}\\`)) {
      host.managedBy = 'a per-machine installation';
    }
  }
  if (facts.platform === 'linux' && !facts.env.APPIMAGE) {
    // electron-builder writes resources/package-type into deb and rpm packages (FpmTarget).
    const kind = resource('package-type')?.trim();
    if (kind) host.managedBy = `the ${kind} package`;
  }
  return host;
}
