// The agent's ways in and out, composed over the core and the embedded demo by both shells: one
// sign-in at a time, so signing in to a real server or signing out ends a running demo.
import type { RequestArgs } from '../shared/ipc';
import type { Identity } from '../shared/live';
import type { ConsoleCore } from './core/console';
import type { Demo } from './demo';

export interface SignIn {
  /** False when this console does not offer the embedded demo. */
  readonly demoOffered: boolean;
  toServer(args: RequestArgs<'auth:sign-in'>): Promise<Identity>;
  toDemo(): Promise<Identity>;
  signOut(): Promise<void>;
}

export function composeSignIn(
  core: Pick<ConsoleCore, 'signIn' | 'signOut'>,
  demo: Pick<Demo, 'offered' | 'signIn' | 'stop'>,
  /** Throws (code 'forbidden') when the administrator's policy refuses this server. */
  checkServer?: (serverUrl: string) => void,
): SignIn {
  return {
    demoOffered: demo.offered,
    async toServer(args) {
      checkServer?.(args.serverUrl);
      const identity = await core.signIn(args);
      await demo.stop();
      return identity;
    },
    toDemo: () => demo.signIn(),
    async signOut() {
      await core.signOut();
      await demo.stop();
    },
  };
}
