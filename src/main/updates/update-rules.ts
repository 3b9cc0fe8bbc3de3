// When and whether the console updates itself, without Electron: the feed from the
// administrator's policy or the build, the channel from the policy or the settings, a check at start and every few hours, a background
// download, and a restart only when no call is live and no console-data edit is unsent (the
// outbox saved first). The updater itself is a port (electron-updater in the app).
import type { RestartAnswer, Settings, UpdateStatus } from '../../shared/ipc';
import type { Clock, Logger } from '../core/ports';
import type { Policy } from '../policy/policy';
import type { UpdateHost } from './update-host';

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export interface FeedConfig {
  url: string;
  channel: Settings['updateChannel'];
}

export type UpdateConfig = { enabled: true; feed: FeedConfig } | { enabled: false; reason: string };

/**
 * The feed comes from the policy (`updateUrl`) or the build (`builtInFeed`), never from the page.
 * Packages IT updates (MSI, deb, rpm) never update themselves.
 */
export function updateConfig(
  settings: Pick<Settings, 'updateChannel'>,
  policy: Policy,
  host: UpdateHost = {},
): UpdateConfig {
  if (policy.updatesAllowed === false)
    return { enabled: false, reason: 'Updates are turned off by your administrator.' };
  if (host.managedBy) {
    return { enabled: false, reason: `Installed with ${host.managedBy}: your IT department installs new versions.` };
  }
  const url = policy.updateUrl ?? host.builtInFeed;
  if (!url) return { enabled: false, reason: 'No update server is set.' };
  return { enabled: true, feed: { url, channel: policy.updateChannel ?? settings.updateChannel } };
}

/** What is in flight that an update restart would lose or cut. */
export interface WorkInFlight {
  liveCalls: number;
  unsentEdits: number;
}

/** Why a restart must wait; undefined when it may go ahead. */
export function restartBlocker(work: WorkInFlight): string | undefined {
  if (work.liveCalls > 0) return 'A call is live. Restart to update once it has ended.';
  if (work.unsentEdits > 0) return 'Console data is still being sent. Restart to update once it is saved.';
  return undefined;
}

/** The updater the flow drives (electron-updater in the app, a feed reader in tests). */
export interface UpdateSource {
  /** The newer version the feed offers, or undefined when this one is current. */
  check(feed: FeedConfig): Promise<string | undefined>;
  download(): Promise<void>;
  /** Quits and installs the downloaded update. */
  install(): void;
}

export type { RestartAnswer, UpdateStatus };

export interface UpdateFlowDeps {
  source: UpdateSource;
  config: () => UpdateConfig;
  work: () => WorkInFlight;
  /** Saves the outbox durably before the app quits to install. */
  persistOutbox: () => Promise<void>;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
  onStatus: (status: UpdateStatus) => void;
  everyMs?: number;
}

export interface UpdateFlow {
  start(): void;
  checkNow(): Promise<UpdateStatus>;
  restart(): Promise<RestartAnswer>;
  status(): UpdateStatus;
  stop(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createUpdateFlow(deps: UpdateFlowDeps): UpdateFlow {
  let status: UpdateStatus = { phase: 'idle' };
  let timer: unknown;
  let running: Promise<UpdateStatus> | undefined;
  const set = (next: UpdateStatus) => {
    status = next;
    deps.onStatus(next);
    return next;
  };

  async function run(): Promise<UpdateStatus> {
    const config = deps.config();
    if (!config.enabled) return set({ phase: 'off', reason: config.reason });
    if (status.phase === 'ready') return status;
    set({ phase: 'checking' });
    try {
      const version = await deps.source.check(config.feed);
      if (!version) return set({ phase: 'idle' });
      deps.log.info('Update available; downloading in the background', { version, channel: config.feed.channel });
      set({ phase: 'downloading', version });
      await deps.source.download();
      deps.log.info('Update downloaded; offering Restart to update', { version });
      return set({ phase: 'ready', version });
    } catch (error) {
      deps.log.warn('Update check failed; the next check retries', { error: describe(error) });
      return set({
        phase: 'failed',
        message: `Could not check for updates (${describe(error)}). The console retries later.`,
      });
    }
  }

  function checkNow(): Promise<UpdateStatus> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule() {
    timer = deps.clock.setTimeout(() => {
      void checkNow().finally(schedule);
    }, deps.everyMs ?? CHECK_EVERY_MS);
  }

  return {
    start() {
      void checkNow();
      schedule();
    },
    checkNow,
    async restart() {
      if (status.phase !== 'ready') return { restarting: false, reason: 'No update has been downloaded yet.' };
      const blocker = restartBlocker(deps.work());
      if (blocker) return { restarting: false, reason: blocker };
      await deps.persistOutbox();
      deps.log.info('Restarting to install the update', { version: status.version });
      deps.source.install();
      return { restarting: true };
    },
    status: () => status,
    stop() {
      deps.clock.clearTimeout(timer);
    },
  };
}
