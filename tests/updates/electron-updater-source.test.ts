// The electron-updater glue with a recording updater: the generic feed and channel it is given,
// no automatic download or install, and the answer it turns into "a newer version" or "current".
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));
const { createElectronUpdateSource } = await import('../../src/main/updates/electron-updater-source');

function recordingUpdater(result: unknown) {
  const calls: unknown[][] = [];
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: false,
    logger: null as unknown,
    setFeedURL: (...args: unknown[]) => calls.push(['setFeedURL', ...args]),
    checkForUpdates: async () => (calls.push(['checkForUpdates']), result),
    downloadUpdate: async () => void calls.push(['downloadUpdate']),
    quitAndInstall: (...args: unknown[]) => calls.push(['quitAndInstall', ...args]),
  };
  return { updater, calls };
}
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('electron-updater source', () => {
  it('never downloads or installs on its own', () => {
    const { updater } = recordingUpdater(null);
    createElectronUpdateSource(log, updater as never);
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false });
  });

  it('points the generic provider at the feed, naming the stable channel "latest"', async () => {
    const { updater, calls } = recordingUpdater({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    const source = createElectronUpdateSource(log, updater as never);
    expect(await source.check({ url: 'https://updates.example.com/console', channel: 'stable' })).toBe('0.2.0');
    expect(calls[0]).toEqual([
      'setFeedURL',
      { provider: 'generic', url: 'https://updates.example.com/console', channel: 'latest' },
    ]);
    expect(updater.allowPrerelease).toBe(false);
    await source.check({ url: 'https://updates.example.com/console', channel: 'beta' });
    expect(calls[2]).toEqual([
      'setFeedURL',
      { provider: 'generic', url: 'https://updates.example.com/console', channel: 'beta' },
    ]);
    expect(updater.allowPrerelease).toBe(true);
  });

  it('reports "current" when the feed has nothing newer or the check is skipped', async () => {
    for (const result of [null, { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }]) {
      const { updater } = recordingUpdater(result);
      expect(
        await createElectronUpdateSource(log, updater as never).check({
          url: 'https://u.example.com',
          channel: 'stable',
        }),
      ).toBeUndefined();
    }
  });

  it('downloads when asked and installs silently, relaunching the console', async () => {
    const { updater, calls } = recordingUpdater(null);
    const source = createElectronUpdateSource(log, updater as never);
    await source.download();
    source.install();
    expect(calls).toEqual([['downloadUpdate'], ['quitAndInstall', true, true]]);
  });
});
