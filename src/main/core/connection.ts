// The connection line the agent reads (online, degraded, offline, signed out, with words and the
// next retry) and the recent errors kept for diagnostics.
import type { Connection } from '../../shared/live';
import type { CoreError } from './errors';
import type { Clock } from './ports';

const RECENT_ERRORS = 20;

export class ConnectionStatus {
  private current: Connection = { status: 'signed-out' };
  private readonly errors: string[] = [];

  /** `onChange` is told when the status, its words or the next retry change. */
  constructor(
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  get value(): Connection {
    return { ...this.current };
  }

  get recentErrors(): readonly string[] {
    return this.errors;
  }

  /** Sets the status; the time of the last good poll carries over. */
  set(next: Omit<Connection, 'lastGoodPoll'>): void {
    const before = this.current;
    this.current = { ...next, ...(before.lastGoodPoll ? { lastGoodPoll: before.lastGoodPoll } : {}) };
    if (next.status !== before.status || next.message !== before.message || next.nextRetry !== before.nextRetry) {
      this.onChange();
    }
  }

  /** Signed out: nothing carries over, not even the last good poll. */
  signedOut(): void {
    this.current = { status: 'signed-out' };
    this.onChange();
  }

  /** Records that a poll succeeded now (published with the next change). */
  markGoodPoll(): void {
    this.current = { ...this.current, lastGoodPoll: new Date(this.clock.now()).toISOString() };
  }

  remember(error: CoreError): void {
    this.errors.push(
      `${new Date(this.clock.now()).toISOString()} ${error.code}${error.status ? ` ${error.status}` : ''}: ${error.message}`,
    );
    if (this.errors.length > RECENT_ERRORS) this.errors.shift();
  }
}
