// The shared wire parser against the vendor's samples and against the ways a server can surprise us.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import {
  parseAuthenticate,
  parseAuthStatus,
  parsePortalHome,
  parseResponseStatus,
  parseSession,
  parseSessionList,
  WireShapeError,
} from '../../src/shared/wire';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

const sampleSession = (): Record<string, unknown> => fixture('session.json');

describe('the reference samples parse with nothing dropped', () => {
  it.each([
    ['sessions-list.json', parseSessionList],
    ['activity-list.json', parseSessionList],
    ['call-history-list.json', parseSessionList],
    ['session.json', parseSession],
    ['portal-home.json', parsePortalHome],
  ] as const)('%s', (name, parse) => {
    const { value, dropped } = parse(fixture(name));
    expect(dropped).toEqual([]);
    expect(value).toEqual(fixture(name));
  });

  it('the call-history fixture (written from the JSV sample) is the sessions list sample', () => {
    expect(fixture('call-history-list.json')).toEqual(fixture('sessions-list.json'));
  });

  it('the samples really carry every typed field (so the check above means something)', () => {
    const { value } = parseSession(sampleSession());
    expect(value.members?.[0]?.applicationData).toEqual({ String: 'String' });
    expect(value.log).toEqual([{ date: 'String', message: 'String' }]);
    const home = parsePortalHome(fixture('portal-home.json')).value;
    expect(home.voicemail?.[0]?.recordingDuration).toBe(0);
    expect(home.forms?.[0]?.fields).toEqual([{ name: 'String', values: ['String'] }]);
  });
});

describe('what a newer or sloppier server sends', () => {
  it('keeps unknown enum names and extra fields', () => {
    const raw: Record<string, unknown> = {
      ...sampleSession(),
      callState: 'Parked',
      direction: 'Sideways',
      sentimentScore: 0.8,
    };
    (raw.members as Array<Record<string, unknown>>)[0]!.role = 'Supervisor';
    const { value, dropped } = parseSession(raw);
    expect(dropped).toEqual([]);
    expect(value.callState).toBe('Parked');
    expect(value.direction).toBe('Sideways');
    expect(value.members?.[0]?.role).toBe('Supervisor');
    expect((value as Record<string, unknown>).sentimentScore).toBe(0.8);
  });

  it('drops wrong-typed fields and says where', () => {
    const raw: Record<string, unknown> = {
      ...sampleSession(),
      ended: 'yes',
      callState: 3,
      customerBreadcrumb: 'Acme',
      log: [{ date: 'String', message: 'ok' }, 'not an entry', { date: 7, message: 'kept' }],
    };
    (raw.members as Array<Record<string, unknown>>)[0]!.muted = 'no';
    (raw.members as Array<Record<string, unknown>>)[0]!.applicationData = { queue: 5 };
    const { value, dropped } = parseSession(raw);
    expect(dropped.sort()).toEqual(
      [
        'ended',
        'callState',
        'customerBreadcrumb',
        'log[1]',
        'log[2].date',
        'members[0].muted',
        'members[0].applicationData',
      ].sort(),
    );
    expect(value).not.toHaveProperty('ended');
    expect(value).not.toHaveProperty('callState');
    expect(value.log).toEqual([{ date: 'String', message: 'ok' }, { message: 'kept' }]);
    expect(value.members?.[0]).not.toHaveProperty('muted');
    expect(value.fromAddress).toBe('String');
  });

  it('drops wrong-typed list totals and items that are not objects', () => {
    const raw = { items: [sampleSession(), 42, null], totalCount: '3', totalPages: 1, hasMorePages: 'no' };
    const { value, dropped } = parseSessionList(raw);
    expect(dropped.sort()).toEqual(['hasMorePages', 'items[1]', 'items[2]', 'totalCount']);
    expect(value.items).toHaveLength(1);
    expect(value.totalPages).toBe(1);
  });

  it('lets null fields vanish without calling them dropped', () => {
    const { value, dropped } = parseSession({ ...sampleSession(), fromName: null, consoleData: null, members: null });
    expect(dropped).toEqual([]);
    expect(value).not.toHaveProperty('fromName');
    expect(value).not.toHaveProperty('consoleData');
    expect(value).not.toHaveProperty('members');
  });

  it('drops a wrong-typed nested dashboard field', () => {
    const raw = fixture('portal-home.json');
    (raw.callMetrics as Array<Record<string, unknown>>)[0]!.total = 'many';
    (raw.conversations as Array<Record<string, unknown>>)[0]!.mostRecentMessage = 'hi';
    const { dropped } = parsePortalHome(raw);
    expect(dropped.sort()).toEqual(['callMetrics[0].total', 'conversations[0].mostRecentMessage']);
  });

  it.each([null, [], 'text', 42, true])('throws WireShapeError for %j', (raw) => {
    for (const parse of [parseSessionList, parseSession, parsePortalHome, parseAuthenticate, parseAuthStatus]) {
      expect(() => parse(raw)).toThrow(WireShapeError);
    }
  });
});

