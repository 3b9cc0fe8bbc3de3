// Turns newly missed calls (wasMissed in either feed) into exactly one notification each, a
// summary for a burst, and an unread list for the tray badge; what was announced is on disk
// before it is announced, so that restarts, crashes and sleep/resume never announce a call twice.
// Everything is kept per agent (server + user): the next agent on a shared profile sees none of
// it, and an explicit sign-out removes it.
import { isCall } from '../../shared/channel';
import type { SessionInfo } from '../../shared/evovoice';
import type { Settings } from '../../shared/ipc';
import type { MissedCall } from '../../shared/live';
import {
  missedBurstText,
  missedCallText,
  notificationLocale,
  privateMissedCallText,
} from '../../shared/missed-call-text';
import type { Notification, Notifier, SettingsStore } from './ports';

export const MISSED_RECORD = 'missed-calls';
/** More than this many new missed calls in one poll become one summary notification. */
export const BURST_LIMIT = 3;
export const ANNOUNCED_CAP = 5000;
export const UNREAD_CAP = 500;

interface MissedRecord {
  /** Per agent (server + user, `Login.owner`): what that agent's polls learned. */
  agents: Record<string, AgentMissed>;
}

interface AgentMissed {
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
  /** The signed-in agent's part of the record, if anyone is signed in. */
  private agent: string | undefined;
  /** Announcements waiting for the record that says they were made to reach the disk. */
  private announcing: Promise<void> = Promise.resolve();
  /** The announced ids of each agent's part, as a set. */
  private readonly announcedSets = new Map<string, Set<string>>();

  constructor(
    private readonly store: SettingsStore,
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {
    const saved = store.getRecord<Partial<MissedRecord>>(MISSED_RECORD);
    // A record of an older version (one list for everyone on the profile) is not carried over.
    this.record = { agents: saved?.agents && typeof saved.agents === 'object' ? saved.agents : {} };
  }

  /** Who is signed in (`Login.owner`), or nobody: the unread list is theirs alone. */
  setAgent(agent: string | undefined): void {
    this.agent = agent;
  }

  /** An agent signed out: everything learned for them is removed, on disk too. */
  forget(agent: string): void {
    if (!Object.hasOwn(this.record.agents, agent)) return;
    delete this.record.agents[agent];
    this.announcedSets.delete(agent);
    this.store.setRecord(MISSED_RECORD, this.record);
  }

  /** The signed-in agent's unread missed calls (none while nobody is signed in). */
  get unread(): MissedCall[] {
    return (this.agent === undefined ? undefined : this.record.agents[this.agent])?.unread ?? [];
  }

  /** The part of the agent `who` (server + user + account) belongs to, made when missing. */
  private partOf(who: string): { part: AgentMissed; announced: Set<string> } {
    const agent = who.slice(0, Math.max(0, who.lastIndexOf('|')));
    const part = (this.record.agents[agent] ??= { baselined: [], announced: [], unread: [], lines: {} });
    let announced = this.announcedSets.get(agent);
    if (!announced) this.announcedSets.set(agent, (announced = new Set(part.announced)));
    return { part, announced };
  }

  /** True once a first complete poll for `who` (server + user + account) set what is old news. */
  hasBaseline(who: string): boolean {
    return this.partOf(who).part.baselined.includes(who);
  }

  /**
   * Looks at one poll's sessions for `who` (server + user + account). Answers true when the
   * unread list changed. The first look for an account only records a baseline: those calls are
   * not news. Calls on lines the agent narrowed away (`settings.endpointIds`) are never news, and
   * the first look after the lines change is a new baseline: widening announces no old calls.
   */
  observe(who: string, sessions: Iterable<SessionInfo>, settings: Settings): boolean {
    const { part, announced } = this.partOf(who);
    const fresh: SessionInfo[] = [];
    const lines = settings.endpointIds.length ? new Set(settings.endpointIds) : undefined;
    let seen = false;
    for (const session of sessions) {
      if (session.wasMissed !== true || session.id === undefined || announced.has(session.id)) continue;
      // A chat or fax nobody took is not a missed call (no channel, or one we do not know: a call).
      if (!isCall(session)) continue;
      announced.add(session.id);
      part.announced.push(session.id);
      seen = true;
      if (!lines || lines.has(session.endpointId ?? '')) fresh.push(session);
    }
    const linesKey = [...settings.endpointIds].sort().join(',');
    const linesChanged = (part.lines[who] ?? linesKey) !== linesKey;
    part.lines[who] = linesKey;
    const baseline = !part.baselined.includes(who) || linesChanged;
    if (!part.baselined.includes(who)) part.baselined.push(who);
    if (!baseline && fresh.length) part.unread.push(...fresh.map(missedCall));
    if (!baseline && !fresh.length) {
      if (seen) this.save(part, announced);
      return false;
    }
    this.save(part, announced);
    if (baseline || !settings.notifyMissedCalls || settings.doNotDisturb) return !baseline;
    const due = announcements(fresh, this.now(), notificationLocale(settings.language), settings.privateNotifications);
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

  /** Marks these (or all) of the signed-in agent's missed calls seen; answers true when the unread list changed. */
  markSeen(sessionIds?: readonly string[]): boolean {
    const part = this.agent === undefined ? undefined : this.record.agents[this.agent];
    if (!part) return false;
    const before = part.unread.length;
    const seen = sessionIds ? new Set(sessionIds) : undefined;
    part.unread = seen ? part.unread.filter((m) => !seen.has(m.sessionId)) : [];
    if (part.unread.length === before) return false;
    this.save(part);
    return true;
  }

  private save(part: AgentMissed, announced?: Set<string>): void {
    if (part.announced.length > ANNOUNCED_CAP) {
      for (const id of part.announced.splice(0, part.announced.length - ANNOUNCED_CAP)) announced?.delete(id);
    }
    if (part.unread.length > UNREAD_CAP) part.unread.splice(0, part.unread.length - UNREAD_CAP);
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

/**
 * The notifications for one poll's newly missed calls, in the console's language (`locale`).
 * Private ones carry the line only: no name or number in the text, nor for a "Copy number" action.
 */
function announcements(fresh: readonly SessionInfo[], now: number, locale: string, hidden: boolean): Notification[] {
  if (fresh.length > BURST_LIMIT) return [missedBurstText(fresh.length, locale)];
  return fresh.map((session) => {
    const call = missedCall(session);
    if (hidden) return { ...privateMissedCallText(call, now, locale), sessionId: call.sessionId };
    return { ...missedCallText(call, now, locale), sessionId: call.sessionId, missedCall: call };
  });
}
