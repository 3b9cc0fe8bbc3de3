// Turns newly missed calls (wasMissed in either feed) into exactly one notification each, a
// summary for a burst, and an unread list for the tray badge; what was announced is on disk
// before it is announced, so that restarts, crashes and sleep/resume never announce a call twice.
import { isCall } from '../../shared/channel';
import type { SessionInfo } from '../../shared/evovoice';
import type { Settings } from '../../shared/ipc';
import type { MissedCall } from '../../shared/live';
import { missedBurstText, missedCallText, notificationLocale } from '../../shared/missed-call-text';
import type { Notification, Notifier, SettingsStore } from './ports';

export const MISSED_RECORD = 'missed-calls';
/** More than this many new missed calls in one poll become one summary notification. */
export const BURST_LIMIT = 3;
export const ANNOUNCED_CAP = 5000;
export const UNREAD_CAP = 500;

interface MissedRecord {
  /** Accounts (server + user + account) whose existing missed calls have been taken as the baseline. */
  baselined: string[];
  /** Ids already announced (or baselined), oldest first. */
  announced: string[];
  unread: MissedCall[];
  /** Per account: the lines (endpointIds) its last look was narrowed to; a change starts a new baseline. */
  lines: Record<string, string>;
}

export class MissedCalls {
  private record: MissedRecord;
  private readonly announced: Set<string>;
  /** Announcements waiting for the record that says they were made to reach the disk. */
  private announcing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SettingsStore,
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {
    const saved = store.getRecord<MissedRecord>(MISSED_RECORD);
    this.record = {
      baselined: saved?.baselined ?? [],
      announced: saved?.announced ?? [],
      unread: saved?.unread ?? [],
      lines: saved?.lines ?? {},
    };
    this.announced = new Set(this.record.announced);
  }

  get unread(): MissedCall[] {
    return this.record.unread;
  }

  /** True once a first complete poll for `who` (server + user + account) set what is old news. */
  hasBaseline(who: string): boolean {
    return this.record.baselined.includes(who);
  }

  /**
   * Looks at one poll's sessions for `who` (server + user + account). Answers true when the
   * unread list changed. The first look for an account only records a baseline: those calls are
   * not news. Calls on lines the agent narrowed away (`settings.endpointIds`) are never news, and
   * the first look after the lines change is a new baseline: widening announces no old calls.
   */
  observe(who: string, sessions: Iterable<SessionInfo>, settings: Settings): boolean {
    const fresh: SessionInfo[] = [];
    const lines = settings.endpointIds.length ? new Set(settings.endpointIds) : undefined;
    let seen = false;
    for (const session of sessions) {
      if (session.wasMissed !== true || session.id === undefined || this.announced.has(session.id)) continue;
      // A chat or fax nobody took is not a missed call (no channel, or one we do not know: a call).
      if (!isCall(session)) continue;
      this.announced.add(session.id);
      this.record.announced.push(session.id);
      seen = true;
      if (!lines || lines.has(session.endpointId ?? '')) fresh.push(session);
    }
    const linesKey = [...settings.endpointIds].sort().join(',');
    const linesChanged = (this.record.lines[who] ?? linesKey) !== linesKey;
    this.record.lines[who] = linesKey;
    const baseline = !this.record.baselined.includes(who) || linesChanged;
    if (!this.record.baselined.includes(who)) this.record.baselined.push(who);
    if (!baseline && fresh.length) this.record.unread.push(...fresh.map(missedCall));
    if (!baseline && !fresh.length) {
      if (seen) this.save();
      return false;
    }
    this.save();
    if (baseline || !settings.notifyMissedCalls || settings.doNotDisturb) return !baseline;
    const due = announcements(fresh, this.now(), notificationLocale(settings.language));
    // A crash after the notification but before the record is on disk would announce it again.
    // A disk that gives up still gets them announced: once is what matters most to the agent.
    const before = this.announcing;
    this.announcing = (async () => {
      await before.catch(() => undefined);
      await this.store.flushed().catch(() => undefined);
      for (const notification of due) this.notifier.show(notification);
    })();
    return true;
  }

  /** Resolves once every announcement decided so far has been shown. */
  settled(): Promise<void> {
    return this.announcing;
  }

  /** Marks these (or all) missed calls seen; answers true when the unread list changed. */
  markSeen(sessionIds?: readonly string[]): boolean {
    const before = this.record.unread.length;
    const seen = sessionIds ? new Set(sessionIds) : undefined;
    this.record.unread = seen ? this.record.unread.filter((m) => !seen.has(m.sessionId)) : [];
    if (this.record.unread.length === before) return false;
    this.save();
    return true;
  }

  private save(): void {
    if (this.record.announced.length > ANNOUNCED_CAP) {
      for (const id of this.record.announced.splice(0, this.record.announced.length - ANNOUNCED_CAP)) {
        this.announced.delete(id);
      }
    }
    if (this.record.unread.length > UNREAD_CAP) this.record.unread.splice(0, this.record.unread.length - UNREAD_CAP);
    this.store.setRecord(MISSED_RECORD, this.record);
  }
}

function missedCall(session: SessionInfo): MissedCall {
  const call: MissedCall = {
    sessionId: session.id as string,
    from: session.fromAddress ?? session.callbackNumber ?? 'Unknown caller',
    at: session.dateCompleted ?? session.dateLastModified ?? session.dateCreated ?? '',
  };
  if (session.fromName) call.fromName = session.fromName;
  const line = session.endpointName ?? session.toAddress;
  if (line) call.line = line;
  return call;
}

/** The notifications for one poll's newly missed calls, in the console's language (`locale`). */
function announcements(fresh: readonly SessionInfo[], now: number, locale: string): Notification[] {
  if (fresh.length > BURST_LIMIT) return [missedBurstText(fresh.length, locale)];
  return fresh.map((session) => {
    const call = missedCall(session);
    return { ...missedCallText(call, now, locale), sessionId: call.sessionId, missedCall: call };
  });
}
