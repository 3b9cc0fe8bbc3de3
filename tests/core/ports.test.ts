// The ports' own code: the system clock the shells give the core (real time and real timers),
// and the keychain's "no keychain here" error, recognised by its name across module copies.
import { describe, expect, it } from 'vitest';

import { KeychainUnavailableError, systemClock } from '../../src/main/core/ports';

describe('systemClock', () => {
  it('tells the time of the machine', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('fires a timer after its delay, and not one cleared', async () => {
    const fired: string[] = [];
    const start = Date.now();
    const done = new Promise<void>((resolve) => systemClock.setTimeout(() => (fired.push('kept'), resolve()), 20));
    const cleared = systemClock.setTimeout(() => fired.push('cleared'), 5);
    systemClock.clearTimeout(cleared);
    await done;
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fired).toEqual(['kept']);
  });
});

describe('KeychainUnavailableError', () => {
  it('is an Error named for what it is', () => {
    const error = new KeychainUnavailableError('Cannot autolaunch D-Bus');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KeychainUnavailableError');
    expect(error.message).toBe('Cannot autolaunch D-Bus');
  });
});
