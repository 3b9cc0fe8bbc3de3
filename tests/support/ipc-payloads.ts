// IPC payloads for the contract fuzzers: one valid payload per channel, and junk derived from it
// that the channel's schema refuses (anything at all, or a valid payload bent out of shape).
import fc from 'fast-check';

import { type RequestChannel, requestSchemas } from '../../src/shared/ipc';

/** One valid payload per channel: the fuzz mutates these, and happy paths use them. */
export const VALID: Record<RequestChannel, Record<string, unknown>> = {
  'state:get': {},
  'live:resync': {},
  'live:rows': { version: 3, sessions: 200, activity: 0 },
  'poll:now': {},
  'app:visibility': { visible: true },
  'app:diagnostics': {},
  'app:restart-to-update': {},
  'auth:sign-in': { serverUrl: 'https://evovoice.io', userName: 'agent', password: 'pw', remember: false },
  'auth:sign-in-demo': {},
  'auth:sign-out': {},
  'auth:select-account': { accountId: 'acct-north' },
  'call:details': { sessionId: 's1' },
  'call:hold': { sessionId: 's1', action: 'hold', reason: 'None' },
  'call:save-console-data': { sessionId: 's1', text: 'note', base: { value: 'old' } },
  'call:resolve-conflict': { sessionId: 's1', text: 'mine' },
  'call:retry-console-data': { sessionId: 's1' },
  'call:discard-console-data': { sessionId: 's1' },
  'missed:mark-seen': { sessionIds: ['s1'] },
  'history:load': { page: 0, countPerPage: 25 },
  'dashboard:load': {},
  'voicemail:audio': { voicemailId: 'file-1' },
  'settings:get': {},
  'settings:update': { theme: 'dark' },
  'activity:more': {},
};

const junk = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.string({ minLength: 2000, maxLength: 3000 }),
  fc.constantFrom(null, undefined, -1, 1.5, 1e308, Number.NaN, Infinity, '', [], {}, '__proto__', 'x'.repeat(70_000)),
);

/** Payloads the channel's schema refuses. */
export function junkFor(channel: RequestChannel) {
  const valid = VALID[channel];
  const keys = Object.keys(valid);
  const shapes = [
    junk,
    junk.map((value) => ({ ...valid, ['__proto__']: value })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), junk).map(([k, v]) => ({ ...valid, [`x-${k}`]: v })),
  ];
  if (keys.length) {
    shapes.push(
      fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...valid, [k]: v })),
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    );
  }
  return fc.oneof(...shapes).filter((payload) => !requestSchemas[channel].safeParse(payload).success);
}
