// The UpdateSource on electron-updater: a generic feed whose URL and channel come from the update
// rules, downloads only when the flow asks (in the background), installs only when it restarts.
import electronUpdater, { type AppUpdater } from 'electron-updater';

import type { Logger } from '../core/ports';
import type { UpdateSource } from './update-rules';

export function createElectronUpdateSource(
  log: Logger,
  updater: AppUpdater = electronUpdater.autoUpdater,
): UpdateSource {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => log.error(`updater: ${String(message)}`),
  };
  return {
    async check(feed) {
      // electron-updater names the stable feed "latest" (latest.yml, latest-mac.yml, latest-linux.yml).
      updater.setFeedURL({
        provider: 'generic',
        url: feed.url,
        channel: feed.channel === 'stable' ? 'latest' : feed.channel,
      });
      updater.allowPrerelease = feed.channel === 'beta';
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : undefined;
    },
    async download() {
      await updater.downloadUpdate();
    },
    install() {
      updater.quitAndInstall(true, true);
    },
  };
}
