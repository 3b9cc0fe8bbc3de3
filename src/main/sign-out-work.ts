// Signing out from the tray with work open: the agent's own calls on hold and the notes the server
// has not confirmed are named first (the page asks the same question from Settings), in the
// console's language, in the page's words (`signOut.*` in the renderer's catalogue). Plain Node:
// the Electron shell asks with a native dialog.
import { callerOf, isMine } from '../shared/agent-call';
import type { ConsoleCore } from './core/console';

/** What signing out would leave behind: callers the agent holds, calls whose notes are unsent. */
export interface OpenWork {
  held: string[];
  notes: string[];
}

export function openWork(core: Pick<ConsoleCore, 'getState' | 'getSnapshot'>): OpenWork {
  const state = core.getState();
  const sessions = core.getSnapshot().sessions;
  const held = sessions
    .filter((s) => s.ended !== true && s.callState === 'Hold' && isMine(s, state.identity))
    .map(callerOf);
  const notes = Object.values(state.consoleData)
    .filter((d) => d.state !== 'saved')
    .map((d) => {
      const call = sessions.find((s) => s.id === d.sessionId);
      return d.caller ?? (call ? callerOf(call) : d.sessionId);
    });
  return { held, notes };
}

export const hasOpenWork = (work: OpenWork): boolean => work.held.length > 0 || work.notes.length > 0;

const WORDS = {
  en: {
    message: 'Sign out with work open?',
    held: 'You have callers on hold: {list}',
    notes: 'Notes not saved yet (they are kept on this computer and sent at your next sign-in): {list}',
    after: 'Held callers stay on hold after you sign out.',
    stay: 'Stay signed in',
    go: 'Sign out anyway',
  },
  es: {
    message: '¿Cerrar sesión con trabajo abierto?',
    held: 'Tiene llamadas en espera: {list}',
    notes: 'Notas aún no guardadas (se conservan en este equipo y se envían al volver a iniciar sesión): {list}',
    after: 'Las llamadas en espera siguen en espera al cerrar la sesión.',
    stay: 'Seguir con la sesión',
    go: 'Cerrar sesión igualmente',
  },
};

/** The question's words: the message, the list of what is open, and the two answers (stay first). */
export function signOutQuestion(work: OpenWork, locale: string) {
  const w = locale.toLowerCase().startsWith('es') ? WORDS.es : WORDS.en;
  const lines = [
    ...(work.held.length ? [w.held.replace('{list}', work.held.join(', '))] : []),
    ...(work.notes.length ? [w.notes.replace('{list}', work.notes.join(', '))] : []),
    w.after,
  ];
  return { message: w.message, detail: lines.join('\n'), buttons: [w.stay, w.go] as const };
}
