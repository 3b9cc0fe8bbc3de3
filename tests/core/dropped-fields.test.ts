// Fields the wire parser dropped: one field however many items, polls and endpoints carry it,
// logged once when new (with the paths as sent, at most 20), the agent told once per new field,
// and at most 50 kept for the details while the count goes on.
import { describe, expect, it } from 'vitest';

import { DroppedFields } from '../../src/main/core/dropped-fields';
import { RecordingLogger } from './ports';

function setup() {
  const log = new RecordingLogger();
  let told = 0;
  const dropped = new DroppedFields(log, () => told++);
  return { log, dropped, told: () => told };
}

describe('DroppedFields', () => {
  it('says nothing until something is dropped', () => {
    const { dropped, log, told } = setup();
    dropped.record('/sessions', []);
    expect(dropped.summary).toBeUndefined();
    expect(log.lines).toEqual([]);
    expect(told()).toBe(0);
  });

  it('counts a field once across items, polls and endpoints, naming the endpoint that first sent it', () => {
    const { dropped, log, told } = setup();
    dropped.record('/sessions', ['items[3].callState', 'items[12].callState', 'items[0].to[1].x']);
    expect(dropped.summary).toEqual({
      count: 2,
      fields: ['items[].callState (/sessions)', 'items[].to[].x (/sessions)'],
    });
    expect(told()).toBe(1);
    expect(log.lines).toEqual([
      'warn Evo Voice sent fields of the wrong type or nested too deep; dropped {"path":"/sessions","fields":["items[3].callState","items[12].callState","items[0].to[1].x"]}',
    ]);
    dropped.record('/activity', ['items[7].callState']);
    expect(told()).toBe(1);
    expect(log.lines).toHaveLength(1);
    dropped.record('/activity', ['items[7].callState', 'totalCount']);
    expect(told()).toBe(2);
    expect(dropped.summary?.fields.at(-1)).toBe('totalCount (/activity)');
    expect(dropped.summary?.count).toBe(3);
  });

  it('logs at most 20 paths of one answer, keeps 50 fields, counts them all', () => {
    const { dropped, log } = setup();
    const paths = Array.from({ length: 60 }, (_, i) => `f${i}`);
    dropped.record('/sessions', paths);
    expect(JSON.parse(log.lines[0]?.slice(log.lines[0].indexOf('{')) ?? '{}').fields).toEqual(paths.slice(0, 20));
    expect(dropped.summary?.count).toBe(60);
    expect(dropped.summary?.fields).toHaveLength(50);
    expect(dropped.summary?.fields.at(-1)).toBe('f49 (/sessions)');
  });

  it('answers a copy of the kept fields', () => {
    const { dropped } = setup();
    dropped.record('/sessions', ['a']);
    dropped.summary?.fields.push('b');
    expect(dropped.summary?.fields).toEqual(['a (/sessions)']);
  });
});
