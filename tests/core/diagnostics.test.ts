// The "Copy diagnostics" text, line by line, from published state: signed in or not, demo, the
// connection with and without its optional parts, polling, counts, the notes by status, dropped
// fields and recent errors.
import { describe, expect, it } from 'vitest';

import { type CoreFacts, describeCore } from '../../src/main/core/diagnostics';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';

const quiet: CoreFacts = {
  state: { connection: { status: 'signed-out' }, missed: [], holds: {}, consoleData: {}, doNotDisturb: false },
  settings: {
    ...DEFAULT_SETTINGS,
    pollLiveMs: 2000,
    pollVisibleMs: 5000,
    pollIdleMs: 60_000,
    notifyMissedCalls: false,
    doNotDisturb: false,
    endpointIds: [],
  },
  snapshot: { version: 0, sessions: [], activity: [] },
  activity: { liveCall: false, visible: false, locked: false },
  failures: 0,
  polling: false,
  recentErrors: [],
};

const lines = (facts: CoreFacts) => describeCore(facts).split('\n');

describe('describeCore', () => {
  it('signed out, idle, nothing pending', () => {
    expect(lines(quiet)).toEqual([
      'Evo Voice Console diagnostics',
      `Node ${process.versions.node}, ${process.platform} ${process.arch}`,
      'Not signed in',
      'Connection signed-out; last good poll never',
      'Polling off; live 2000 ms, visible 5000 ms, idle 60000 ms; live call false, window visible false, locked false; consecutive failures 0',
      'Board version 0: 0 sessions, 0 activity items; endpoints filter all',
      'Missed calls unread 0; notifications off',
      'Notes: none pending',
      'Fields from the server ignored: none',
      'Recent errors:',
      '  none',
    ]);
  });

  it('signed in and busy: every optional part shown', () => {
    const text = lines({
      state: {
        identity: {
          serverUrl: 'https://evo.example',
          userName: 'ana',
          accounts: [
            { id: 'a1', name: 'North' },
            { id: 'a2', name: 'South' },
          ],
          accountId: 'a2',
          demo: true,
        },
        connection: {
          status: 'degraded',
          message: 'slow',
          lastGoodPoll: '2026-11-23T12:00:00.000Z',
          nextRetry: '2026-11-23T12:00:05.000Z',
        },
        missed: [{ sessionId: 's1', from: '+1', at: '2026-11-23T11:00:00.000Z' }],
        holds: {},
        consoleData: {
          s1: { sessionId: 's1', state: 'saving' },
          s2: { sessionId: 's2', state: 'conflict' },
          s3: { sessionId: 's3', state: 'saving' },
        },
        doNotDisturb: true,
        ignoredFields: { count: 2, fields: ['items[].x (/sessions)', 'y (/activity)'] },
      },
      settings: {
        ...quiet.settings,
        pollLiveMs: 1000,
        notifyMissedCalls: true,
        doNotDisturb: true,
        endpointIds: ['e1', 'e2'],
      },
      snapshot: { version: 7, sessions: [{ id: 's1' }, { id: 's2' }], activity: [{ id: 's1' }] },
      activity: { liveCall: true, visible: true, locked: true },
      failures: 3,
      polling: true,
      recentErrors: ['12:00 timeout', '12:01 server'],
    });
    expect(text.slice(2)).toEqual([
      'Server https://evo.example; user ana (demo); account a2 of 2',
      'Connection degraded (slow); last good poll 2026-11-23T12:00:00.000Z; next retry 2026-11-23T12:00:05.000Z',
      'Polling on; live 1000 ms, visible 5000 ms, idle 60000 ms; live call true, window visible true, locked true; consecutive failures 3',
      'Board version 7: 2 sessions, 1 activity items; endpoints filter 2',
      'Missed calls unread 1; notifications on, do not disturb',
      'Notes: 2 saving, 1 conflict',
      'Fields from the server ignored: 2 (items[].x (/sessions); y (/activity))',
      'Recent errors:',
      '  12:00 timeout',
      '  12:01 server',
    ]);
  });

  it('an agent not in the demo, before choosing an account', () => {
    const text = lines({
      ...quiet,
      state: {
        ...quiet.state,
        identity: { serverUrl: 'https://evo.example', userName: 'ana', accounts: [], demo: false },
      },
    });
    expect(text[2]).toBe('Server https://evo.example; user ana; account not chosen of 0');
  });
});
