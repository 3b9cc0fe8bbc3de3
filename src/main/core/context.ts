// What the core's modules share (the poll cycle, the call actions): the stores, the board, the
// publishing hooks and the one gate through which results of a signed-in session land.
import type { LivePatch } from '../../shared/live';
import type { ConnectionStatus } from './connection';
import type { DurableStore } from './durable-store';
import type { CoreError } from './errors';
import type { LiveBoard } from './live-board';
import type { MissedCalls } from './missed-calls';
import type { ConsoleDataOutbox } from './outbox';
import type { Clock, Logger } from './ports';
import type { SignedInSession } from './session';

export interface CoreContext {
  clock: Clock;
  random: () => number;
  log: Logger;
  store: DurableStore;
  board: LiveBoard;
  missed: MissedCalls;
  outbox: ConsoleDataOutbox;
  connection: ConnectionStatus;
  /** The signed-in session, if any. */
  session(): SignedInSession | undefined;
  /**
   * Runs `apply` only while `session` is still the signed-in one, and answers its result: the one
   * check that keeps the results of an older sign-in or account off the board and the state.
   */
  land<T>(session: SignedInSession, apply: () => T): T | undefined;
  publishPatch(patch: LivePatch | undefined): void;
  publishState(): void;
  /** Polls as soon as possible (after an action: the board catches up with the server). */
  pollSoon(): void;
  /** Counts `work` as in flight until it settles (`settled()` waits for it). */
  track<T>(work: Promise<T>): Promise<T>;
  /** A call of `session` failed: remembers it, and signs out if the password was rejected. */
  failed(session: SignedInSession, problem: CoreError): void;
}
