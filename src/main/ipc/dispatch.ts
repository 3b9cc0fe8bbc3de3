// The one request dispatcher both shells use: validates a request against the contract, runs it on
// the core, and answers an IpcResult; nothing runs for a request the contract refuses, and what
// reaches the server is shared or paced per channel (request-limit.ts).
import {
  type IpcResult,
  parseRequest,
  type RequestArgs,
  type RequestChannel,
  type RequestResults,
  type Settings,
  type StartNotice,
} from '../../shared/ipc';
import type { ConsoleCore } from '../core/console';
import type { Logger } from '../core/ports';
import type { SignIn } from '../sign-in';
import { toConsoleError } from './errors';
import { createRequestLimit, type LimitDeps, TOO_MANY } from './request-limit';

export interface DispatchDeps {
  log: Logger;
  /** Sign-in to a server or the demo, and sign-out, as the shell composed them. */
  signIn: SignIn;
  /** Shell facts for support (app, Electron/Node, OS versions) put before the core's diagnostics. */
  versions: () => Record<string, string>;
  /** What the shell found at start for the agent to read (a damaged settings file reset). */
  notices?: () => StartNotice[];
  /** Settings the administrator's policy fixes. */
  lockedSettings?: () => (keyof Settings)[];
  /** Installs a downloaded update when nothing is in flight (absent: this shell does not update). */
  restartToUpdate?: () => Promise<RequestResults['app:restart-to-update']>;
  /** Global hotkeys are bound by the desktop (Wayland portal): whether they fire is not known here. */
  hotkeysByDesktop?: () => boolean;
  /** Settings the administrator recommended, with their values. */
  recommendedSettings?: () => Partial<Settings>;
  /** The pacing's clock (tests step it). */
  limit?: LimitDeps;
}

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

type Handlers = { [C in RequestChannel]: (args: RequestArgs<C>) => Promise<RequestResults[C]> | RequestResults[C] };

function handlersFor(core: ConsoleCore, deps: DispatchDeps): Handlers {
  return {
    'state:get': () => ({
      state: core.getState(),
      snapshot: core.getRowSnapshot(),
      settings: core.getSettings(),
      demoOffered: deps.signIn.demoOffered,
      notices: deps.notices?.() ?? [],
      lockedSettings: deps.lockedSettings?.() ?? [],
      hotkeysByDesktop: deps.hotkeysByDesktop?.() ?? false,
      recommendedSettings: deps.recommendedSettings?.() ?? {},
    }),
    'live:resync': () => core.getRowSnapshot(),
    'live:rows': (args) => core.snapshotRows(args),
    'call:details': ({ sessionId }) => core.callDetails(sessionId),
    'poll:now': () => {
      core.pollNow();
      return null;
    },
    'app:visibility': ({ visible }) => {
      core.setWindowVisible(visible);
      return null;
    },
    'app:diagnostics': () => {
      const shell = Object.entries(deps.versions()).map(([k, v]) => `${k}: ${v}`);
      return [...shell, '', core.diagnostics()].join('\n');
    },
    'auth:sign-in': (args) => deps.signIn.toServer(args),
    'auth:sign-in-demo': () => deps.signIn.toDemo(),
    'auth:sign-out': async () => {
      await deps.signIn.signOut();
      return null;
    },
    'auth:select-account': ({ accountId }) => core.selectAccount(accountId),
    'call:hold': (args) => core.hold(args),
    'call:save-console-data': (args) => core.saveConsoleData(args),
    'call:resolve-conflict': (args) => core.resolveConflict(args),
    'call:retry-console-data': (args) => core.retryConsoleData(args),
    'call:discard-console-data': (args) => {
      core.discardConsoleData(args);
      return null;
    },
    'missed:mark-seen': ({ sessionIds }) => {
      core.markMissedSeen(sessionIds);
      return null;
    },
    'history:load': (args) => core.loadCallHistory(args),
    'dashboard:load': (args) => core.loadDashboard(args),
    'voicemail:audio': ({ voicemailId }) => core.voicemailAudio(voicemailId),
    'settings:get': () => core.getSettings(),
    'settings:update': (patch) => core.updateSettings(patch),
    'app:restart-to-update': () =>
      deps.restartToUpdate?.() ?? { restarting: false, reason: 'This console does not update itself.' },
    'activity:more': () => core.loadOlderActivity(),
  };
}

export function createDispatcher(core: ConsoleCore, deps: DispatchDeps): Dispatch {
  const handlers = handlersFor(core, deps);
  const limited = createRequestLimit(deps.limit);
  return async (channel, args) => {
    const request = parseRequest(channel, args);
    if (!request.ok) {
      deps.log.warn('Refused an IPC request', {
        channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel,
        reason: request.error.message,
      });
      return { ok: false, error: request.error };
    }
    const handler = handlers[request.channel] as (args: unknown) => unknown;
    const result = await limited(request.channel, request.args, async () => {
      try {
        return { ok: true, value: await handler(request.args) };
      } catch (error) {
        return { ok: false, error: toConsoleError(error, request.channel, deps.log) };
      }
    });
    if (!result.ok && result.error === TOO_MANY) deps.log.warn('Refused an IPC request: too many waiting', { channel });
    return result;
  };
}
