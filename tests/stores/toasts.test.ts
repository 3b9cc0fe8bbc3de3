// The page's toast store, compiled as the page compiles it: newest five kept, each gone after its
// lifetime (errors twice as long), dismissed by id.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { toasts } from '../../src/renderer/src/state/toasts.svelte';

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    toasts.items = [];
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the newest five and removes each after its lifetime', () => {
    for (let i = 1; i <= 7; i++) toasts.show({ title: `t${i}`, kind: 'info' });
    expect(toasts.items.map((t) => t.title)).toEqual(['t3', 't4', 't5', 't6', 't7']);
    vi.advanceTimersByTime(8000);
    expect(toasts.items).toEqual([]);
  });

  it('keeps an error twice as long as an info', () => {
    toasts.show({ title: 'info', kind: 'info' });
    toasts.show({ title: 'error', kind: 'error' });
    vi.advanceTimersByTime(8000);
    expect(toasts.items.map((t) => t.title)).toEqual(['error']);
    vi.advanceTimersByTime(8000);
    expect(toasts.items).toEqual([]);
  });

  it('dismisses by id only', () => {
    toasts.show({ title: 'a', kind: 'info' });
    toasts.show({ title: 'b', kind: 'info' });
    toasts.dismiss(toasts.items[0]!.id);
    expect(toasts.items.map((t) => t.title)).toEqual(['b']);
  });

  it('keeps a notification until it is dismissed, unless it has its own lifetime', () => {
    toasts.show({ title: 'missed', kind: 'notification', sessionId: 's1' });
    toasts.show({ title: 'undo', kind: 'info', lifetimeMs: 5000 });
    toasts.show({ title: 'reminder', kind: 'notification', sessionId: 's2', lifetimeMs: 3000 });
    vi.advanceTimersByTime(2999);
    expect(toasts.items.map((t) => t.title)).toEqual(['missed', 'undo', 'reminder']);
    vi.advanceTimersByTime(1);
    expect(toasts.items.map((t) => t.title)).toEqual(['missed', 'undo']);
    vi.advanceTimersByTime(2000);
    expect(toasts.items.map((t) => t.title)).toEqual(['missed']);
    vi.advanceTimersByTime(60_000);
    expect(toasts.items.map((t) => t.title)).toEqual(['missed']);
  });

  it('shows one notification per call: a newer one replaces it, other toasts about the call stay', () => {
    toasts.show({ title: 'first', kind: 'notification', sessionId: 's1' });
    toasts.show({ title: 'other call', kind: 'notification', sessionId: 's2' });
    toasts.show({ title: 'error about s1', kind: 'error', sessionId: 's1' });
    toasts.show({ title: 'second', kind: 'notification', sessionId: 's1' });
    expect(toasts.items.map((t) => t.title)).toEqual(['other call', 'error about s1', 'second']);
    toasts.show({ title: 'no call', kind: 'notification' });
    toasts.show({ title: 'no call again', kind: 'notification' });
    expect(toasts.items.map((t) => t.title)).toEqual([
      'other call',
      'error about s1',
      'second',
      'no call',
      'no call again',
    ]);
    toasts.items = [];
    toasts.show({ title: 'other call', kind: 'notification', sessionId: 's2' });
    toasts.show({ title: 'info about s2', kind: 'info', sessionId: 's2' });
    expect(toasts.items.map((t) => t.title)).toEqual(['other call', 'info about s2']);
  });
});
