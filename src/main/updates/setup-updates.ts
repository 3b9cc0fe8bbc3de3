// Start-up glue for updates: the update flow on the console core (what is in flight, the outbox
// saved by stopping the core), the settings under policy, and a desktop notice when an update is
// ready to install. `start()` checks at once and every few hours.
import type { ConsoleCore } from '../core/console';
import type { Clock, Logger, Notifier } from '../core/ports';
import type { Policy } from '../policy/policy';
import { liveCallCount } from '../tray-menu';
import { detectUpdateHost, type UpdateHost } from './update-host';
import { createUpdateFlow, updateConfig, type UpdateFlow, type UpdateSource, type UpdateStatus } from './update-rules';

const UNSENT = new Set(['saving', 'waiting-for-network', 'conflict', 'failed']);

export interface UpdateSetupDeps {
  core: Pick<ConsoleCore, 'getSettings' | 'getState' | 'getSnapshot' | 'stop'>;
  policy: Policy;
  source: UpdateSource;
  clock: Clock;
  log: Logger;
  notifier: Notifier;
  /** Every status change (the tray shows "Restart to update" while one is ready). */
  onStatus: (status: UpdateStatus) => void;
  /** The installation's feed and package kind; default: read from this process's resources. */
  host?: UpdateHost;
}

export function setupUpdates(deps: UpdateSetupDeps): UpdateFlow {
  const host =
    deps.host ??
    detectUpdateHost({
      platform: process.platform,
      execPath: process.execPath,
      resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
      env: process.env,
    });
  if (host.managedBy) deps.log.info('Self-update off: IT updates this package', { package: host.managedBy });
  const flow = createUpdateFlow({
    source: deps.source,
    config: () => updateConfig(deps.core.getSettings(), deps.policy, host),
    work: () => ({
      liveCalls: liveCallCount(deps.core.getSnapshot().sessions),
      unsentEdits: Object.values(deps.core.getState().consoleData).filter((edit) => UNSENT.has(edit.state)).length,
    }),
    persistOutbox: () => deps.core.stop(),
    clock: deps.clock,
    log: deps.log,
    onStatus: (status) => {
      if (status.phase === 'ready') {
        deps.notifier.show({
          title: `Evo Voice Console ${status.version} is ready`,
          body: 'Choose “Restart to update” in the tray menu when you are between calls.',
        });
      }
      deps.onStatus(status);
    },
  });
  return flow;
}