describe('sign-in and error bodies', () => {
  it('parses the sign-in answer and the account list', () => {
    expect(parseAuthenticate({ userId: 'u', userName: 'n', displayName: 'd', sessionId: 's' })).toEqual({
      value: { userId: 'u', userName: 'n', displayName: 'd', sessionId: 's' },
      dropped: [],
    });
    const status = parseAuthStatus({ userId: 'u', accountIds: ['a', 'b'], accountNames: ['A', 7] });
    expect(status.dropped).toEqual(['accountNames']);
    expect(status.value.accountIds).toEqual(['a', 'b']);
  });

  it('reads a responseStatus, and nothing from a body without one', () => {
    expect(
      parseResponseStatus({
        responseStatus: { errorCode: 'NotFound', message: 'gone', errors: [{ fieldName: 'CallState', message: 3 }] },
      }),
    ).toEqual({ errorCode: 'NotFound', message: 'gone', errors: [{ fieldName: 'CallState' }] });
    expect(parseResponseStatus('<html>502</html>')).toBeUndefined();
    expect(parseResponseStatus({ items: [] })).toBeUndefined();
  });
});

describe('loose dates and booleans', () => {
  it('turns every date format into ISO in UTC and "true"/"false" into booleans, nested too, without calling them dropped', () => {
    const raw = {
      items: [
        {
          id: 'a',
          ended: 'true',
          wasMissed: 'false',
          dateCreated: '/Date(1795435200000+0100)/',
          dateLastModified: '2026-11-23T07:00:00-05:00',
          dateCompleted: '2026-11-23T12:00:00.1234567',
          log: [{ date: '/Date(1795435200000)/', message: 'Answered' }],
          members: [{ muted: 'false', isOriginalMember: 'true' }],
        },
      ],
    };
    const { value, dropped } = parseSessionList(raw);
    expect(dropped).toEqual([]);
    expect(value.items?.[0]).toMatchObject({
      ended: true,
      wasMissed: false,
      dateCreated: '2026-11-23T12:00:00.000Z',
      dateLastModified: '2026-11-23T12:00:00.000Z',
      dateCompleted: '2026-11-23T12:00:00.123Z',
      log: [{ date: '2026-11-23T12:00:00.000Z' }],
      members: [{ muted: false, isOriginalMember: true }],
    });
  });

  it('still drops a boolean that is neither, and keeps a date string it cannot read as sent', () => {
    const { value, dropped } = parseSession({ id: 'a', ended: 'yes', dateCreated: 'soon' });
    expect(dropped).toEqual(['ended']);
    expect(value).toEqual({ id: 'a', dateCreated: 'soon' });
  });
});

describe('sessions parsed before', () => {
  it('reuses the earlier object for a session that did not change, after reading its loose forms, and checks the rest', () => {
    const earlier = parseSessionList({
      items: [{ id: 'same', ended: false, dateCreated: '2026-11-23T12:00:00.000Z' }],
    }).value.items?.[0] as SessionInfo;
    const asked: unknown[] = [];
    const known = (item: Record<string, unknown>) => {
      asked.push({ ...item });
      return item.id === 'same' && item.dateCreated === earlier.dateCreated && item.ended === earlier.ended
        ? earlier
        : undefined;
    };
    const { value, dropped } = parseSessionList(
      {
        items: [
          { id: 'same', ended: 'false', dateCreated: '/Date(1795435200000)/' },
          { id: 'new', ended: 'maybe', members: [{ muted: 'true' }] },
          'not a call',
        ],
      },
      known,
    );
    expect(value.items?.[0]).toBe(earlier);
    expect(value.items?.[1]).toEqual({ id: 'new', members: [{ muted: true }] });
    expect(value.items).toHaveLength(2);
    expect(dropped).toEqual(['items[2]', 'items[1].ended']);
    expect(asked).toContainEqual({ id: 'same', ended: false, dateCreated: '2026-11-23T12:00:00.000Z' });
    expect(asked).toContainEqual({ id: 'new', ended: 'maybe', members: [{ muted: true }] });
  });

  it('drops what is not a list of calls where one is expected, and a non-finite number', () => {
    const { value, dropped } = parseSessionList({
      items: { 0: {} },
      totalCount: Number.POSITIVE_INFINITY,
      totalPages: 2,
    });
    expect(dropped.sort()).toEqual(['items', 'totalCount']);
    expect(value).toEqual({ totalPages: 2 });
  });

  it('checks string lists and string maps item by item', () => {
    const { value, dropped } = parsePortalHome({
      forms: [{ id: 'f', contactsIds: ['a', 'b'], contactsNames: ['a', 2] }],
      calls: [
        {
          id: 'c',
          members: [{ applicationData: { a: 'b' } }, { applicationData: { a: 1 } }, { applicationData: ['x'] }],
        },
      ],
    });
    expect(dropped.sort()).toEqual([
      'calls[0].members[1].applicationData',
      'calls[0].members[2].applicationData',
      'forms[0].contactsNames',
    ]);
    expect(value.forms?.[0]).toEqual({ id: 'f', contactsIds: ['a', 'b'] });
    expect(value.calls?.[0]?.members?.[0]).toEqual({ applicationData: { a: 'b' } });
  });

  it('refuses a body that is not an object, naming what was expected', () => {
    expect(() => parseSessionList([])).toThrow('Evo Voice sent something that is not a list of calls');
    expect(() => parsePortalHome(null)).toThrow('not a dashboard');
    expect(() => parseSession('x')).toThrow('not a call');
    expect(() => parseAuthenticate(1)).toThrow('not a sign-in answer');
    expect(() => parseAuthStatus(true)).toThrow('not an account list');
  });
});
