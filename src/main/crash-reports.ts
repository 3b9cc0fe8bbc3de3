// Crash reports: Electron's crashReporter always writes minidumps locally (the app's
// "Crashpad" folder); they are uploaded only when the administrator's policy names a URL.
import type { CrashReporter } from 'electron';

import type { Policy } from './policy/policy';

export interface CrashReportSetup {
  uploading: boolean;
}

export function setupCrashReports(
  crashReporter: Pick<CrashReporter, 'start'>,
  policy: Pick<Policy, 'crashReportUrl'>,
  productName: string,
): CrashReportSetup {
  const url = policy.crashReportUrl;
  crashReporter.start({
    productName,
    submitURL: url ?? '',
    uploadToServer: url !== undefined,
    compress: true,
  });
  return { uploading: url !== undefined };
}
