// Past calls as Activity and History show them, and agreement with the sessions feed.
import { describe, expect, it } from 'vitest';

import { pastCall, recordingOf } from '../../src/renderer/src/lib/pastCall';
import type { FileInfo, SessionInfo } from '../../src/shared/evovoice';

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

describe('pastCall without every field', () => {
  it('has no duration when the start is unknown, and no direction when none is sent', () => {
    const view = pastCall({ id: 'c2', dateCompleted: '2026-11-23T09:04:05.000Z', ended: true });
    expect(view.durationMs).toBeUndefined();
    expect(view.duration).toBe('');
    expect(view.direction).toBe('');
  });

  it('reads a call the server marks missed as missed, with no one answering, whatever the feed knows', () => {
    expect(pastCall(call({ wasMissed: true, ended: true, answeredByName: 'Ann' }))).toMatchObject({
      missed: true,
      outcome: 'Missed',
      answeredBy: undefined,
    });
    expect(pastCall(call({ wasMissed: false, ended: true }))).toMatchObject({ missed: false, outcome: 'Ended' });
  });
});

describe('recordingOf', () => {
  const incoming = call({ fromAddress: '+15550001', dateCreated: '2026-11-23T09:00:00.000Z' });
  const vm = (fromAddress: string | undefined, dateCreated: string | undefined): FileInfo => ({
    id: `${fromAddress}@${dateCreated}`,
    fromAddress,
    dateCreated,
  });

  it('finds the voicemail from the caller’s number left during the call or within the hour after', () => {
    const atStart = vm('+15550001', '2026-11-23T09:00:00.000Z');
    const lastMinute = vm('+15550001', '2026-11-23T10:00:00.000Z');
    expect(recordingOf(incoming, [atStart])).toBe(atStart);
    expect(recordingOf(incoming, [lastMinute])).toBe(lastMinute);
    const list = [
      vm('+15550002', '2026-11-23T09:01:00.000Z'),
      vm('+15550001', '2026-11-23T08:59:59.000Z'),
      vm('+15550001', '2026-11-23T10:00:01.000Z'),
      vm('+15550001', undefined),
      vm('+15550001', '2026-11-23T09:30:00.000Z'),
    ];
    expect(recordingOf(incoming, list)).toBe(list[4]);
  });

  it('finds none from another number, before the call, over an hour later, or undated', () => {
    expect(recordingOf(incoming, [vm('+15550002', '2026-11-23T09:01:00.000Z')])).toBeUndefined();
    expect(recordingOf(incoming, [vm('+15550001', '2026-11-23T08:59:59.000Z')])).toBeUndefined();
    expect(recordingOf(incoming, [vm('+15550001', '2026-11-23T10:00:01.000Z')])).toBeUndefined();
    expect(recordingOf(incoming, [vm('+15550001', undefined)])).toBeUndefined();
    expect(recordingOf(incoming, [])).toBeUndefined();
    expect(recordingOf(incoming, undefined)).toBeUndefined();
  });

  it('finds none for a call with no number or no start', () => {
    const left = [vm('+15550001', '2026-11-23T09:01:00.000Z'), vm(undefined, '2026-11-23T09:01:00.000Z')];
    expect(recordingOf({ ...incoming, fromAddress: undefined }, left)).toBeUndefined();
    expect(recordingOf({ ...incoming, fromAddress: '' }, left)).toBeUndefined();
    expect(recordingOf({ ...incoming, dateCreated: undefined }, left)).toBeUndefined();
  });
});
