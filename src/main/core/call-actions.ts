// Call actions (hold and resume today, transfer tomorrow), all built on one helper: show the
// change on the board at once, confirm it with the server, roll it back with words on failure.
import { isMine } from '../../shared/agent-call';
import type { PatchSessionRequest, SessionInfo } from '../../shared/evovoice';
import type { RequestArgs } from '../../shared/ipc';
import type { HoldState, LivePatch } from '../../shared/live';
import type { CoreContext } from './context';
import { CoreError, toCoreError } from './errors';
import type { SignedInSession } from './session';

/** One optimistic change to a call: what the board shows and the PATCH sends. */
interface CallChange {
  sessionId: string;
  /** Published in `ConsoleState.holds` while the server has not answered. */
  pending: HoldState;
  fields: Omit<PatchSessionRequest, 'sessionId'>;
  /** Completes "Could not …" when the server refuses. */
  what: string;
}

export class CallActions {
  constructor(private readonly core: CoreContext) {}

  /** Hold (with a reason: `None`, or `Transferring` while the agent transfers) or resume. */
  hold(session: SignedInSession, args: RequestArgs<'call:hold'>): Promise<SessionInfo> {
    const holding = args.action === 'hold';
    return this.change(session, {
      sessionId: args.sessionId,
      pending: holding ? 'pending-hold' : 'pending-resume',
      // Resuming clears the reason: a call back on the line is not "Transferring" any more.
      fields: holding
        ? { callState: 'Hold', holdReason: args.reason ?? 'None' }
        : { callState: 'Connected', holdReason: 'None' },
      what: holding ? 'put the call on hold' : 'take the call off hold',
    });
  }

  /** Shows the change now, confirms it with the server, or rolls it back and throws in words. */
  private async change(session: SignedInSession, change: CallChange): Promise<SessionInfo> {
    const { board, publishPatch, publishState } = this.core;
    const id = change.sessionId;
    if (session.holds.has(id)) {
      throw new CoreError('busy', 'This call is already being put on hold or resumed: wait a moment.');
    }
    const call = board.find(id);
    if (!call) throw new CoreError('not-found', 'This call is no longer on the board: it may have ended.');
    if (!isMine(call, session.identity) && this.core.store.getSettings().holdOthersCalls === 'deny') {
      const owner = call.answeredByName ? `${call.answeredByName}'s call` : "a colleague's call";
      throw new CoreError(
        'forbidden',
        `Could not ${change.what}: this is ${owner}, and your administrator does not let agents change a colleague's call. Ask them or a supervisor.`,
      );
    }
    session.holds.set(id, change.pending);
    publishPatch(board.overlay(id, change.fields));
    publishState();
    const request: PatchSessionRequest = { sessionId: id, ...change.fields };
    let answer: SessionInfo;
    try {
      answer = await this.core.track(session.login.call((c, o) => c.patchSession(request, o)));
    } catch (error) {
      const problem = toCoreError(error);
      this.settle(session, id, () => board.rollBack(id));
      this.core.failed(session, problem);
      throw new CoreError(problem.code, `Could not ${change.what}: ${problem.message}`, {
        ...(problem.status !== undefined ? { status: problem.status } : {}),
        cause: problem,
      });
    }
    if (change.fields.callState !== undefined && answer.callState !== change.fields.callState) {
      // The server answered but did not make the change: the hold (or resume) failed.
      this.settle(session, id, () => board.rollBack(id), this.core.pollSoon);
      throw new CoreError(
        'conflict',
        `Could not ${change.what}: Evo Voice left the call ${answer.callState ?? 'unchanged'}. Try again.`,
      );
    }
    // Poll soon after: that poll begins after the confirmation, so it ends the overlay.
    this.settle(session, id, () => board.confirm(id, answer), this.core.pollSoon);
    return answer;
  }

  /** The request is no longer in flight; the board changes only if the sign-in is still current. */
  private settle(session: SignedInSession, id: string, patch: () => LivePatch | undefined, then?: () => void): void {
    session.holds.delete(id);
    this.core.land(session, () => {
      this.core.publishPatch(patch());
      this.core.publishState();
      then?.();
    });
  }
}
