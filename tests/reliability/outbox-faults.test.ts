// The outbox fault matrix: every way the server can fail a note save (500, 502, 503, 429 with
// Retry-After, a truncated answer, a hang), on the PATCH and on the GET that precedes it. Each case
// ends with the agent's text on the server, never shows "saved" before the server has it, and waits
// at least as long as Retry-After asked before trying again (stepped clock). Also an edit typed
// while the previous save is still in flight (a PATCH the simulator holds back).
import { afterEach, describe, expect, it } from 'vitest';

import type { Fault, RequestRecord, SimEndpoint } from '../../src/simulator/types';
import { MemorySettings } from '../core/ports';
import { liveCall } from '../core/rig';
import { sentNotes } from '../support/sent-notes';
import { type Harness, startHarness } from './harness';

let rig: Harness;
afterEach(() => rig.close());

const RETRY_AFTER_S = 30;

/** What a failure looks like: a simulator fault, or a 503 the test's fetch answers instead of it. */
type Failure = { fault: Omit<Fault, 'endpoint' | 'count'> } | { unavailable: true };

const FAILURES: Record<string, Failure> = {
  '500': { fault: { kind: 'error-500' } },
  '502 (HTML page)': { fault: { kind: 'bad-gateway-html' } },
  '503 with Retry-After': { unavailable: true },
  '429 with Retry-After': { fault: { kind: 'rate-limit', retryAfterSeconds: RETRY_AFTER_S } },
  'a truncated answer': { fault: { kind: 'truncated-json' } },
  'a hang': { fault: { kind: 'hang' } },
};

const STEPS: Record<string, { endpoint: SimEndpoint; method: 'GET' | 'PATCH' }> = {
  'the PATCH': { endpoint: 'patch-session', method: 'PATCH' },
  'the GET before it': { endpoint: 'sessions', method: 'GET' },
};

/** The outbox's own requests: its GET of one call (specificIds) and its PATCH. */
function outboxRequests(all: RequestRecord[], id: string): RequestRecord[] {
  return all.filter(
    (r) =>
      (r.method === 'PATCH' && r.path === `/sessions/${id}`) ||
      (r.method === 'GET' &&
        r.path === '/sessions' &&
        Object.entries(r.query).some(([k, v]) => /specificids/i.test(k) && v.includes(id))),
  );
}

interface Setup {
  id: string;
  /** Every consoleData status the agent was shown, with what the server held at that moment. */
  shown: Array<{ state: string; onServer: string | undefined }>;
  /** Arms one 503 (Retry-After) for the next request with this method to /sessions. */
  armUnavailable(method: string): void;
}

async function boardWithCall(): Promise<Setup> {
  let armed: string | undefined;
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(String(input));
    if (armed !== undefined && url.pathname.startsWith('/sessions') && (init?.method ?? 'GET') === armed) {
      armed = undefined;
      return Promise.resolve(
        new Response(JSON.stringify({ responseStatus: { errorCode: 'Unavailable', message: 'Down for a moment' } }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_S) },
        }),
      );
    }
    return globalThis.fetch(input, init);
  };
  rig = await startHarness({ settings: new MemorySettings(), fetch, requestTimeoutMs: 1500 });
  await rig.signIn();
  const id = liveCall(rig.sim);
  rig.core.pollNow();
  await rig.core.settled();
  const shown: Setup['shown'] = [];
  rig.core.subscribe((event) => {
    const status = event.type === 'state' ? event.state.consoleData[id] : undefined;
    if (status) shown.push({ state: status.state, onServer: rig.sim.control.getSession(id)?.consoleData });
  });
  return { id, shown, armUnavailable: (method) => (armed = method) };
}

describe('outbox fault matrix', () => {
  for (const [stepName, step] of Object.entries(STEPS)) {
    for (const [failureName, failure] of Object.entries(FAILURES)) {
      it(`${failureName} on ${stepName}: the note reaches the server, "saved" only once it has`, async () => {
        const { id, shown, armUnavailable } = await boardWithCall();
        if ('fault' in failure) rig.sim.control.addFault({ ...failure.fault, endpoint: step.endpoint, count: 1 });
        else armUnavailable(step.method);
        rig.sim.control.clearRequests();
        const failedAt = rig.clock.now();

        rig.core.saveConsoleData({ sessionId: id, text: 'Caller wants a refund', base: {} });
        await rig.core.settled();
        expect(rig.core.getState().consoleData[id]?.state, 'after the failure').toBe('waiting-for-network');

        const waits = 'unavailable' in failure || failure.fault.retryAfterSeconds !== undefined;
        if (waits) {
          await rig.step(RETRY_AFTER_S * 1000 - 1);
          expect(
            outboxRequests(rig.sim.control.requests(), id).filter((r) => r.at > failedAt),
            'nothing sent again before Retry-After',
          ).toEqual([]);
        }
        await rig.step(2 * 60_000);

        expect(rig.sim.control.getSession(id)?.consoleData, 'the server has the note').toBe('Caller wants a refund');
        expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
        for (const moment of shown.filter((s) => s.state === 'saved'))
          expect(moment.onServer, '"saved" shown while the server had it').toBe('Caller wants a refund');
        if (waits) {
          const retried = outboxRequests(rig.sim.control.requests(), id).filter((r) => r.at > failedAt);
          expect(retried.length, 'sent again after Retry-After').toBeGreaterThan(0);
          for (const r of retried)
            expect(r.at - failedAt, 'retry no sooner than Retry-After').toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
        }
      });
    }
  }
});

describe('an edit typed while the previous save is in flight', () => {
  it('goes out after it, in order, without a false conflict', async () => {
    const { id, shown } = await boardWithCall();
    rig.sim.control.addFault({ endpoint: 'patch-session', kind: 'latency', ms: 300, count: 1 });
    rig.sim.control.clearRequests();
    rig.core.saveConsoleData({ sessionId: id, text: 'first', base: {} });
    // The simulator records the PATCH as it arrives, then holds its answer back: wait for that moment.
    while (rig.sim.control.requests({ method: 'PATCH' }).length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(rig.sim.control.getSession(id)?.consoleData, 'first PATCH still in flight').not.toBe('first');
    rig.core.saveConsoleData({ sessionId: id, text: 'first, then second', base: {} });
    await rig.core.settled();

    const patches = sentNotes(rig.sim.control.requests({ method: 'PATCH' }));
    expect(patches).toEqual(['first', 'first, then second']);
    expect(rig.sim.control.getSession(id)?.consoleData).toBe('first, then second');
    expect(rig.core.getState().consoleData[id]?.state).toBe('saved');
    expect(shown.filter((s) => s.state === 'saved').map((s) => s.onServer)).toEqual(['first, then second']);
    expect(shown.map((s) => s.state)).not.toContain('conflict');
  });
});
