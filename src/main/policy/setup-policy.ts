// Start-up glue for the administrator policy: read it before the app is ready (GPU acceleration
// can only be turned off then), keep its log lines until the file log exists, and hand the shell
// what each part needs (the settings overlay, the demo switch, the server lock, the notice).
import type { StartNotice } from '../../shared/ipc';
import type { Logger, SettingsStore } from '../core/ports';
import type { Policy } from './policy';
import { readPolicy, type ReadPolicyOptions } from './read-policy';
import { checkServerAllowed } from './server-lock';
import { type GovernedSettings, withPolicy } from './settings-overlay';

export interface PolicySetup {
  readonly policy: Policy;
  /** Writes the lines reading the policy produced into the real log (once it exists). */
  flushLog(log: Logger): void;
  /** The agent's settings with the policy (enforced and recommended) over them. */
  govern<S extends SettingsStore>(store: S): S & GovernedSettings;
  demoAllowed: boolean;
  checkServer(serverUrl: string): void;
  notices(): StartNotice[];
}

export interface PolicySetupOptions extends Omit<ReadPolicyOptions, 'log'> {
  app: { disableHardwareAcceleration(): void };
  /** An installer set the console to start at login for every user (machine-autostart.ts). */
  machineStartsAtLogin?: boolean;
}

export function setupPolicy(options: PolicySetupOptions): PolicySetup {
  const pending: [keyof Logger, string, Record<string, unknown> | undefined][] = [];
  const buffer = {
    info: (message: string, data?: Record<string, unknown>) => pending.push(['info', message, data]),
    warn: (message: string, data?: Record<string, unknown>) => pending.push(['warn', message, data]),
    error: (message: string, data?: Record<string, unknown>) => pending.push(['error', message, data]),
  };
  const reading = readPolicy({ ...options, log: buffer });
  const { recommended, notice, signInBlocked } = reading;
  // The all-users start at login is the administrator's: Settings shows it locked on (policy that sets startAtLogin decides).
  const policy =
    options.machineStartsAtLogin && reading.policy.startAtLogin === undefined
      ? { ...reading.policy, startAtLogin: true }
      : reading.policy;
  if (options.machineStartsAtLogin) {
    buffer.info('This computer starts the console at login for every user (installed that way)', {
      startAtLoginPolicy: reading.policy.startAtLogin,
    });
  }
  if (policy.hardwareAcceleration === false) {
    options.app.disableHardwareAcceleration();
    buffer.info('Hardware acceleration is off by administrator policy');
  }
  return {
    policy,
    flushLog(log) {
      for (const [level, message, data] of pending.splice(0)) log[level](message, data);
    },
    govern: (store) => withPolicy(store, policy, recommended),
    demoAllowed: policy.demoAllowed !== false,
    checkServer: (serverUrl) => checkServerAllowed(policy, serverUrl, signInBlocked),
    notices: () => (notice ? [notice] : []),
  };
}
