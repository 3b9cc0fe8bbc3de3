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
});
