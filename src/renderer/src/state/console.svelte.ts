// The console's state as main publishes it (identity, connection, missed calls, holds, notes) and the settings.
import type { Settings, UpdateStatus } from '../../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../../shared/ipc-constants';
import type { ConsoleState } from '../../../shared/live';
import { live } from './live.svelte';

class ConsoleMirror {
  state = $state.raw<ConsoleState>({
    connection: { status: 'signed-out' },
    missed: [],
    holds: {},
    consoleData: {},
    doNotDisturb: false,
  });
  settings = $state.raw<Settings>(DEFAULT_SETTINGS);
  /** Settings the administrator's policy fixes: Settings shows them as set by the administrator. */
  lockedSettings = $state.raw<(keyof Settings)[]>([]);
  /** Settings the administrator recommended, with their values: Settings says so and offers them back. */
  recommendedSettings = $state.raw<Partial<Settings>>({});
  /** The desktop binds the global hotkeys (Wayland): Settings says so. */
  hotkeysByDesktop = $state(false);
  /** The self-update; 'ready' shows "Restart to update" in the status bar. */
  update = $state.raw<UpdateStatus>({ phase: 'idle' });
  /** True once 'state:get' answered (settings known: the sign-in form can prefill). */
  answered = $state(false);
  /** Set when the first 'state:get' failed: the words to show instead of the console. */
  startError = $state<string | undefined>(undefined);

  /** Ready to show: 'state:get' answered, or (sooner, for a big board) the pushed state says signed in and the board arrived. */
  get ready(): boolean {
    return this.answered || (this.state.identity !== undefined && live.loaded);
  }

  get identity() {
    return this.state.identity;
  }

  get signedIn(): boolean {
    return this.state.identity !== undefined;
  }

  get activeAccountName(): string {
    const id = this.state.identity;
    if (!id) return '';
    return id.accounts.find((a) => a.id === id.accountId)?.name ?? id.accountId ?? '';
  }

  /** The account picker shows until an account is chosen (while the list loads, or to pick one of several). */
  get needsAccount(): boolean {
    const id = this.state.identity;
    return id !== undefined && !id.accountId;
  }
}

export const consoleMirror = new ConsoleMirror();
