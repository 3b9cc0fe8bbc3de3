// The simulator against the vendor's reference pages: every key path of each page's sample answer
// is sent somewhere across a seeded scenario, and no answer uses a key the samples lack.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import { type Simulator, STRICT } from '../../src/simulator/index';
import { call, extraKeys, fixture, start } from './support';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key paths of a JSON value, `[]` for list items; a dictionary (applicationData) counts as a leaf. */
export function keyPaths(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${path}[]`, into);
    return into;
  }
  if (!isObject(value) || path.endsWith('applicationData')) return into;
  for (const [key, child] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    into.add(at);
    keyPaths(child, at, into);
  }
  return into;
}

/** Paths of `sample` that `sent` lacks, sorted. */
export const missingPaths = (sample: Set<string>, sent: Set<string>): string[] =>
  [...sample].filter((p) => !sent.has(p)).sort();

/** The sample answer printed on a reference page: the JSON after its `200 OK` line. */
function sampleAnswer(page: string): unknown {
  const text = readFileSync(new URL(`./reference/${page}`, import.meta.url), 'utf8');
  const answer = text.slice(text.lastIndexOf('200 OK'));
  return JSON.parse(answer.slice(answer.indexOf('{')).trim());
}

const PAGES = {
  sessions: sampleAnswer('GET-sessions.txt'),
  patch: sampleAnswer('PATCH-sessions-id.txt'),
  activity: sampleAnswer('GET-portal-activity.txt'),
  home: sampleAnswer('GET-portal-home.txt'),
  // The call-history page prints JSV only; the fixture is the same body written as JSON.
  history: fixture('call-history-list.json'),
};

describe('key paths', () => {
  it('lists nested paths, list items as [] and dictionaries as leaves', () => {
    const paths = keyPaths({ items: [{ id: 'a', members: [{ applicationData: { x: '1' } }] }], totalCount: 1 });
    expect([...paths].sort()).toEqual([
      'items',
      'items[].id',
      'items[].members',
      'items[].members[].applicationData',
      'totalCount',
    ]);
  });

  it('names a sample path an answer lacks', () => {
    const sample = keyPaths({ items: [{ id: 'a', createdBy: 'b' }], hasMorePages: false });
    expect(missingPaths(sample, keyPaths({ items: [{ id: 'a' }] }))).toEqual(['hasMorePages', 'items[].createdBy']);
  });

  it('reads the JSON sample of every reference page', () => {
    expect(keyPaths(PAGES.sessions)).toContain('items[].members[].avatarUrl');
    expect(keyPaths(PAGES.patch)).toContain('mostRecentParticipantCallSid');
    expect(keyPaths(PAGES.home)).toContain('forms[].fields[].values');
    expect(keyPaths(PAGES.history)).toEqual(keyPaths(PAGES.activity));
  });
});

describe('the simulator against the reference samples', () => {
  let sim: Simulator;
  const sent = { sessions: new Set<string>(), patch: new Set<string>(), activity: new Set<string>() };
  const more = { history: new Set<string>(), home: new Set<string>() };

  beforeAll(async () => {
    sim = await start({ scenario: true, seed: 5 });
    sim.control.advance(30 * 60_000);
    sim.control.loadArchive(40, { days: 31 });
    for (const path of ['/sessions', '/sessions?SearchArchive=true', '/sessions?SimplifiedPaging=true'])
      keyPaths((await call(sim, `${path.includes('?') ? `${path}&` : `${path}?`}All=true`)).body, '', sent.sessions);
    keyPaths((await call(sim, '/portal/activity?All=true')).body, '', sent.activity);
    keyPaths((await call(sim, '/portal/activity?SimplifiedPaging=true')).body, '', sent.activity);
    keyPaths((await call(sim, '/portal/call-history?All=true')).body, '', more.history);
    keyPaths((await call(sim, '/portal/call-history?SimplifiedPaging=true')).body, '', more.history);
    const board: SessionInfo[] = (await call(sim, '/sessions?All=true')).body.items;
    const live = board.find(
      (s) => s.ended !== true && s.callState === 'Connected' && s.queueMemberId !== undefined,
    ) as SessionInfo;
    const wrapUp = board.find((s) => s.ended === true) as SessionInfo;
    const patch = async (session: SessionInfo, body: object) =>
      keyPaths(
        (await call(sim, `/sessions/${session.id}`, { method: 'PATCH', body: JSON.stringify(body) })).body,
        '',
        sent.patch,
      );
    await patch(live, { callState: 'Hold', holdReason: 'Transferring' });
    // The dashboard's recent calls, with one on hold (who holds it, in which hold queue).
    keyPaths((await call(sim, '/portal/home')).body, '', more.home);
    await patch(live, { callState: 'Connected' });
    await patch(wrapUp, { consoleData: 'Wrap-up note' });
  });
  afterAll(() => sim.close());

  it.each([
    ['GET /sessions', 'sessions', 'sessions'],
    ['PATCH /sessions/{id}', 'patch', 'patch'],
    ['GET /portal/activity', 'activity', 'activity'],
  ] as const)('%s sends every key path of its sample', (_name, page, answers) => {
    expect(missingPaths(keyPaths(PAGES[page]), sent[answers])).toEqual([]);
  });

  it('GET /portal/call-history sends every key path of its sample', () => {
    expect(missingPaths(keyPaths(PAGES.history), more.history)).toEqual([]);
  });

  it('GET /portal/home sends every key path of its sample', () => {
    expect(missingPaths(keyPaths(PAGES.home), more.home)).toEqual([]);
  });

  it.each([
    ['/sessions?All=true', 'sessions-list.json'],
    ['/sessions?All=true&SearchArchive=true', 'sessions-list.json'],
    ['/portal/activity?All=true', 'activity-list.json'],
    ['/portal/call-history?All=true', 'call-history-list.json'],
    ['/portal/home', 'portal-home.json'],
  ])('GET %s has no key %s lacks', async (path, sample) => {
    const { status, body } = await call(sim, path);
    expect(status).toBe(200);
    expect(extraKeys(body, fixture(sample))).toEqual([]);
  });

  it('the comparison catches a key the sample lacks', async () => {
    sim.control.addFault({ endpoint: 'sessions', kind: 'drift-extra-field', count: 1 });
    const { body } = await call(sim, '/sessions?CountPerPage=2');
    expect(extraKeys(body, fixture('sessions-list.json'))).toEqual([
      'items[0].sentimentScore',
      'items[1].sentimentScore',
    ]);
  });
});

describe('the strict simulator against the reference samples', () => {
  it('adds no key but the one field the pages do not list', async () => {
    const sim = await start({ scenario: true, seed: 5, strictness: STRICT });
    try {
      sim.control.advance(30 * 60_000);
      const { body } = await call(sim, '/sessions?All=true');
      const extra = new Set(extraKeys(body, fixture('sessions-list.json')).map((p) => p.replace(/\[\d+\]/g, '[]')));
      expect([...extra]).toEqual(['items[].transcriptionStatus']);
    } finally {
      await sim.close();
    }
  });
});
