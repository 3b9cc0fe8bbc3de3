// What each tray menu item does, shared by the Electron tray and the web shell's test hook.
import type { ConsoleCore } from './core/console';
import type { SignIn } from './sign-in';
import { hasOpenWork, type OpenWork, openWork } from './sign-out-work';

export const TRAY_ACTIONS = [
  'show',
  'hide',
  'dnd',
  'sign-out',
  'copy-diagnostics',
  'restart-to-update',
  'quit',
] as const;
export type TrayAction = (typeof TRAY_ACTIONS)[number];

export function isTrayAction(value: unknown): value is TrayAction {
  return typeof value === 'string' && (TRAY_ACTIONS as readonly string[]).includes(value);
}

export interface TrayTarget {
  core: Pick<ConsoleCore, 'getSettings' | 'updateSettings' | 'getState' | 'getSnapshot'>;
  signIn: Pick<SignIn, 'signOut'>;
  showWindow(): void;
  hideWindow(): void;
  /** Absent where the shell has no clipboard or no quitting (the web shell). */
  copyDiagnostics?: () => void;
  quit?: () => void;
  /** Installs a downloaded update unless a call is live or an edit unsent (the shell says why). */
  restartToUpdate?: () => void;
  /** Asks the agent before signing out with work open; true: sign out. Absent: no question (web shell). */
  confirmSignOut?: (work: OpenWork) => Promise<boolean>;
}

/** Runs one tray item; answers false when this shell does not offer it. */
export async function runTrayAction(action: TrayAction, target: TrayTarget): Promise<boolean> {
  switch (action) {
    case 'show':
      target.showWindow();
      return true;
    case 'hide':
      target.hideWindow();
      return true;
    case 'dnd':
      target.core.updateSettings({ doNotDisturb: !target.core.getSettings().doNotDisturb });
      return true;
    case 'sign-out': {
      const work = openWork(target.core);
      if (hasOpenWork(work) && target.confirmSignOut && !(await target.confirmSignOut(work))) return true;
      await target.signIn.signOut();
      return true;
    }
    case 'copy-diagnostics':
      target.copyDiagnostics?.();
      return !!target.copyDiagnostics;
    case 'restart-to-update':
      target.restartToUpdate?.();
      return !!target.restartToUpdate;
    case 'quit':
      target.quit?.();
      return !!target.quit;
  }
}
