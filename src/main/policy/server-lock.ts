// The server an administrator preset: signing in anywhere else is refused with words the agent
// can act on (the demo is a separate switch, demoAllowed).
import type { Policy } from './policy';

export class ServerLockedError extends Error {
  readonly code = 'forbidden';
  constructor(serverUrl: string) {
    super(`Your administrator set this console to sign in to ${serverUrl} only. Use that server, or ask IT support.`);
  }
}

const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Throws ServerLockedError when the policy presets another server. */
export function checkServerAllowed(policy: Policy, serverUrl: string): void {
  if (policy.serverUrl !== undefined && normal(policy.serverUrl) !== normal(serverUrl)) {
    throw new ServerLockedError(policy.serverUrl);
  }
}
