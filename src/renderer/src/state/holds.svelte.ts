// Hold, hold for a transfer and resume as the agent asks: shown at once while the request travels
// to main. From main's first answer on, the core's board and state are the one source of truth.
// A colleague's call is changed only as the holdOthersCalls setting says (ask first, or never),
// and a change can be undone for a few seconds.
import { isMine } from '../../../shared/agent-call';
import type { SessionHoldReason, SessionInfo } from '../../../shared/evovoice';
import type { HoldState } from '../../../shared/live';
import { format, language, t } from '../i18n/i18n.svelte';
import { type BoardState, boardState, callerName, canHold } from '../lib/callState';
import { announcer } from './announcer.svelte';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { toasts } from './toasts.svelte';

/** How long a hold or resume can be undone. */
export const UNDO_MS = 5000;

/** A change to a colleague's call, waiting for the agent's answer. */
export interface HoldQuestion {
  session: SessionInfo;
  action: 'hold' | 'resume';
  reason?: SessionHoldReason;
  /** Whose call it is, in words ("Priya Shah", "a colleague"). */
  owner: string;
}

class Holds {
  /** Requests this window sent that main has not answered yet: covers the IPC round trip only. */
  requested = $state<Record<string, HoldState>>({});
  /** The question on screen before a colleague's call is changed. */
  question = $state.raw<HoldQuestion | undefined>(undefined);

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

  /** True when the call is the signed-in agent's (the core's rule, carried by the row's `mine` mark). */
  mine(session: SessionInfo): boolean {
    return isMine(session, consoleMirror.identity);
  }

  /**
   * Why no call can be changed now: the server no longer accepts the sign-in, so the board is not
   * live (its last good poll named); undefined while it is.
   */
  get blocked(): string | undefined {
    const { status, lastGoodPoll } = consoleMirror.state.connection;
    if (status !== 'signed-out' || !consoleMirror.signedIn) return undefined;
    return t('holds.notLive', { time: lastGoodPoll ? format.clockTime(lastGoodPoll) : '—' });
  }

  /** Why the agent may not change this call (a colleague's, under 'deny'), or undefined. */
  refusal(session: SessionInfo): string | undefined {
    if (this.mine(session) || consoleMirror.settings.holdOthersCalls !== 'deny') return undefined;
    return t('holds.denied', { owner: ownerOf(session) });
  }

  /** Hold a connected call, resume a held one. */
  async toggle(session: SessionInfo): Promise<void> {
    const current = this.stateOf(session);
    if (!canHold(current)) return;
    await this.ask(session, current === 'hold' ? 'resume' : 'hold');
  }

  /** Hold a connected call while the agent transfers it (the server records the reason). */
  async holdForTransfer(session: SessionInfo): Promise<void> {
    if (this.stateOf(session) === 'connected') await this.ask(session, 'hold', 'Transferring');
  }

  /** The agent answered the question: change the colleague's call, or leave it. */
  async answer(go: boolean): Promise<void> {
    const question = this.question;
    this.question = undefined;
    if (go && question) await this.send(question.session, question.action, question.reason);
  }

  /** Sends the change at once (the agent's own call, or 'allow'), asks first ('confirm'), or refuses ('deny'). */
  private async ask(session: SessionInfo, action: 'hold' | 'resume', reason?: SessionHoldReason): Promise<void> {
    const blocked = this.blocked;
    if (blocked) {
      const who = callerName(session, language());
      toasts.show({
        kind: 'error',
        title: t(action === 'hold' ? 'holds.holdFailed' : 'holds.resumeFailed', { who }),
        body: blocked,
      });
      return;
    }
    if (this.mine(session) || consoleMirror.settings.holdOthersCalls === 'allow') {
      return this.send(session, action, reason);
    }
    const refused = this.refusal(session);
    if (refused) {
      const who = callerName(session, language());
      toasts.show({
        kind: 'error',
        title: t(action === 'hold' ? 'holds.holdFailed' : 'holds.resumeFailed', { who }),
        body: refused,
      });
      return;
    }
    this.question = { session, action, ...(reason ? { reason } : {}), owner: ownerOf(session) };
  }

  private async send(
    session: SessionInfo,
    action: 'hold' | 'resume',
    reason?: SessionHoldReason,
    undoable = true,
  ): Promise<void> {
    const sessionId = session.id;
    if (!sessionId || this.inFlight(sessionId)) return;
    this.requested[sessionId] = action === 'hold' ? 'pending-hold' : 'pending-resume';
    const who = callerName(session, language());
    const result = await request('call:hold', { sessionId, action, ...(reason ? { reason } : {}) });
    delete this.requested[sessionId];
    if (result.ok) {
      const held = reason === 'Transferring' ? 'holds.onHoldTransfer' : 'holds.onHold';
      const said = t(action === 'hold' ? held : 'holds.back', { who });
      announcer.say(said);
      if (undoable) {
        const back = action === 'hold' ? 'resume' : 'hold';
        toasts.show({
          kind: 'info',
          title: said,
          lifetimeMs: UNDO_MS,
          action: {
            label: t('holds.undo'),
            name: t('holds.undoLabel', { what: said }),
            run: () => void this.send(result.value, back, undefined, false),
          },
        });
      }
    } else {
      toasts.show({
        kind: 'error',
        title: t(action === 'hold' ? 'holds.holdFailed' : 'holds.resumeFailed', { who }),
        body: t('holds.shownAsWas', { message: result.error.message }),
      });
    }
  }
}

/** Whose call it is, as the row knows it: the name of who answered it, or "a colleague". */
export function ownerOf(session: SessionInfo): string {
  return session.answeredByName || t('holds.colleague');
}

export const holds = new Holds();
