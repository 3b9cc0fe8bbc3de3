// Which live call is the agent's own: the row's `mine` mark, else the rule (held by them, answered by
// them, or an Agent member who is them), never by an empty id or name; the most recent of several,
// the first listed on a tie; and the caller named in a few words.
import { describe, expect, it } from 'vitest';

import { agentCalls, callerOf, isAgentsCall, isMine } from '../../src/shared/agent-call';
import type { SessionInfo } from '../../src/shared/evovoice';
import type { BoardFacts } from '../../src/shared/live';

const agent = { userId: 'user-demo', displayName: 'Demo Agent' };
const call = (id: string, fields: SessionInfo & BoardFacts = {}): SessionInfo & BoardFacts => ({
  id,
  callState: 'Connected',
  dateCreated: '2026-11-23T12:00:00Z',
  ...fields,
});

describe('members', () => {
  it('is the agent’s when an Agent member has their display name or their user id, nothing else', () => {
    expect(isAgentsCall(call('a', { members: [{ role: 'Agent', displayName: 'Demo Agent' }] }), agent)).toBe(true);
    expect(
      isAgentsCall(call('b', { members: [{ role: 'Agent', identity: 'someone', displayName: 'Priya' }] }), agent),
    ).toBe(false);
    expect(
      isAgentsCall(call('c', { members: [{ role: 'Agent', identity: 'user-demo' }] }), { userId: 'user-demo' }),
    ).toBe(true);
    expect(
      isAgentsCall(call('d', { members: [{ role: 'Agent', identity: 'someone' }] }), { userId: 'user-demo' }),
    ).toBe(false);
    expect(
      isAgentsCall(call('e', { members: [{ role: 'Agent', displayName: 'Priya' }] }), { displayName: 'Demo Agent' }),
    ).toBe(false);
    expect(isAgentsCall(call('f', { members: [{ role: 'Agent' }] }), { displayName: 'Demo Agent' })).toBe(false);
    expect(isAgentsCall(call('g', { members: [{ role: 'Agent' }] }), { userId: 'user-demo' })).toBe(false);
  });
});

describe('isMine', () => {
  it('takes the core’s mark on the row, and judges a row without it by the rule', () => {
    expect(isMine(call('a', { mine: true }), undefined)).toBe(true);
    expect(isMine(call('b', { mine: false }), agent)).toBe(false);
    expect(isMine(call('c', { answeredByName: 'Demo Agent' }), agent)).toBe(true);
    expect(isMine(call('d', { answeredByName: 'Demo Agent' }), undefined)).toBe(false);
    expect(isMine(call('e', { heldByUserId: 'user-demo' }), { userId: 'user-demo' })).toBe(true);
  });

  it('never by an empty user id or name', () => {
    const nobody = { userId: '', displayName: '' };
    const blank = call('a', {
      heldByUserId: '',
      answeredByName: '',
      members: [{ role: 'Agent', identity: '', displayName: '' }],
    });
    expect(isMine(blank, nobody)).toBe(false);
    expect(agentCalls([blank], nobody)).toEqual({ count: 0 });
  });
});

describe('agentCalls', () => {
  it('finds the calls of an agent known by user id alone, or by name alone', () => {
    const held = call('h', { callState: 'Hold', heldByUserId: 'user-demo' });
    const answered = call('a', { answeredByName: 'Demo Agent' });
    expect(agentCalls([held], { userId: 'user-demo' })).toEqual({ active: held, count: 1 });
    expect(agentCalls([answered], { displayName: 'Demo Agent' })).toEqual({ active: answered, count: 1 });
  });

  it('takes the most recent wherever it is listed, and the first listed of two at the same time', () => {
    const newest = call('n', { answeredByName: 'Demo Agent', dateCreated: '2026-11-23T12:30:00Z' });
    const older = call('o', { answeredByName: 'Demo Agent', dateCreated: '2026-11-23T12:10:00Z' });
    expect(agentCalls([newest, older], agent)).toEqual({ active: newest, count: 2 });
    const first = call('first', { answeredByName: 'Demo Agent' });
    const second = call('second', { answeredByName: 'Demo Agent' });
    expect(agentCalls([first, second], agent).active?.id).toBe('first');
  });
});

describe('callerOf', () => {
  it('names the caller with the number, else either, else the caller', () => {
    expect(callerOf({ fromName: 'Ada', fromAddress: '+15550100' })).toBe('Ada (+15550100)');
    expect(callerOf({ customerName: 'Acme', callbackNumber: '+15550101' })).toBe('Acme (+15550101)');
    expect(callerOf({ fromName: 'Ada' })).toBe('Ada');
    expect(callerOf({ fromPhoneNumber: '+15550102' })).toBe('+15550102');
    expect(callerOf({})).toBe('the caller');
  });
});
