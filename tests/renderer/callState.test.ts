// How a session reads on the board: state precedence, optimistic holds, unknown names kept.
import { describe, expect, it } from 'vitest';

import { boardState, callerName, canHold, stateLabel } from '../../src/renderer/src/lib/callState';

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
