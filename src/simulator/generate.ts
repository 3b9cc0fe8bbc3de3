// Makes calls, voicemail, forms and text conversations that look like a real call centre's.
import type { ConversationInfo, FileInfo, HostedSuiteCompletedForm, SessionInfo } from '../shared/evovoice';
import { answer, avatarOf, end, hold, log, miss } from './calls';
import {
  accountName,
  type Agent,
  AGENTS,
  CALLER_FIRST,
  CALLER_LAST,
  CALLER_PREFIXES,
  customersOf,
  FORM_NAMES,
  JSON_NOTES,
  type Line,
  LINES,
  linesOf,
  NOTES,
  TRANSCRIPTS,
} from './catalog';
import type { Random } from './random';
import type { SessionStore } from './store';

export type NewSession = SessionInfo & { id: string };

/** Whose voicemail box a missed call lands in: one agent per line, picked from the line id. */
function voicemailBoxOf(s: SessionInfo): Agent {
  const id = s.endpointId ?? '';
  let sum = 0;
  for (const ch of id) sum += ch.charCodeAt(0);
  return AGENTS[sum % AGENTS.length] as Agent;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class CallFactory {
  constructor(
    private readonly rng: Random,
    private readonly store: SessionStore,
  ) {}

  caller(): { name: string; number: string } {
    const name = `${this.rng.pick(CALLER_FIRST)} ${this.rng.pick(CALLER_LAST)}`;
    const prefix = this.rng.pick(CALLER_PREFIXES);
    return { name, number: `${prefix}${this.rng.digits((prefix.startsWith('+44') ? 13 : 12) - prefix.length)}` };
  }

  agent(): Agent {
    return this.rng.pick(AGENTS);
  }

  /** A line of `accountId`; an account the catalog does not know borrows a line's name and number. */
  line(accountId?: string): Line {
    const own = accountId === undefined ? LINES : linesOf(accountId);
    if (own.length > 0) return this.rng.pick(own);
    const line = this.rng.pick(LINES);
    return { ...line, id: `${line.id}-${String(accountId)}`, accountId: String(accountId) };
  }

  note(): string {
    return this.rng.chance(0.35) ? this.rng.pick(JSON_NOTES) : this.rng.pick(NOTES);
  }

  /** A call that starts ringing at `at`: a customer calling a line, or an agent calling out. */
  ringing(at: string, line: Line, direction: 'Incoming' | 'Outgoing' = 'Incoming'): NewSession {
    const caller = this.caller();
    const known = customersOf(line.accountId);
    const customer =
      known.length > 0 ? this.rng.pick(known) : { id: `cust-${line.accountId}`, name: accountName(line.accountId) };
    const incoming = direction === 'Incoming';
    const agent = incoming ? undefined : this.agent();
    const s: NewSession = {
      id: this.store.nextId('sess'),
      dialState: 'Active',
      callState: 'Ringing',
      queueState: incoming ? 'Queued' : 'None',
      accountId: line.accountId,
      accountName: accountName(line.accountId),
      customerId: customer.id,
      customerBreadcrumb: [{ id: customer.id, name: customer.name }],
      customerName: customer.name,
      endpointId: line.id,
      endpointName: line.name,
      destination: incoming ? line.number : caller.number,
      toAddress: incoming ? line.number : caller.number,
      fromAddress: incoming ? caller.number : line.number,
      fromName: incoming ? caller.name : line.name,
      channel: 'Voice',
      ended: false,
      callSid: `CA${this.rng.hex(32)}`,
      holdReason: 'None',
      conferenceSid: `CF${this.rng.hex(32)}`,
      displayName: caller.name,
      log: [],
      members: [
        {
          identity: caller.number,
          displayName: caller.name,
          isOriginalMember: incoming,
          callState: incoming ? 'Connected' : 'Ringing',
          role: 'Caller',
          callSid: `CA${this.rng.hex(32)}`,
          muted: false,
        },
      ],
      callbackNumber: caller.number,
      direction,
      wasMissed: false,
      dateCreated: at,
      dateLastModified: at,
      createdBy: agent?.userId ?? 'system',
    };
    s.mostRecentParticipantCallSid = s.members?.[0]?.callSid;
    if (incoming) s.fromPhoneNumber = caller.number;
    if (incoming) {
      s.ringQueueId = line.ringQueueId;
      log(s, at, `Incoming call from ${caller.number} to ${line.name}`);
      log(s, at, `Queued on ${line.name}, ringing agents`);
    } else if (agent !== undefined) {
      s.answeredByName = agent.name;
      s.answeredById = agent.endpointId;
      s.members?.unshift({
        identity: agent.endpointId,
        endpointId: agent.endpointId,
        displayName: agent.name,
        isOriginalMember: true,
        avatarUrl: avatarOf(agent),
        callState: 'Connected',
        role: 'Agent',
        muted: false,
      });
      log(s, at, `${agent.name} is calling ${caller.name} at ${caller.number}`);
    }
    return s;
  }

  voicemailFor(s: SessionInfo, at: string): FileInfo {
    const duration = this.rng.int(6, 75);
    const recordingSid = `RE${this.rng.hex(32)}`;
    const transcription = this.rng.pick(TRANSCRIPTS);
    const box = voicemailBoxOf(s);
    return {
      id: this.store.nextId('file'),
      type: 'VoiceMessage',
      accountId: s.accountId,
      accountName: s.accountName,
      customerId: s.customerId,
      customerName: s.customerName,
      customerBreadcrumb: s.customerBreadcrumb,
      userId: box.userId,
      userName: box.name,
      fileName: `voicemail-${s.id}.wav`,
      // A path on the simulator itself; GET /portal/home answers it as an absolute URL.
      uri: `/files/voicemail/${s.id}.wav`,
      contentType: 'audio/wav',
      contentLength: duration * 8000,
      recordingSid,
      recordingDuration: duration,
      recordingFrom: s.fromAddress,
      transcription,
      aiTranscription: `Summary: ${transcription}`,
      fromAddress: s.fromAddress,
      toAddress: s.toAddress,
      dateCreated: at,
      dateLastModified: at,
      createdBy: 'system',
      lastModifiedBy: 'system',
    };
  }

  formFor(s: SessionInfo, at: string): HostedSuiteCompletedForm {
    const formName = this.rng.pick(FORM_NAMES);
    return {
      id: this.store.nextId('form'),
      name: `${formName}: ${s.displayName ?? s.fromAddress ?? ''}`,
      dateCreated: s.dateCreated,
      dateCompleted: at,
      formId: `form-${formName.toLowerCase().replace(/\W+/g, '-')}`,
      formName,
      clientId: s.customerId,
      clientName: s.customerName,
      contactId: `contact-${s.id}`,
      contactName: s.displayName,
      contactsIds: [`contact-${s.id}`],
      contactsNames: s.displayName === undefined ? [] : [s.displayName],
      emailSubject: `${formName} for ${s.displayName ?? 'caller'}`,
      callerNumber: s.fromAddress,
      fields: [
        { name: 'Reason for call', values: [this.rng.pick(NOTES)] },
        { name: 'Follow-up needed', values: [this.rng.chance(0.5) ? 'Yes' : 'No'] },
      ],
    };
  }

  conversation(at: string): ConversationInfo {
    const line = this.line();
    const caller = this.caller();
    const incoming = this.rng.chance(0.7);
    return {
      id: this.store.nextId('conv'),
      endpointId: line.id,
      otherAddress: caller.number,
      mostRecentMessage: {
        id: this.store.nextId('msg'),
        accountId: line.accountId,
        customerId: customersOf(line.accountId)[0]?.id,
        endpointId: line.id,
        endpointDisplayName: line.name,
        date: at,
        direction: incoming ? 'Incoming' : 'Outgoing',
        otherAddress: caller.number,
        sender: incoming ? caller.name : this.agent().name,
        text: incoming ? this.rng.pick(TRANSCRIPTS) : 'Thanks, we will call you back shortly.',
        isUnread: incoming && this.rng.chance(0.5),
      },
    };
  }

  /** A finished call that started at `start`: answered and completed, or missed. */
  finished(start: number, accountId?: string): NewSession {
    const s = this.ringing(iso(start), this.line(accountId));
    const answeredAt = start + this.rng.int(5, 40) * 1000;
    if (this.rng.chance(0.2)) {
      miss(s, iso(answeredAt));
      if (this.rng.chance(0.5)) this.store.voicemail.push(this.voicemailFor(s, iso(answeredAt + 30_000)));
      return s;
    }
    const agent = this.agent();
    answer(s, agent, iso(answeredAt));
    if (this.rng.chance(0.5)) s.consoleData = this.note();
    const endedAt = answeredAt + this.rng.int(30, 420) * 1000;
    end(s, iso(endedAt), 'Completed', this.rng.chance(0.5) ? 'Caller hung up' : `${agent.name} ended the call`);
    if (this.rng.chance(0.3)) this.store.forms.push(this.formFor(s, iso(endedAt + 60_000)));
    return s;
  }

  /** A live session in a random state, created within the last 10 minutes (bulk loads). */
  anyState(now: number, accountId?: string): NewSession {
    const start = now - this.rng.int(30, 600) * 1000;
    const s = this.ringing(iso(start), this.line(accountId));
    const roll = this.rng.next();
    if (roll < 0.2) return s;
    const at = iso(start + this.rng.int(5, 25) * 1000);
    if (roll < 0.3) {
      miss(s, at);
      return s;
    }
    const agent = this.agent();
    answer(s, agent, at);
    if (this.rng.chance(0.4)) s.consoleData = this.note();
    if (roll < 0.45) hold(s, { userId: agent.userId, displayName: agent.name }, 'None', at);
    else if (roll < 0.6) end(s, at, 'Completed', 'Caller hung up');
    return s;
  }
}
