// The two polled feeds as the server is asked for them, against the simulator: the sessions of the
// account since the start of the day 12 hours ago, today's ended calls and every live one kept,
// yesterday's ended ones left out; the activity window newest first on one page; and which calls
// are live. (The time zones of "today" are tests/core/feeds.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fetchActivity, fetchSessions, isLive, today } from '../../src/main/core/feeds';
import { Login } from '../../src/main/core/login';
import { SessionFeed } from '../../src/main/core/session-feed';
import type { SessionInfo } from '../../src/shared/evovoice';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { RecordingLogger } from './ports';
import { START } from './rig';

const HOUR = 3_600_000;
let sim: Simulator;
let login: Login;
beforeEach(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 4, startTime: START, strictness: {} });
  sim.control.setStrictness({ staleReads: 0 });
  login = new Login(sim.url, DEMO_USER.userName, DEMO_USER.password, false, {
    fetch: globalThis.fetch,
    timeoutMs: 5_000,
  });
});
afterEach(() => sim.close());

const at = (ms: number) => new Date(ms).toISOString();
const lastQuery = (path: string) => sim.control.requests({ pathPrefix: path }).at(-1)?.query;

describe('fetchSessions', () => {
  it('asks for the account and lines since the day of 12 hours ago, and keeps today and what is live', async () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    const add = (dateCreated: string, ended: boolean) =>
      sim.control.addSession({
        accountId: 'acct-north',
        endpointId: 'ep-north-sales',
        dateCreated,
        ended,
        callState: ended ? 'Completed' : 'Connected',
      }).id as string;
    const liveSinceYesterday = add('2026-11-22T23:00:00Z', false);
    const endedYesterday = add('2026-11-22T23:30:00Z', true);
    const endedAtMidnight = add('2026-11-23T00:00:00Z', true);
    const endedToday = add('2026-11-23T07:00:00Z', true);
    const settings = { ...DEFAULT_SETTINGS, endpointIds: ['ep-north-sales', 'ep-north-support'] };
    const sessions = await fetchSessions(new SessionFeed(new RecordingLogger()), login, 'acct-north', settings, now);
    expect(lastQuery('/sessions')).toMatchObject({
      AccountIds: 'acct-north',
      EndpointIds: 'ep-north-sales,ep-north-support',
      StartDate: '2026-11-22',
    });
    const ids = sessions.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([liveSinceYesterday, endedAtMidnight, endedToday]));
    expect(ids).not.toContain(endedYesterday);
  });

  it('asks for every account when none is chosen; an ended call without a date stays', async () => {
    const now = START;
    const feed = new SessionFeed(new RecordingLogger());
    const undated = sim.control.addSession({ accountId: 'acct-south', ended: true, callState: 'Completed' })
      .id as string;
    sim.control.updateSession(undated, { dateCreated: 'not a date' } as Partial<SessionInfo>);
    const sessions = await fetchSessions(feed, login, undefined, DEFAULT_SETTINGS, now);
    const query = lastQuery('/sessions');
    expect(query?.AccountIds).toBeUndefined();
    expect(query?.StartDate).toBe(today(now - 12 * HOUR));
    expect(sessions.map((s) => s.id)).toContain(undated);
  });
});

describe('fetchActivity', () => {
  it('asks for the window, newest first, one page of 500', async () => {
    const now = START;
    const settings = { ...DEFAULT_SETTINGS, activityWindowHours: 3 };
    const call = sim.control.addSession({ accountId: 'acct-north', dateCreated: at(now - HOUR) }).id as string;
    const { items: activity, more } = await fetchActivity(login, 'acct-north', settings, now);
    expect(lastQuery('/portal/activity')).toMatchObject({
      AccountId: 'acct-north',
      StartDateTime: at(now - 3 * HOUR),
      SortField: 'dateCreated',
      SortOrder: 'Descend',
      Page: '0',
      CountPerPage: '500',
    });
    expect(activity.map((s) => s.id)).toContain(call);
    expect(more).toBe(false);
    expect(sim.control.requests({ pathPrefix: '/portal/activity' })).toHaveLength(1);
  });
});

describe('isLive', () => {
  it('connected, on hold or ringing, and not ended', () => {
    expect(isLive({ callState: 'Connected' })).toBe(true);
    expect(isLive({ callState: 'Hold' })).toBe(true);
    expect(isLive({ callState: 'Ringing', ended: false })).toBe(true);
    expect(isLive({ callState: 'Connected', ended: true })).toBe(false);
    expect(isLive({ callState: 'Completed' })).toBe(false);
    expect(isLive({})).toBe(false);
  });
});

describe('today', () => {
  it('is the date of the time given, as StartDate reads it', () => {
    expect(today(Date.parse('2026-01-05T00:00:00Z'))).toBe('2026-01-05');
    expect(today(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });
});
