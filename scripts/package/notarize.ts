// The afterSign hook for macOS: notarizes the signed .app with Apple when the release machine
// provides the credentials in the environment; without them it says so and does nothing.
import { join } from 'node:path';

import { notarize } from '@electron/notarize';
import type { AfterPackContext } from 'electron-builder';

export const NOTARIZE_ENV = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;

/** The credentials when all are set; undefined otherwise. */
export function notarizeCredentials(env: NodeJS.ProcessEnv) {
  const [appleId, appleIdPassword, teamId] = NOTARIZE_ENV.map((name) => env[name]);
  return appleId && appleIdPassword && teamId ? { appleId, appleIdPassword, teamId } : undefined;
}

export async function notarizeMac(context: AfterPackContext, env = process.env): Promise<void> {
  if (context.electronPlatformName !== 'darwin') return;
  const credentials = notarizeCredentials(env);
  if (!credentials) {
    console.log(`notarize: skipped: set ${NOTARIZE_ENV.join(', ')} to notarize the macOS build`);
    return;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  await notarize({ appPath, ...credentials });
  console.log(`notarize: ${appPath} notarized`);
}
