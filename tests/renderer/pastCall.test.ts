// Past calls as Activity and History show them, and agreement with the sessions feed.
import { describe, expect, it } from 'vitest';

import { pastCall } from '../../src/renderer/src/lib/pastCall';
import type { SessionInfo } from '../../src/shared/evovoice';

const call = (fields: Partial<SessionInfo>): SessionInfo => ({
  id: 'c1',
  dateCreated: '2026-11-23T09:00:00.000Z',
  ...fields,
});

describe('pastCall', () => {
  it('direction, duration from dateCreated to dateCompleted, who answered, the outcome', () => {
    const view = pastCall(
      call({ direction: 'Incoming', dateCompleted: '2026-11-23T09:04:05.000Z', ended: true, answeredByName: 'Ann' }),
    );
    expect(view).toEqual({
      direction: 'Inbound',
      duration: '4:05',
      durationMs: 245_000,
      answeredBy: 'Ann',
      outcome: 'Answered',
      outcomeKind: 'answered',
      missed: false,
    });
    expect(pastCall(call({ direction: 'Outgoing', ended: true, outcome: 'Voicemail' }))).toMatchObject({
      direction: 'Outbound',
      duration: '',
      durationMs: undefined,
      outcome: 'Voicemail',
      outcomeKind: 'server',
    });
    expect(pastCall(call({ direction: 'Transferred' })).direction, 'a direction this build does not know').toBe(
      'Transferred',
    );
  });

  it('a call the sessions feed already counts as missed reads Missed, not In progress', () => {
    const stale = call({ ended: false });
    expect(pastCall(stale, { live: new Set(['c1']) }).outcome).toBe('In progress');
    expect(pastCall(stale, { missed: new Set(['c1']), live: new Set() })).toMatchObject({
      outcome: 'Missed',
      outcomeKind: 'missed',
      missed: true,
    });
  });

  it('a call gone from the live board has ended, even before the slower feed says so', () => {
    expect(pastCall(call({ ended: false }), { live: new Set(['other']) }).outcome).toBe('Ended');
    expect(pastCall(call({ ended: false }), {}).outcome, 'board not loaded: no guess').toBe('In progress');
  });
});
