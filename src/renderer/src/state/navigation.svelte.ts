// Which view is showing and which call is selected or open: the agent's place in the console.
import type { View } from '../../../shared/ipc';

class Navigation {
  view = $state<View>('live');
  /** The highlighted call on the live board (keyboard target for H). */
  selectedId = $state<string | undefined>(undefined);
  /** The call whose details pane is open. */
  openId = $state<string | undefined>(undefined);
  /** Bumped to ask the current view to focus its search box. */
  searchRequest = $state(0);
  /** Set to ask the open call's notes editor to take the focus (the notes hotkey); it clears it. */
  notesPending = $state(false);

  show(view: View): void {
    this.view = view;
  }

  openCall(sessionId: string): void {
    this.view = 'live';
    this.selectedId = sessionId;
    this.openId = sessionId;
  }

  /** Opens the call with the focus in its notes (console data) editor. */
  editNotes(sessionId: string): void {
    this.openCall(sessionId);
    this.notesPending = true;
  }

  closeCall(): void {
    this.openId = undefined;
  }

  /**
   * After an explicit sign-out the next sign-in starts on the live board, not on Settings where
   * the agent signed out. A session that expires leaves the view alone: the agent comes back to it.
   */
  signedOut(): void {
    this.view = 'live';
    this.selectedId = undefined;
    this.openId = undefined;
  }

  focusSearch(): void {
    this.searchRequest++;
  }
}

export const navigation = new Navigation();
