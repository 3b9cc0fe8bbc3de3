// What kind of session a row is: a chat or a fax by its channel, a call otherwise (also a channel
// this build does not know); only calls can be held.
import { describe, expect, it } from 'vitest';

import { isCall, sessionKind } from '../../src/shared/channel';

describe('sessionKind', () => {
  it('reads Chat and Fax, and a call for Voice, none or an unknown channel', () => {
    expect(sessionKind({ channel: 'Chat' })).toBe('Chat');
    expect(sessionKind({ channel: 'Fax' })).toBe('Fax');
    expect(sessionKind({ channel: 'Voice' })).toBe('Voice');
    expect(sessionKind({})).toBe('Voice');
    expect(sessionKind({ channel: 'Video' as never })).toBe('Voice');
  });

  it('holds calls only', () => {
    expect(isCall({ channel: 'Voice' })).toBe(true);
    expect(isCall({})).toBe(true);
    expect(isCall({ channel: 'Chat' })).toBe(false);
    expect(isCall({ channel: 'Fax' })).toBe(false);
  });
});
