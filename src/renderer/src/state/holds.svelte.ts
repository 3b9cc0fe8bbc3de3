// Hold, hold for a transfer and resume as the agent asks: shown at once while the request travels
// to main. From main's first answer on, the core's board and state are the one source of truth.
import type { SessionHoldReason, SessionInfo } from '../../../shared/evovoice';
import type { HoldState } from '../../../shared/live';
import { language, t } from '../i18n/i18n.svelte';
import { type BoardState, boardState, callerName, canHold } from '../lib/callState';
import { announcer } from './announcer.svelte';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { toasts } from './toasts.svelte';

class Holds {
  /** Requests this window sent that main has not answered yet: covers the IPC round trip only. */
  requested = $state<Record<string, HoldState>>({});

  #lastPending: Record<string, HoldState> = {};

  /**
   * Every hold or resume in flight in one plain record (cheap to look up for thousands of rows).
   * The same object while nothing changed, so a state update from main does not re-render every row.
   */
  readonly pending = $derived.by((): Record<string, HoldState> => {
    const next: Record<string, HoldState> = { ...$state.snapshot(this.requested), ...consoleMirror.state.holds };
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
    return this.pendingFor(sessionId) !== undefined;
  }

  /** Hold a connected call, resume a held one. */
  async toggle(session: SessionInfo): Promise<void> {
    const current = this.stateOf(session);
    if (!canHold(current)) return;
    await this.send(session, current === 'hold' ? 'resume' : 'hold');
  }

  /** Hold a connected call while the agent transfers it (the server records the reason). */
  async holdForTransfer(session: SessionInfo): Promise<void> {
    if (this.stateOf(session) === 'connected') await this.send(session, 'hold', 'Transferring');
  }

  private async send(session: SessionInfo, action: 'hold' | 'resume', reason?: SessionHoldReason): Promise<void> {
    const sessionId = session.id;
    if (!sessionId || this.inFlight(sessionId)) return;
    this.requested[sessionId] = action === 'hold' ? 'pending-hold' : 'pending-resume';
    const who = callerName(session, language());
    const result = await request('call:hold', { sessionId, action, ...(reason ? { reason } : {}) });
    delete this.requested[sessionId];
    if (result.ok) {
      const held = reason === 'Transferring' ? 'holds.onHoldTransfer' : 'holds.onHold';
      announcer.say(t(action === 'hold' ? held : 'holds.back', { who }));
    } else {
      toasts.show({
        kind: 'error',
        title: t(action === 'hold' ? 'holds.holdFailed' : 'holds.resumeFailed', { who }),
        body: t('holds.shownAsWas', { message: result.error.message }),
      });
    }
  }
}

export const holds = new Holds();
