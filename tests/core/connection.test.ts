// The connection line the agent reads, case by case: a change is published only when the status,
// its words or the next retry changed; the last good poll carries over until sign-out; the recent
// errors kept for diagnostics, dated, with the HTTP status, at most twenty.
import { describe, expect, it } from 'vitest';

import { ConnectionStatus } from '../../src/main/core/connection';
import { CoreError } from '../../src/main/core/errors';
import { SteppedClock } from './ports';

const T0 = Date.parse('2026-11-23T12:00:00.000Z');

function connection() {
  const clock = new SteppedClock(T0);
  let changes = 0;
  const status = new ConnectionStatus(clock, () => changes++);
  return { clock, status, changes: () => changes };
}

describe('ConnectionStatus', () => {
  it('starts signed out; publishes a change of status, words or next retry, and nothing else', () => {
    const { status, changes } = connection();
    expect(status.value).toEqual({ status: 'signed-out' });
    status.set({ status: 'online' });
    expect(changes()).toBe(1);
    status.set({ status: 'online' });
    expect(changes()).toBe(1);
    status.set({ status: 'degraded', message: 'Slow' });
    status.set({ status: 'degraded', message: 'Slower' });
    status.set({ status: 'degraded', message: 'Slower', nextRetry: '2026-11-23T12:01:00.000Z' });
    status.set({ status: 'degraded', message: 'Slower', nextRetry: '2026-11-23T12:01:00.000Z' });
    expect(changes()).toBe(4);
    expect(status.value).toEqual({ status: 'degraded', message: 'Slower', nextRetry: '2026-11-23T12:01:00.000Z' });
  });

  it('the last good poll carries over every status until sign-out; the value is a copy', async () => {
    const { clock, status, changes } = connection();
    status.set({ status: 'online' });
    status.markGoodPoll();
    expect(changes()).toBe(1);
    expect(status.value.lastGoodPoll).toBe('2026-11-23T12:00:00.000Z');
    await clock.step(5_000, async () => undefined);
    status.set({ status: 'offline', message: 'Cannot reach evo.example' });
    expect(status.value).toEqual({
      status: 'offline',
      message: 'Cannot reach evo.example',
      lastGoodPoll: '2026-11-23T12:00:00.000Z',
    });
    const copy = status.value;
    copy.status = 'online';
    expect(status.value.status).toBe('offline');
    status.signedOut();
    expect(status.value).toEqual({ status: 'signed-out' });
    expect(changes()).toBe(3);
    status.signedOut();
    expect(changes()).toBe(4);
  });

  it('keeps the last twenty errors, dated, with the HTTP status when the server answered', () => {
    const { status } = connection();
    status.remember(new CoreError('server', 'evo.example is having trouble', { status: 503 }));
    status.remember(new CoreError('network', 'Cannot reach evo.example'));
    expect(status.recentErrors).toEqual([
      '2026-11-23T12:00:00.000Z server 503: evo.example is having trouble',
      '2026-11-23T12:00:00.000Z network: Cannot reach evo.example',
    ]);
    for (let i = 1; i < 19; i++) status.remember(new CoreError('timeout', `try ${i}`));
    expect(status.recentErrors).toHaveLength(20);
    expect(status.recentErrors[0]).toBe('2026-11-23T12:00:00.000Z server 503: evo.example is having trouble');
    status.remember(new CoreError('timeout', 'try 19'));
    expect(status.recentErrors).toHaveLength(20);
    expect(status.recentErrors[0]).toBe('2026-11-23T12:00:00.000Z network: Cannot reach evo.example');
    expect(status.recentErrors[19]).toBe('2026-11-23T12:00:00.000Z timeout: try 19');
  });
});
