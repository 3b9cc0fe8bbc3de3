// The sessions feed against the simulator over HTTP: a full read first, then reads of what changed
// (newest change first, a small probe, the sort checked once in the opposite order), merged into
// the last set; a full read again when the count does not add up, when the query changes, every
// minute (longer for a long list), and for good once the server ignores the sort.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Login } from '../../src/main/core/login';
import { PROBE_COUNT, SessionFeed } from '../../src/main/core/session-feed';
import type { GetSessionsRequest } from '../../src/shared/evovoice';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { RecordingLogger } from './ports';
import { START } from './rig';

const NORTH: GetSessionsRequest = { accountIds: ['acct-north'] };
let sim: Simulator;
let login: Login;
let feed: SessionFeed;
let log: RecordingLogger;

beforeEach(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 6, startTime: START, strictness: {} });
  sim.control.setStrictness({ staleReads: 0 });
  login = new Login(sim.url, DEMO_USER.userName, DEMO_USER.password, false, {
    fetch: globalThis.fetch,
    timeoutMs: 5_000,
  });
  log = new RecordingLogger();
  feed = new SessionFeed(log);
});
afterEach(() => sim.close());

/** `n` calls on the north account, each changed a second after the one before. */
function calls(n: number): string[] {
  return Array.from({ length: n }, () => {
    sim.control.advance(1_000);
    return sim.control.addSession({ accountId: 'acct-north', callState: 'Connected' }).id as string;
  });
}

/** The /sessions requests since the last call, as "full" or "sorted <order> <count>". */
function reads(): string[] {
  const asked = sim.control.requests({ pathPrefix: '/sessions', method: 'GET' });
  sim.control.clearRequests();
  return asked.map((r) =>
    r.query.SortField === undefined
      ? `full ${r.query.Page}`
      : `${r.query.SortField} ${r.query.SortOrder} ${r.query.Page} ${r.query.CountPerPage}`,
  );
}

const read = (at: number, request = NORTH) => feed.read(login, request, START + at);
const ids = (sessions: { id?: string }[]) => sessions.map((s) => s.id).sort();

