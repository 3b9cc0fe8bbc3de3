// Every answer uses only the keys the vendor's samples show (compared recursively).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { call, extraKeys, fixture, start } from './support';

let sim: Simulator;
let liveId: string;
beforeAll(async () => {
  sim = await start({ scenario: true, seed: 5 });
  sim.control.advance(30 * 60_000);
  liveId = sim.control.listSessions().find((s) => s.ended !== true)?.id as string;
});
afterAll(() => sim.close());

/** Keys the sample has that this answer's items use, so an empty answer cannot pass. */
function usedKeys(items: SessionInfo[]): Set<string> {
  return new Set(items.flatMap((s) => Object.keys(s)));
}

describe('answers against the reference samples', () => {
  it.each([
    ['/sessions?All=true', 'sessions-list.json'],
    ['/sessions?All=true&SearchArchive=true', 'sessions-list.json'],
    ['/portal/activity?All=true', 'activity-list.json'],
    ['/portal/call-history?All=true', 'call-history-list.json'],
  ])('GET %s has no key %s lacks', async (path, sample) => {
    const { status, body } = await call(sim, path);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(extraKeys(body, fixture(sample))).toEqual([]);
    expect(usedKeys(body.items).size).toBeGreaterThanOrEqual(30);
  });

  it('GET /portal/home has no key portal-home.json lacks, and fills every section', async () => {
    const { body } = await call(sim, '/portal/home');
    expect(extraKeys(body, fixture('portal-home.json'))).toEqual([]);
    expect(Object.keys(body).sort()).toEqual(Object.keys(fixture('portal-home.json') as object).sort());
    for (const section of ['conversations', 'calls', 'callMetrics', 'voicemail', 'forms'])
      expect(body[section].length).toBeGreaterThan(0);
  });

  it('the PATCH answer has no key session.json lacks', async () => {
    const { status, body } = await call(sim, `/sessions/${liveId}`, {
      method: 'PATCH',
      body: JSON.stringify({ callState: 'Hold' }),
    });
    expect(status).toBe(200);
    expect(extraKeys(body, fixture('session.json'))).toEqual([]);
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
