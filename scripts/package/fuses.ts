// The Electron fuses every packaged console ships with, and the afterPack hook that flips them in
// the packed binary (skipped, with one line saying so, on the placeholder runtime).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { type FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

/** A file the placeholder runtime folder carries, so every later step can tell it is not Electron. */
export const PLACEHOLDER_MARKER = 'PLACEHOLDER-RUNTIME-NOT-ELECTRON.txt';

export const FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // No `ELECTRON_RUN_AS_NODE`, no NODE_OPTIONS, no --inspect: the binary cannot be borrowed as Node.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the signed app.asar, checked against its embedded hash (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The page is served from app://, so file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
};

export async function applyFuses(context: AfterPackContext): Promise<void> {
  if (existsSync(join(context.appOutDir, PLACEHOLDER_MARKER))) {
    console.log('fuses: NOT applied: this build uses the placeholder runtime, which has no fuse wire to flip');
    return;
  }
  const flipped = await context.packager.addElectronFuses(context, FUSES);
  console.log(`fuses: ${flipped} fuse(s) flipped in the packed Electron binary`);
}
