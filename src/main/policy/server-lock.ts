// The server an administrator preset: signing in anywhere else is refused with words the agent
// can act on (the demo is a separate switch, demoAllowed). A lock that is set but cannot be read
// refuses every server (fail closed).
import type { Policy } from './policy';

export class ServerLockedError extends Error {
  readonly code = 'forbidden';
}

const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Throws ServerLockedError when the policy presets another server, or its server lock cannot be read. */
export function checkServerAllowed(policy: Policy, serverUrl: string, lockUnreadable = false): void {
  if (lockUnreadable) {
    throw new ServerLockedError(
      'Your administrator’s server setting for this console cannot be read, so signing in is blocked. Ask IT support to fix the policy.',
    );
  }
  if (policy.serverUrl !== undefined && normal(policy.serverUrl) !== normal(serverUrl)) {
    throw new ServerLockedError(
      `Your administrator set this console to sign in to ${policy.serverUrl} only. Use that server, or ask IT support.`,
    );
  }
}
