// What the tray shows for a console state: icon, tooltip, badge and a menu that always offers
// Show/Hide, Do not disturb, Sign out and Quit (some Linux desktops never deliver a tray click).
import type { SessionInfo } from '../shared/evovoice';
import type { ConsoleState } from '../shared/live';
import type { TrayAction } from './tray-actions';

export const TRAY_ICONS = ['signed-out', 'idle', 'live', 'missed'] as const;
export type TrayIcon = (typeof TRAY_ICONS)[number];

export type TrayMenuItem =
  | { action: TrayAction; label: string; type: 'normal' | 'checkbox'; checked?: boolean; enabled: boolean }
  | { type: 'separator' };

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** Missed calls waiting; 0 clears the badge. */
  badge: number;
  menu: TrayMenuItem[];
}

const LIVE_STATES = new Set(['Ringing', 'Connected', 'Hold']);

export function liveCallCount(sessions: readonly SessionInfo[]): number {
  return sessions.filter((s) => s.callState !== undefined && LIVE_STATES.has(s.callState)).length;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** The longest hold on the board, "on hold 2:05" (the hold timer in the tooltip); '' when none. */
export function longestHold(heldSince: Record<string, string> | undefined, now: number): string {
  const starts = Object.values(heldSince ?? {})
    .map((at) => Date.parse(at))
    .filter(Number.isFinite);
  if (!starts.length) return '';
  const seconds = Math.max(0, Math.floor((now - Math.min(...starts)) / 1000));
  const count = starts.length > 1 ? `${starts.length} on hold, longest` : 'on hold';
  return `${count} ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `updateReady`: the version of a downloaded update, offered as "Restart to update". */
export function trayView(
  state: ConsoleState,
  liveCalls: number,
  windowVisible: boolean,
  updateReady?: string,
  now = Date.now(),
): TrayView {
  const signedIn = !!state.identity;
  const missed = state.missed.length;
  const icon: TrayIcon = !signedIn ? 'signed-out' : missed > 0 ? 'missed' : liveCalls > 0 ? 'live' : 'idle';
  const parts = ['Evo Voice Console'];
  if (!signedIn) parts.push('signed out');
  else {
    if (state.identity?.demo) parts.push('demo');
    parts.push(liveCalls > 0 ? plural(liveCalls, 'live call') : 'no live calls');
    const held = longestHold(state.heldSince, now);
    if (held) parts.push(held);
    if (missed > 0) parts.push(plural(missed, 'missed call'));
    if (state.connection.status !== 'online') parts.push(state.connection.status);
  }
  if (state.doNotDisturb) parts.push('do not disturb');
  return {
    icon,
    tooltip: parts.join(' · '),
    badge: missed,
    menu: [
      windowVisible
        ? { action: 'hide', label: 'Hide console', type: 'normal', enabled: true }
        : { action: 'show', label: 'Show console', type: 'normal', enabled: true },
      { action: 'dnd', label: 'Do not disturb', type: 'checkbox', checked: state.doNotDisturb, enabled: true },
      { type: 'separator' },
      { action: 'copy-diagnostics', label: 'Copy diagnostics', type: 'normal', enabled: true },
      { action: 'sign-out', label: 'Sign out', type: 'normal', enabled: signedIn },
      { type: 'separator' },
      ...(updateReady
        ? [
            {
              action: 'restart-to-update',
              label: `Restart to update (${updateReady})`,
              type: 'normal',
              enabled: true,
            } as const,
          ]
        : []),
      { action: 'quit', label: 'Quit Evo Voice Console', type: 'normal', enabled: true },
    ],
  };
}
