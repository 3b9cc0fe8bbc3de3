// Builds the web shell's console: the real core on Node ports (global fetch, keytar, conf
// settings in the data directory, a page-bound notifier) with the demo and the dispatcher, and an
// administrator policy file in the Linux form when one is named (development and the e2e suite).
import { platform, release } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';

import type { ConsoleCore } from '../main/core/console';
import { createConsoleCore } from '../main/core/index';
import { type Logger, type PowerEvents, type SecretStore, systemClock } from '../main/core/ports';
import { createDemo, type Demo } from '../main/demo';
import { createFileLog } from '../main/file-log';
import { createDispatcher, type Dispatch } from '../main/ipc/dispatch';
import { createKeychain } from '../main/keychain';
import { readLinuxPolicy } from '../main/policy/read-linux';
import { readPolicy, singlePlace } from '../main/policy/read-policy';
import { checkServerAllowed } from '../main/policy/server-lock';
import { withPolicy } from '../main/policy/settings-overlay';
import { createSettingsStore, type ShellSettingsStore } from '../main/settings-store';
import { composeSignIn, type SignIn } from '../main/sign-in';
import { startSimulator } from '../simulator/index';
import { createWebNotifier, type WebNotifier } from './notifier';

export interface WebConsoleOptions {
  dataDir: string;
  appVersion: string;
  offerDemo: boolean;
  /** Default: a file log in dataDir/logs, echoed to stderr. */
  log?: Logger;
  /** Default: the OS keychain. */
  secrets?: SecretStore;
  /** A policy.json as /etc/evo-voice-console/policy.json holds it (enforced and recommended keys). */
  policyFile?: string;
}

export interface WebConsole {
  core: ConsoleCore;
  demo: Demo;
  signIn: SignIn;
  dispatch: Dispatch;
  notifier: WebNotifier;
  settings: ShellSettingsStore;
  log: Logger;
}

/** The browser page reports its own visibility; the web shell has no OS power events. */
const noPowerEvents: PowerEvents = { on: () => () => undefined };

export function composeWebConsole(options: WebConsoleOptions): WebConsole {
  const log =
    options.log ??
    createFileLog({ dir: join(options.dataDir, 'logs'), echo: (line) => process.stderr.write(`${line}\n`) });
  const { policyFile } = options;
  const reading = policyFile
    ? readPolicy({
        platform: 'linux',
        appId: 'web',
        log,
        read: () => singlePlace(policyFile, () => readLinuxPolicy(policyFile)),
      })
    : { policy: {}, recommended: {}, signInBlocked: false };
  const settings = withPolicy(
    createSettingsStore({ open: (o) => new Conf(o), cwd: options.dataDir, projectVersion: options.appVersion, log }),
    reading.policy,
    reading.recommended,
  );
  // The notifier asks the core for do-not-disturb only when the core itself raises a notification.
  const notifier = createWebNotifier(() => core.getSettings().doNotDisturb);
  const core: ConsoleCore = createConsoleCore({
    fetch: globalThis.fetch,
    secrets: options.secrets ?? createKeychain(),
    settings,
    notifier,
    clock: systemClock,
    power: noPowerEvents,
    log,
  });
  const demo = createDemo({ core, startSimulator, log, offered: options.offerDemo });
  const versions = () => ({
    app: options.appVersion,
    shell: 'web',
    node: process.versions.node,
    os: `${platform()} ${release()}`,
  });
  if (settings.recovered) log.warn(settings.recovered.message);
  const notices = () => (settings.recovered ? [settings.recovered] : []);
  const signIn = composeSignIn(core, demo, (serverUrl) =>
    checkServerAllowed(reading.policy, serverUrl, reading.signInBlocked),
  );
  const dispatch = createDispatcher(core, {
    log,
    signIn,
    versions,
    notices,
    lockedSettings: () => settings.lockedKeys,
    recommendedSettings: () => settings.recommendedSettings,
  });
  return { core, demo, signIn, dispatch, notifier, settings, log };
}
