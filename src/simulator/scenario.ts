// The live call-centre scenario: calls arrive on every line of both accounts, ring, are answered
// or missed, go on hold and back, get notes, and end; all from the seeded random source.
import type { SessionInfo } from '../shared/evovoice';
import { answer, end, hold, log, miss, resume } from './calls';
import { AGENTS, type Line, LINES } from './catalog';
import { CallFactory } from './generate';
import { Random } from './random';
import type { SessionStore } from './store';
import type { Timeline } from './timeline';

const SECOND = 1000;
const MAX_LIVE_CALLS = 7;
const HISTORY_CALLS = 30;
const ACCOUNT_IDS = [...new Set(LINES.map((l) => l.accountId))];

export class Scenario {
  constructor(
    private readonly rng: Random,
    private readonly store: SessionStore,
    private readonly timeline: Timeline,
    private readonly calls: CallFactory,
  ) {}

  /** Fills the last three hours with history, puts a few calls on the board, and sets it running. */
  start(): void {
    const now = this.timeline.now();
    const starts = Array.from({ length: HISTORY_CALLS }, () => now - this.rng.int(10 * 60, 3 * 3600) * SECOND);
    for (const at of starts.sort((a, b) => a - b)) this.store.add(this.calls.finished(at));
    for (let i = 0; i < 4; i++)
      this.store.conversations.push(this.calls.conversation(this.iso(now - this.rng.int(60, 7200) * SECOND)));
    this.store.archiveDue(now);
    // One call in progress on every account (whichever the agent picks is never empty), and one
    // just ringing anywhere.
    ACCOUNT_IDS.forEach((accountId, i) => this.onTheBoard(now - (150 - 40 * i) * SECOND, this.calls.line(accountId)));
    this.onTheBoard(now - 4 * SECOND, this.calls.line());
    this.chatAndFax(now);
    this.timeline.schedule(now + this.rng.int(3, 8) * SECOND, () => this.arrive());
  }

  /** A call that started before the scenario did: answered a while ago, or still ringing. */
  private onTheBoard(startedAt: number, line: Line): void {
    const s = this.calls.ringing(this.iso(startedAt), line);
    this.store.add(s);
    if (this.timeline.now() - startedAt < 30 * SECOND) {
      this.later(5, 35, s.id, (call) => this.answerOrMiss(call));
      return;
    }
    const agent = this.calls.agent();
    answer(s, agent, this.iso(startedAt + 12 * SECOND));
    this.talk(s, { userId: agent.userId, displayName: agent.name });
  }

  /** A chat in progress and a fax arriving on the first account, drawn from their own seed so the calls stay as they were. */
  private chatAndFax(now: number): void {
    const own = new CallFactory(new Random(0x5eed), this.store);
    const line = LINES[0] as Line;
    const chat = own.ringing(this.iso(now - 90 * SECOND), line);
    chat.channel = 'Chat';
    answer(chat, own.agent(), this.iso(now - 80 * SECOND));
    const fax = own.ringing(this.iso(now - 20 * SECOND), line);
    Object.assign(fax, { channel: 'Fax', callState: 'Connected', queueState: 'None' });
    this.store.add(chat);
    this.store.add(fax);
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  private later(minSeconds: number, maxSeconds: number, id: string, run: (s: SessionInfo) => void): void {
    this.timeline.schedule(this.timeline.now() + this.rng.int(minSeconds, maxSeconds) * SECOND, () => {
      const s = this.store.live.get(id);
      if (s !== undefined && s.ended !== true) run(s);
    });
  }

  private liveCalls(): number {
    let n = 0;
    for (const s of this.store.live.values()) if (s.ended !== true) n++;
    return n;
  }

  private arrive(): void {
    this.timeline.schedule(this.timeline.now() + this.rng.int(4, 14) * SECOND, () => this.arrive());
    if (this.liveCalls() < MAX_LIVE_CALLS) this.ring();
    if (this.rng.chance(0.1)) this.store.conversations.unshift(this.calls.conversation(this.timeline.iso()));
  }

  private ring(): void {
    const outgoing = this.rng.chance(0.15);
    const s = this.calls.ringing(this.timeline.iso(), this.calls.line(), outgoing ? 'Outgoing' : 'Incoming');
    this.store.add(s);
    this.later(5, 35, s.id, (call) => (outgoing ? this.pickUp(call) : this.answerOrMiss(call)));
  }

  private answerOrMiss(s: SessionInfo): void {
    const at = this.timeline.iso();
    if (s.callState !== 'Ringing') return;
    if (this.rng.chance(0.25)) {
      miss(s, at);
      if (this.rng.chance(0.6)) this.store.voicemail.unshift(this.calls.voicemailFor(s, at));
      return;
    }
    const agent = this.calls.agent();
    answer(s, agent, at);
    this.talk(s, { userId: agent.userId, displayName: agent.name });
  }

  private pickUp(s: SessionInfo): void {
    const at = this.timeline.iso();
    const caller = s.members?.find((m) => m.role === 'Caller');
    if (this.rng.chance(0.3) || caller === undefined) {
      end(s, at, 'NoAnswer', 'No answer');
      return;
    }
    caller.callState = 'Connected';
    s.callState = 'Connected';
    log(s, at, `${caller.displayName ?? 'The caller'} picked up`);
    const agent = AGENTS.find((a) => a.endpointId === s.answeredById) ?? this.calls.agent();
    this.talk(s, { userId: agent.userId, displayName: agent.name });
  }

  private talk(s: SessionInfo, agent: { userId: string; displayName: string }): void {
    const id = s.id as string;
    if (this.rng.chance(0.5)) {
      this.later(8, 60, id, (call) => {
        call.consoleData = this.calls.note();
        log(call, this.timeline.iso(), `${agent.displayName}: console data updated`);
      });
    }
    if (this.rng.chance(0.4)) {
      const reason = this.rng.chance(0.2) ? 'Transferring' : 'None';
      this.later(15, 80, id, (call) => {
        if (call.callState !== 'Connected') return;
        hold(call, agent, reason, this.timeline.iso());
        this.later(10, 45, id, (held) => {
          if (held.callState === 'Hold' && held.heldByUserId === agent.userId) resume(held, agent, this.timeline.iso());
        });
      });
    }
    this.later(60, 300, id, (call) => {
      const at = this.timeline.iso();
      end(call, at, 'Completed', this.rng.chance(0.5) ? 'Caller hung up' : `${agent.displayName} ended the call`);
      if (this.rng.chance(0.3)) this.store.forms.unshift(this.calls.formFor(call, at));
    });
  }
}
