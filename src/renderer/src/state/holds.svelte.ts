// Hold / resume: shown at once, confirmed or rolled back with a message in words.
import type { SessionInfo } from '../../../shared/evovoice';
import type { HoldState } from '../../../shared/live';
import { boardState, callerName, canHold, type BoardState } from '../lib/callState';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { toasts } from './toasts.svelte';
import { announcer } from './announcer.svelte';

/** How long a confirmed result stands in for the board until the next poll shows it. */
const CONFIRMED_OVERLAY_MS = 6000;

class Holds {
  /** This window's own view of a hold/resume: pending until main answers, then the confirmed target. */
  overlay = $state<Record<string, HoldState>>({});

  #lastPending: Record<string, HoldState> = {};

  /**
   * Every pending or just-confirmed hold in one plain record (cheap to look up for thousands of rows).
   * The same object while nothing changed, so a state update from main does not re-render every row.
   */
  readonly pending = $derived.by((): Record<string, HoldState> => {
    const next: Record<string, HoldState> = { ...$state.snapshot(this.overlay), ...consoleMirror.state.holds };
    const last = this.#lastPending;
    const keys = Object.keys(next);
    if (keys.length === Object.keys(last).length && keys.every((k) => last[k] === next[k])) return last;
    this.#lastPending = next;
    return next;
  });

  pendingFor(sessionId: string | undefined): HoldState | undefined {
    return sessionId ? this.pending[sessionId] : undefined;
  }

  stateOf(session: SessionInfo): BoardState {
    return boardState(session, this.pendingFor(session.id));
  }

  inFlight(sessionId: string | undefined): boolean {
    return sessionId !== undefined && consoleMirror.state.holds[sessionId] !== undefined;
  }

  async toggle(session: SessionInfo): Promise<void> {
    const sessionId = session.id;
    if (!sessionId || this.inFlight(sessionId)) return;
    const current = this.stateOf(session);
    if (!canHold(current)) return;
    const action = current === 'hold' ? 'resume' : 'hold';
    const pending: HoldState = action === 'hold' ? 'pending-hold' : 'pending-resume';
    this.overlay[sessionId] = pending;
    const who = callerName(session);
    const result = await request('call:hold', { sessionId, action });
    if (result.ok) {
      announcer.say(action === 'hold' ? `${who} is on hold.` : `${who} is back on the line.`);
      setTimeout(() => {
        if (this.overlay[sessionId] === pending) delete this.overlay[sessionId];
      }, CONFIRMED_OVERLAY_MS);
    } else {
      delete this.overlay[sessionId];
      toasts.show({
        kind: 'error',
        title: action === 'hold' ? `Could not put ${who} on hold` : `Could not resume ${who}`,
        body: `${result.error.message} The call is shown as it was.`,
      });
    }
  }
}

export const holds = new Holds();
