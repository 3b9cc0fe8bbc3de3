// The core's subscribers: every event reaches every listener, in the order they subscribed; one
// that throws is logged and the others still get the event; unsubscribing ends it; `any` says
// whether anybody listens.
import { describe, expect, it } from 'vitest';

import type { CoreEvent } from '../../src/main/core/console';
import { Subscribers } from '../../src/main/core/subscribers';
import { RecordingLogger } from './ports';

const event: CoreEvent = { type: 'patch', patch: { version: 1 }, rows: { version: 1 } };

describe('Subscribers', () => {
  it('every listener gets every event; one that throws is logged and keeps nothing from the others', () => {
    const log = new RecordingLogger();
    const subscribers = new Subscribers(log);
    const got: string[] = [];
    subscribers.add(() => got.push('first'));
    subscribers.add(() => {
      throw new Error('bridge gone');
    });
    subscribers.add(() => got.push('third'));
    subscribers.emit(event);
    subscribers.emit(event);
    expect(got).toEqual(['first', 'third', 'first', 'third']);
    expect(log.lines).toEqual([
      'error A subscriber failed {"error":"Error: bridge gone"}',
      'error A subscriber failed {"error":"Error: bridge gone"}',
    ]);
  });

  it('unsubscribing ends the events; `any` says whether anybody listens', () => {
    const subscribers = new Subscribers(new RecordingLogger());
    expect(subscribers.any).toBe(false);
    const got: CoreEvent[] = [];
    const stop = subscribers.add((e) => got.push(e));
    expect(subscribers.any).toBe(true);
    subscribers.emit(event);
    stop();
    subscribers.emit(event);
    expect(got).toEqual([event]);
    expect(subscribers.any).toBe(false);
  });
});