describe('SessionFeed', () => {
  it('reads in full first, then only what changed, checking the sort once', async () => {
    const all = calls(30);
    expect(ids(await read(0))).toEqual([...all].sort());
    expect(reads()).toEqual(['full 0']);

    expect(ids(await read(2_000))).toEqual([...all].sort());
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`, `dateLastModified Ascend 0 ${PROBE_COUNT}`]);
    // Checked once: from now on one request a poll.
    await read(4_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(log.lines).toEqual([]);
  });

  it('merges a changed call and a new one in, without a full read', async () => {
    const all = calls(30);
    await read(0);
    await read(1_000);
    reads();
    sim.control.advance(1_000);
    sim.control.updateSession(all[3] as string, { fromName: 'Changed Caller' });
    const added = calls(1)[0] as string;
    const now = await read(3_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(now).toHaveLength(31);
    expect(now.find((s) => s.id === all[3])?.fromName).toBe('Changed Caller');
    expect(now.map((s) => s.id)).toContain(added);
  });

  it('reads in full again a minute after the last full read, not before', async () => {
    calls(25);
    await read(0);
    reads();
    await read(59_999);
    expect(reads().some((r) => r.startsWith('full'))).toBe(false);
    await read(60_000);
    expect(reads()).toEqual(['full 0']);
  });

  it('a long list is read in full every 30 s a page it takes', async () => {
    sim.control.setStrictness({ maxPageSize: 10 });
    calls(25);
    await read(0);
    expect(reads()).toEqual(['full 0', 'full 1', 'full 2']);
    await read(60_000);
    expect(reads().some((r) => r.startsWith('full'))).toBe(false);
    await read(90_000);
    expect(reads()).toEqual(['full 0', 'full 1', 'full 2']);
  });

  it('a call that left the set (archived) makes the count differ: a full read at once, without it', async () => {
    const all = calls(25);
    await read(0);
    await read(1_000);
    reads();
    const gone = all[5] as string;
    sim.control.endSession(gone);
    sim.control.archiveSession(gone);
    const now = await read(2_000);
    expect(reads().at(-1)).toBe('full 0');
    expect(now.map((s) => s.id)).not.toContain(gone);
    expect(now).toHaveLength(24);
    // A session that left is no sign of a server ignoring the sort: the next poll reads changes again.
    await read(3_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(log.lines).toEqual([]);
  });

  it('another query is read in full', async () => {
    calls(25);
    await read(0);
    reads();
    await read(1_000, { accountIds: ['acct-north'], endpointIds: ['ep-north-sales'] });
    expect(reads()).toEqual(['full 0']);
  });

  it('more changes than the probe holds are read in full-size pages, and the next probe grows to hold them', async () => {
    const all = calls(60);
    await read(0);
    await read(1_000);
    reads();
    sim.control.advance(2_000);
    for (const id of all.slice(0, 30)) sim.control.updateSession(id, { fromName: 'Busy Floor' });
    const now = await read(5_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`, 'dateLastModified Descend 0 2000']);
    expect(now.filter((s) => s.fromName === 'Busy Floor')).toHaveLength(30);
    await read(6_000);
    // 30 found in the window (and the overlap): room for a quarter more, and 2.
    const probe = Number(reads()[0]?.split(' ').at(-1));
    expect(probe).toBeGreaterThanOrEqual(Math.ceil(30 * 1.25) + 2);
    expect(probe).toBeLessThanOrEqual(100);
  });

  it('a server that ignores the sort is read in full from then on, and it is logged', async () => {
    sim.control.setStrictness({ ignoreSort: true, oldestFirst: true });
    calls(30);
    await read(0);
    await read(1_000);
    reads();
    await read(2_000);
    expect(reads()).toEqual(['full 0']);
    expect(log.lines.some((l) => l.includes('ignores SortField=dateLastModified'))).toBe(true);
  });

  it('a short list (all of it in the probe) needs no check of the sort', async () => {
    calls(5);
    await read(0);
    reads();
    await read(1_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
  });

  it('a server ignoring the sort whose own order looks sorted is caught by the opposite order, once', async () => {
    sim.control.setStrictness({ ignoreSort: true, oldestFirst: false });
    calls(30);
    await read(0);
    reads();
    await read(1_000);
    expect(reads()).toEqual([
      `dateLastModified Descend 0 ${PROBE_COUNT}`,
      `dateLastModified Ascend 0 ${PROBE_COUNT}`,
      'full 0',
    ]);
    await read(2_000);
    expect(reads()).toEqual(['full 0']);
    expect(log.lines).toEqual([
      'warn The server ignores SortField=dateLastModified: the board reads every page on each poll {}',
    ]);
  });

  it('a short list that comes oldest first is caught as ignoring the sort without the opposite-order check', async () => {
    sim.control.setStrictness({ ignoreSort: true, oldestFirst: true });
    calls(5);
    await read(0);
    reads();
    await read(1_000);
    // The probe holds the whole list, so no opposite-order read: its own order gives the server away.
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`, 'full 0']);
    expect(log.lines).toHaveLength(1);
    await read(2_000);
    expect(reads()).toEqual(['full 0']);
  });

  it('a server that stops honouring the sort is caught by a known change the changes read skipped', async () => {
    const all = calls(30);
    await read(0);
    await read(1_000);
    sim.control.advance(1_000);
    sim.control.updateSession(all[3] as string, { fromName: 'Changed Caller' });
    expect((await read(2_000)).find((s) => s.id === all[3])?.fromName).toBe('Changed Caller');
    reads();
    // From now on the newest created first, whatever was asked: that looks sorted, but lacks the change known above.
    sim.control.setStrictness({ ignoreSort: true, oldestFirst: false });
    const now = await read(3_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`, 'full 0']);
    expect(now.find((s) => s.id === all[3])?.fromName).toBe('Changed Caller');
    expect(log.lines).toEqual([
      'warn The server ignores SortField=dateLastModified: the board reads every page on each poll {}',
    ]);
    await read(4_000);
    expect(reads()).toEqual(['full 0']);
  });

  it('a short list where every call changed is read by the probe alone', async () => {
    const all = calls(5);
    await read(0);
    await read(1_000);
    reads();
    sim.control.advance(2_000);
    for (const id of all) sim.control.updateSession(id, { fromName: 'Busy Floor' });
    const now = await read(3_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(now.filter((s) => s.fromName === 'Busy Floor')).toHaveLength(5);
  });

  it('a call that left a short list (all of it in the probe) is dropped at once', async () => {
    const all = calls(5);
    await read(0);
    await read(1_000);
    reads();
    const gone = all[1] as string;
    sim.control.endSession(gone);
    sim.control.archiveSession(gone);
    const now = await read(2_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`, 'full 0']);
    expect(now.map((s) => s.id)).not.toContain(gone);
    expect(now).toHaveLength(4);
  });

  it('a list whose dates are all equal cannot show the sort: read in full, and checked again next time', async () => {
    for (let i = 0; i < 30; i++) sim.control.addSession({ accountId: 'acct-north', callState: 'Connected' });
    await read(0);
    reads();
    const undecided = [
      `dateLastModified Descend 0 ${PROBE_COUNT}`,
      `dateLastModified Ascend 0 ${PROBE_COUNT}`,
      'full 0',
    ];
    expect(await read(1_000)).toHaveLength(30);
    expect(reads()).toEqual(undecided);
    await read(2_000);
    expect(reads()).toEqual(undecided);
    expect(log.lines).toEqual([]);
  });

  it('more changes than the probe holds right after the first full read are all read', async () => {
    const all = calls(30);
    await read(0);
    reads();
    sim.control.advance(2_000);
    for (const id of all.slice(0, 25)) sim.control.updateSession(id, { fromName: 'Busy Floor' });
    const now = await read(1_000);
    expect(now.filter((s) => s.fromName === 'Busy Floor')).toHaveLength(25);
    expect(reads().some((r) => r.startsWith('full'))).toBe(false);
  });

  it('a new call alone is merged in without a full read', async () => {
    calls(30);
    await read(0);
    await read(1_000);
    reads();
    const added = calls(1)[0] as string;
    const now = await read(2_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(now).toHaveLength(31);
    expect(now.map((s) => s.id)).toContain(added);
  });

  it('the first calls of an empty list are merged in without a full read', async () => {
    expect(await read(0)).toEqual([]);
    await read(1_000);
    reads();
    const first = calls(2);
    const now = await read(2_000);
    expect(reads()).toEqual([`dateLastModified Descend 0 ${PROBE_COUNT}`]);
    expect(ids(now)).toEqual([...first].sort());
  });
});
