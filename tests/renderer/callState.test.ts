// How a session reads on the board: state precedence, optimistic holds, unknown names kept.
import { describe, expect, it } from 'vitest';

import {
  BOARD_STATES,
  boardState,
  callerName,
  callerNumber,
  canHold,
  lineName,
  searchText,
  stateLabel,
} from '../../src/renderer/src/lib/callState';

describe('boardState', () => {
  it('puts hold and connected before the queue state, and queued before ringing', () => {
    expect(boardState({ callState: 'Hold', queueState: 'Queued' })).toBe('hold');
    expect(boardState({ callState: 'Connected', queueState: 'Queued' })).toBe('connected');
    expect(boardState({ callState: 'Ringing', queueState: 'Queued' })).toBe('queued');
    expect(boardState({ callState: 'Ringing', queueState: 'None' })).toBe('ringing');
  });

  it('shows a pending hold or resume at once', () => {
    expect(boardState({ callState: 'Connected' }, 'pending-hold')).toBe('hold');
    expect(boardState({ callState: 'Hold' }, 'pending-resume')).toBe('connected');
  });

  it('keeps a state name this build does not know', () => {
    const s = { callState: 'Parked' };
    expect(boardState(s)).toBe('other');
    expect(stateLabel(s, 'other')).toBe('Parked');
    expect(canHold('other')).toBe(false);
  });

  it('names the caller from the best field present', () => {
    expect(callerName({ fromName: '', displayName: 'Dee' })).toBe('Dee');
    expect(callerName({})).toBe('Unknown caller');
  });
});

describe('fallbacks in the shown language', () => {
  it('names an unknown caller and a state in Spanish, English by default', () => {
    expect(callerName({}, 'es')).toBe('Llamante desconocido');
    expect(callerName({})).toBe('Unknown caller');
    expect(stateLabel({ callState: 'Hold' }, 'hold', 'es')).toBe('En espera');
    expect(stateLabel({}, 'other', 'es')).toBe('Desconocido');
  });
});

describe('labels, holdability, numbers and the line', () => {
  it('words each known state in English by default', () => {
    expect(stateLabel({}, 'ringing')).toBe('Ringing');
    expect(stateLabel({}, 'connected')).toBe('Connected');
    expect(stateLabel({}, 'hold')).toBe('On hold');
    expect(stateLabel({}, 'queued')).toBe('Queued');
  });

  it('holds only a connected call or resumes a held one', () => {
    expect(BOARD_STATES.filter(canHold)).toEqual(['connected', 'hold']);
  });

  it('shows the other party’s number: the caller’s on an incoming call, the called number on an outgoing one', () => {
    expect(callerNumber({ direction: 'Incoming', fromAddress: '+15550001', toAddress: '+15559999' })).toBe('+15550001');
    expect(callerNumber({ direction: 'Outgoing', fromAddress: '+15559999', toAddress: '+15550002' })).toBe('+15550002');
    expect(callerNumber({ direction: 'Incoming', fromPhoneNumber: '+15550003' })).toBe('+15550003');
    expect(callerNumber({ direction: 'Outgoing', fromPhoneNumber: '+15550003' })).toBe('+15550003');
    expect(callerNumber({})).toBe('');
  });

  it('names the line: its endpoint, else our own number on either direction', () => {
    expect(lineName({ endpointName: 'Sales', fromAddress: '+1', toAddress: '+2' })).toBe('Sales');
    expect(lineName({ direction: 'Incoming', fromAddress: '+15550001', toAddress: '+15559999' })).toBe('+15559999');
    expect(lineName({ direction: 'Outgoing', fromAddress: '+15559999', toAddress: '+15550002' })).toBe('+15559999');
    expect(lineName({ endpointName: '' })).toBe('');
    expect(lineName({})).toBe('');
  });

  it('searches the caller, the number, the line and the account, lower-cased', () => {
    const s = {
      fromName: 'Ada LOVELACE',
      direction: 'Incoming',
      fromAddress: '+15550001',
      endpointName: 'Sales Line',
      accountName: 'ACME',
    };
    expect(searchText(s)).toBe('ada lovelace +15550001 sales line acme');
    expect(searchText({})).toBe('unknown caller   ');
  });
});
