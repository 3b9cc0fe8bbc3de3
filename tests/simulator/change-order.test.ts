// GET /sessions by dateLastModified (honoured, ignored as a switch, sorted as the stale replica
// shows it), conditional GETs of lists (ETag, Last-Modified, 304) and the traffic totals.
import { afterEach, describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import type { Simulator } from '../../src/simulator/index';
import { basic, call, start } from './support';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const BY_CHANGE = '/sessions?SortField=dateLastModified&SortOrder=Descend';
const ids = (body: { items: SessionInfo[] }) => body.items.map((s) => s.id);

async function threeCalls(s: Simulator): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < 3; i++) {
    made.push(s.control.addSession({ accountId: 'acct-north' }).id as string);
    s.control.advance(1_000);
  }
  return made;
}

describe('GET /sessions by dateLastModified', () => {
  it('honours SortField=dateLastModified&SortOrder=Descend: the last changed first', async () => {
    sim = await start();
    const [a, b, c] = await threeCalls(sim);
    sim.control.updateSession(a as string, { consoleData: 'touched' });
    expect(ids((await call(sim, BY_CHANGE)).body)).toEqual([a, c, b]);
  });

  it('with ignoreSort, answers in the default order whatever is asked, and the default stays honoured', async () => {
    sim = await start({ strictness: { ignoreSort: true, oldestFirst: true } });
    const [a, b, c] = await threeCalls(sim);
    sim.control.updateSession(a as string, { consoleData: 'touched' });
    expect(ids((await call(sim, BY_CHANGE)).body)).toEqual([a, b, c]);
    sim.control.setStrictness({ ignoreSort: false });
    expect(ids((await call(sim, BY_CHANGE)).body)).toEqual([a, c, b]);
  });

  it('sorts a stale copy by its own date, as the lagging replica that answers has it', async () => {
    sim = await start({ strictness: { staleReads: 1 } });
    const [a, b, c] = await threeCalls(sim);
    const patched = await call(sim, `/sessions/${a}`, { method: 'PATCH', body: JSON.stringify({ consoleData: 'x' }) });
    expect(patched.status).toBe(200);
    expect(ids((await call(sim, BY_CHANGE)).body)).toEqual([c, b, a]);
    expect(ids((await call(sim, BY_CHANGE)).body)).toEqual([a, c, b]);
  });
});

describe('conditional GETs of lists (conditionalGets)', () => {
  it('sends ETag and Last-Modified, and answers 304 to a matching If-None-Match or If-Modified-Since', async () => {
    sim = await start({ strictness: { conditionalGets: true } });
    const [a] = await threeCalls(sim);
    const first = await call(sim, '/sessions');
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    expect(etag).toMatch(/^".+"$/);
    expect(Date.parse(lastModified)).toBeLessThanOrEqual(sim.control.now());
    expect((await call(sim, '/sessions', { headers: { authorization: basic(), 'if-none-match': etag } })).status).toBe(
      304,
    );
    const ims = { authorization: basic(), 'if-modified-since': lastModified };
    expect((await call(sim, '/sessions', { headers: ims })).status).toBe(304);
    sim.control.updateSession(a as string, { consoleData: 'changed in the same second' });
    const changed = await call(sim, '/sessions', { headers: { authorization: basic(), 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await call(sim, '/sessions', { headers: ims })).status).toBe(200);
    expect(sim.control.requests({ pathPrefix: '/sessions' }).map((q) => q.status)).toEqual([200, 304, 304, 200, 200]);
  });

  it('off (the default): no validators, and If-None-Match is ignored', async () => {
    sim = await start();
    await threeCalls(sim);
    const first = await call(sim, '/sessions');
    expect(first.headers.get('etag')).toBeNull();
    const again = await call(sim, '/sessions', { headers: { authorization: basic(), 'if-none-match': '*' } });
    expect(again.status).toBe(200);
  });

  it('counts every answer and its body bytes, however many the request log keeps', async () => {
    sim = await start({ strictness: { conditionalGets: true } });
    const first = await call(sim, '/sessions');
    await call(sim, '/sessions', { headers: { authorization: basic(), 'if-none-match': first.headers.get('etag')! } });
    const bytes = Buffer.byteLength(JSON.stringify(first.body));
    expect(sim.control.traffic()).toEqual({ requests: 2, bytes });
    expect(sim.control.requests().map((q) => q.bytes)).toEqual([bytes, 0]);
  });
});
