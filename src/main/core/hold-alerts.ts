// Reminders of callers left on hold: from the hold start the board gives each held call (the one
// hold time the console shows, hold-starts.ts), a reminder after the configured time and again
// every as long for the agent's own held calls, on the core's clock. One reminder names every
// overdue hold ("3 callers on hold, longest 4 min 12 s"), and no more than one comes per period.
// With private notifications on, a reminder names the line, never the caller or the number.
import { type Agent, callerOf, isMine } from '../../shared/agent-call';
import type { BoardSession } from '../../shared/live';
import type { Clock, Notifier } from './ports';

const words = {
  en: {
    title: 'Caller on hold for {time}',
    on: '{who} on {line}',
    act: '{call}: open the call to take it off hold',
    many: '{count} callers on hold, longest {time}',
    manyAct: '{calls}: open a call to take it off hold',
    more: 'and {count} more',
    caller: 'A caller',
    manyPrivate: 'Open a call to take it off hold',
  },
  es: {
    title: 'Llamada en espera desde hace {time}',
    on: '{who} en {line}',
    act: '{call}: abra la llamada para retomarla',
    many: '{count} llamadas en espera, la más larga {time}',
    manyAct: '{calls}: abra una llamada para retomarla',
    more: 'y {count} más',
    caller: 'Una llamada',
    manyPrivate: 'Abra una llamada para retomarla',
  },
};
/** Callers a reminder names before "and N more". */
const NAMED = 4;

export interface HoldAlertsOptions {
  clock: Clock;
  notifier: Notifier;
  /** Seconds on hold before the first reminder and between reminders; 0 = off. */
  seconds: () => number;
  /** The signed-in agent: only their own held calls raise reminders. */
  agent: () => Agent | undefined;
  locale: () => string;
  /** Private notifications (setting or policy): name the line, never the caller or the number. */
  privateText: () => boolean;
  /** The held-since times changed: publish the state (rows and tray show the timers). */
  onChange: () => void;
}

interface Held {
  since: number;
  /** Reminders raised so far for this hold. */
  reminded: number;
  session: BoardSession;
}

/** "1 min", "2 min 30 s", "1 h 5 min" (short, for a notification title). */
export function holdDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h} h${m ? ` ${m} min` : ''}`;
  if (m) return `${m} min${s ? ` ${s} s` : ''}`;
  return `${s} s`;
}

export class HoldAlerts {
  private readonly held = new Map<string, Held>();
  private timer: unknown;
  /** When the last reminder was raised: the next waits a whole period. */
  private lastReminder = -Infinity;

  constructor(private readonly options: HoldAlertsOptions) {}

  /** The call on hold longest, by id, with the ISO time its hold started (ConsoleState.heldSince). */
  heldSince(): Record<string, string> {
    let longest: [string, Held] | undefined;
    for (const entry of this.held) if (!longest || entry[1].since < longest[1].since) longest = entry;
    return longest ? { [longest[0]]: new Date(longest[1].since).toISOString() } : {};
  }

  /** The board changed: time new holds from their start on the board, forget calls taken off hold or ended. */
  review(sessions: readonly BoardSession[]): void {
    const now = this.options.clock.now();
    const longest = JSON.stringify(this.heldSince());
    const seen = new Set<string>();
    let changed = false;
    for (const session of sessions) {
      if (!session.id || session.ended || session.callState !== 'Hold' || !session.heldSince) continue;
      const since = Date.parse(session.heldSince);
      if (!Number.isFinite(since)) continue;
      seen.add(session.id);
      const known = this.held.get(session.id);
      if (known?.since === since) {
        known.session = session;
        continue;
      }
      // Already held long enough at first sight: the first reminder waits for the next period.
      const period = this.periodMs();
      const reminded = period > 0 ? Math.floor((now - since) / period) : 0;
      this.held.set(session.id, { since, reminded, session });
      changed = true;
    }
    for (const id of this.held.keys()) {
      if (!seen.has(id)) {
        this.held.delete(id);
        changed = true;
      }
    }
    if (!changed) return;
    this.schedule();
    // The state carries only the longest hold (the tray's tooltip): republish when that moved.
    if (JSON.stringify(this.heldSince()) !== longest) this.options.onChange();
  }

  /** The setting changed (or the agent signed in): reminders follow the new period. */
  reschedule(): void {
    this.schedule();
  }

  /** Sign-out, other account, stop: no timers, no reminders. */
  clear(): void {
    const had = this.held.size > 0;
    this.held.clear();
    this.cancel();
    if (had) this.options.onChange();
  }

  stop(): void {
    this.cancel();
  }

  private periodMs(): number {
    return Math.max(0, this.options.seconds()) * 1000;
  }

  private cancel(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    const period = this.periodMs();
    if (!period || this.held.size === 0) return;
    const now = this.options.clock.now();
    const due = Math.min(...[...this.held.values()].map((h) => h.since + period * (h.reminded + 1)));
    const next = Math.max(due, this.lastReminder + period);
    this.timer = this.options.clock.setTimeout(() => this.remind(), Math.max(0, next - now));
  }

  private remind(): void {
    this.timer = undefined;
    const period = this.periodMs();
    if (!period) return;
    const now = this.options.clock.now();
    const agent = this.options.agent();
    let overdue = false;
    for (const held of this.held.values()) {
      const due = Math.floor((now - held.since) / period);
      if (due <= held.reminded) continue;
      held.reminded = due;
      if (isMine(held.session, agent)) overdue = true;
    }
    // Every hold of the agent's that is past the reminder time, longest first, in one reminder.
    const mine = overdue ? [...this.held].filter(([, h]) => isMine(h.session, agent) && now - h.since >= period) : [];
    if (mine.length) {
      mine.sort((a, b) => a[1].since - b[1].since);
      this.options.notifier.show(this.text(mine, now));
      this.lastReminder = now;
    }
    this.schedule();
  }

  private text(holds: [string, Held][], now: number) {
    const w = this.options.locale().toLowerCase().startsWith('es') ? words.es : words.en;
    const fill = (text: string, params: Record<string, string>) =>
      text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
    const [sessionId, longest] = holds[0] as [string, Held];
    const time = holdDuration(now - longest.since);
    const hidden = this.options.privateText();
    if (holds.length === 1) {
      const who = hidden ? w.caller : callerOf(longest.session);
      const line = longest.session.endpointName ?? longest.session.toAddress;
      return {
        title: fill(w.title, { time }),
        body: fill(w.act, { call: line ? fill(w.on, { who, line }) : who }),
        sessionId,
        onHold: true,
      };
    }
    const named = holds.slice(0, NAMED).map(([, h]) => callerOf(h.session));
    if (holds.length > NAMED) named.push(fill(w.more, { count: String(holds.length - NAMED) }));
    return {
      title: fill(w.many, { count: String(holds.length), time }),
      body: hidden ? w.manyPrivate : fill(w.manyAct, { calls: named.join(', ') }),
      sessionId,
      onHold: true,
    };
  }
}
