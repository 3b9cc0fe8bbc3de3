// Signing out with work open: calls the agent holds and notes not yet saved are listed first, and
// the agent signs out only after saying so; with nothing open, signing out is one click as before.
import { isMine } from '../../../shared/agent-call';
import { language } from '../i18n/i18n.svelte';
import { callerName } from '../lib/callState';
import { signOut } from './auth';
import { consoleMirror } from './console.svelte';
import { live } from './live.svelte';
import { callLabel } from './unsent-notes';

/** What signing out would leave behind, by caller. */
export interface OpenWork {
  held: string[];
  notes: string[];
}

/** The agent's own calls on hold, and the notes the server has not confirmed. */
export function openWork(): OpenWork {
  const agent = consoleMirror.identity;
  const held = live.sessions
    .filter((s) => s.ended !== true && s.callState === 'Hold' && isMine(s, agent))
    .map((s) => callerName(s, language()));
  const notes = Object.values(consoleMirror.state.consoleData)
    .filter((d) => d.state !== 'saved')
    .map((d) => {
      const call = live.session(d.sessionId);
      return d.caller ?? (call ? callerName(call, language()) : callLabel(d));
    });
  return { held, notes };
}

class SignOutQuestion {
  /** The open work the agent is asked about; undefined while no question is shown. */
  work = $state.raw<OpenWork | undefined>(undefined);

  /** Signs out at once when nothing is open, else asks first. */
  async ask(): Promise<void> {
    const work = openWork();
    if (work.held.length === 0 && work.notes.length === 0) return signOut();
    this.work = work;
  }

  async answer(go: boolean): Promise<void> {
    this.work = undefined;
    if (go) await signOut();
  }
}

export const signOutQuestion = new SignOutQuestion();
