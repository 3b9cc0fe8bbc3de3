// A poll reuses the sessions it already checked when the server sent them unchanged, and still
// checks (and cleans) every session that changed: the saving must never let bad data through.
import { describe, expect, it } from 'vitest';

import { LiveBoard } from '../../src/main/core/live-board';
import type { SessionInfo } from '../../src/shared/evovoice';
import { parseSessionList } from '../../src/shared/wire';

const wire = (items: object[]) => JSON.parse(JSON.stringify({ items })) as unknown;
const call = (id: string, extra: object = {}) => ({
  id,
  callState: 'Connected',
  fromAddress: '+15550100',
  log: [{ date: '2026-11-23T09:00:00Z', message: 'Answered' }],
  members: [{ displayName: 'Caller', role: 'Caller', applicationData: { a: 'b' } }],
  ...extra,
});

function poll(board: LiveBoard, items: object[]) {
  const parsed = parseSessionList(wire(items), board.known);
  return { parsed, patch: board.update({ sessions: parsed.value.items as SessionInfo[] }) };
}

describe('reusing unchanged sessions across polls', () => {
  it('keeps the same objects for an unchanged poll and publishes nothing', () => {
    const board = new LiveBoard();
    poll(board, [call('a'), call('b')]);
    const before = board.snapshot().sessions;
    const { parsed, patch } = poll(board, [call('a'), call('b')]);
    expect(patch).toBeUndefined();
    expect(parsed.value.items?.[0]).toBe(before[0]);
    expect(parsed.value.items?.[1]).toBe(before[1]);
  });

  it('still checks a changed session: a wrong-typed field is dropped and reported', () => {
    const board = new LiveBoard();
    poll(board, [call('a'), call('b')]);
    const { parsed, patch } = poll(board, [call('a'), call('b', { ended: 'yes', consoleData: 'note' })]);
    expect(parsed.dropped).toEqual(['items[1].ended']);
    expect(board.snapshot().sessions[1]).not.toHaveProperty('ended');
    expect(patch?.sessions?.changed).toEqual([{ id: 'b', set: { consoleData: 'note' } }]);
  });

  it('sees a change deep in a nested list', () => {
    const board = new LiveBoard();
    poll(board, [call('a')]);
    const changedMembers = [{ displayName: 'Caller', role: 'Caller', applicationData: { a: 'c' } }];
    const { patch } = poll(board, [call('a', { members: changedMembers })]);
    expect(patch?.sessions?.changed[0]?.set).toEqual({ members: changedMembers });
  });

  it('does not reuse a session whose field turned null (it is removed, not kept)', () => {
    const board = new LiveBoard();
    poll(board, [call('a', { consoleData: 'x' })]);
    const { patch } = poll(board, [call('a', { consoleData: null })]);
    expect(patch?.sessions?.changed).toEqual([{ id: 'a', set: {}, unset: ['consoleData'] }]);
  });
});
