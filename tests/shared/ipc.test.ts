// The IPC contract's request check, what every shell answers a bad call with: an unknown channel
// refused, a payload refused naming the channel, the first problem and where it is.
import { describe, expect, it } from 'vitest';

import { isKnown, SESSION_CALL_STATES } from '../../src/shared/evovoice';
import { parseRequest, settingsSchema } from '../../src/shared/ipc';

describe('parseRequest', () => {
  it('refuses a channel that is not the console’s, or not a name', () => {
    const unknown = {
      ok: false,
      error: { code: 'unknown-channel', message: 'This request is not part of the console.' },
    };
    expect(parseRequest('shell:exec', {})).toEqual(unknown);
    expect(parseRequest('toString', {})).toEqual(unknown);
    expect(parseRequest(42, {})).toEqual(unknown);
  });

  it('refuses a payload, naming the channel, the problem and the field', () => {
    const refused = parseRequest('history:load', { page: -1, countPerPage: 50 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid-payload');
    expect(refused.error.message).toBe('Refused history:load: Too small: expected number to be >=0 (page)');
    const nested = parseRequest('missed:mark-seen', { sessionIds: ['ok', 7] });
    expect(!nested.ok && nested.error.message).toBe(
      'Refused missed:mark-seen: Invalid input: expected string, received number (sessionIds.1)',
    );
  });

  it('says no field when the payload itself is wrong', () => {
    const refused = parseRequest('poll:now', 'now');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toBe('Refused poll:now: Invalid input: expected object, received string');
  });

  it('passes a valid payload through as parsed', () => {
    expect(parseRequest('history:load', { page: 0, countPerPage: 50, order: 'oldest' })).toEqual({
      ok: true,
      channel: 'history:load',
      args: { page: 0, countPerPage: 50, order: 'oldest' },
    });
  });

  it('says which hotkey setting is refused and why', () => {
    const parsed = settingsSchema.partial().safeParse({ hotkeyNotes: 'H' });
    expect(parsed.error?.issues[0]?.message).toMatch(/^the hotkey H has no modifier/);
  });
});

describe('isKnown', () => {
  it('knows only the names of the list', () => {
    expect(isKnown(SESSION_CALL_STATES, SESSION_CALL_STATES[0])).toBe(true);
    expect(isKnown(SESSION_CALL_STATES, 'Teleported')).toBe(false);
    expect(isKnown(SESSION_CALL_STATES, undefined)).toBe(false);
  });
});
