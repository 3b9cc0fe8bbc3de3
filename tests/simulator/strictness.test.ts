// Each strict behaviour on and off: page cap, reference paging, default order, null omission,
// unknown enum names, extra fields, mixed dates, string booleans, stale reads, /auth/status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  FLOW_CHANNELS,
  SESSION_CALL_STATES,
  SESSION_DIAL_STATES,
  SESSION_MEMBER_ROLES,
  SESSION_QUEUE_STATES,
  type SessionInfo,
} from '../../src/shared/evovoice';
import { LENIENT, parseStrictness, type Simulator, startSimulator, STRICT } from '../../src/simulator/index';
import { SERVER_VARIANTS, STRICTNESS_SWITCHES } from '../../src/simulator/strictness';
import { EXTRA_SESSION_FIELD, writeDate } from '../../src/simulator/wire-shape';
import { call, START, start } from './support';

type Wire = Record<string, unknown> & { members?: Array<Record<string, unknown>>; log?: unknown[] };

const list = async (sim: Simulator, path: string): Promise<{ items: Wire[] } & Record<string, unknown>> => {
  const res = await call(sim, path);
  expect(res.status, path).toBe(200);
  return res.body;
};

const dates = (items: Wire[]): string[] => items.map((s) => s.dateCreated as string);
const sorted = (values: string[], order: 1 | -1): string[] => [...values].sort((a, b) => a.localeCompare(b) * order);

describe('the presets and their text form', () => {
  it('STRICT changes every switch LENIENT has, except the ones that make another server', () => {
    expect(STRICTNESS_SWITCHES.filter((name) => STRICT[name] === LENIENT[name])).toEqual([...SERVER_VARIANTS]);
  });

  it('reads 1 as STRICT, nothing as LENIENT, and a list of switches on top of LENIENT', () => {
    expect(parseStrictness('1')).toEqual(STRICT);
    expect(parseStrictness(undefined)).toEqual(LENIENT);
    expect(parseStrictness('maxPageSize=50, oldestFirst, authStatus=missing')).toEqual({
      ...LENIENT,
      maxPageSize: 50,
      oldestFirst: true,
      authStatus: 'missing',
    });
    expect(() => parseStrictness('pageCap=3')).toThrow(/Unknown strictness 'pageCap'/);
    expect(() => parseStrictness('authStatus=sometimes')).toThrow(/authStatus/);
  });

  it('takes EVO_SIM_STRICT when the caller names no strictness, and the caller over it', async () => {
    const before = process.env.EVO_SIM_STRICT;
    process.env.EVO_SIM_STRICT = 'maxPageSize=7';
    try {
      const fromEnv = await startSimulator({ scenario: false });
      const named = await startSimulator({ scenario: false, strictness: {} });
      expect(fromEnv.control.strictness().maxPageSize).toBe(7);
      expect(named.control.strictness()).toEqual(LENIENT);
      await Promise.all([fromEnv.close(), named.close()]);
    } finally {
      if (before === undefined) delete process.env.EVO_SIM_STRICT;
      else process.env.EVO_SIM_STRICT = before;
    }
  });

  it('is switched over the HTTP control too, and refuses an unknown switch', async () => {
    const sim = await start({ httpControl: true });
    const control = (op: string, args: unknown[]) =>
      fetch(`${sim.url}/__sim/control`, { method: 'POST', body: JSON.stringify({ op, args }) }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    try {
      expect((await control('setStrictness', [{ maxPageSize: 10 }])).body.result.maxPageSize).toBe(10);
      expect(sim.control.strictness().maxPageSize).toBe(10);
      expect((await control('setStrictness', [{ pageCap: 10 }])).status).toBe(400);
    } finally {
      await sim.close();
    }
  });
});

describe('paging and order', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
    sim.control.loadSessions(250);
  });
  afterAll(() => sim.close());

  it('maxPageSize: caps CountPerPage and pages with the cap; off, sends what was asked', async () => {
    expect((await list(sim, '/sessions?CountPerPage=2000')).items).toHaveLength(250);
    sim.control.setStrictness({ maxPageSize: 100 });
    const pages = await Promise.all([0, 1, 2, 3].map((p) => list(sim, `/sessions?CountPerPage=2000&Page=${p}`)));
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50, 0]);
    expect(pages[0]).toMatchObject({ totalCount: 250, totalPages: 3 });
    expect(new Set(pages.flatMap((p) => p.items.map((s) => s.id))).size).toBe(250);
    sim.control.setStrictness({ maxPageSize: 0 });
  });

  it('referencePaging: totals without hasMorePages, or only items with SimplifiedPaging; off, both', async () => {
    expect(Object.keys(await list(sim, '/sessions')).sort()).toEqual([
      'hasMorePages',
      'items',
      'totalCount',
      'totalPages',
    ]);
    expect(Object.keys(await list(sim, '/sessions?SimplifiedPaging=true')).sort()).toEqual(['hasMorePages', 'items']);
    sim.control.setStrictness({ referencePaging: true });
    expect(Object.keys(await list(sim, '/sessions')).sort()).toEqual(['items', 'totalCount', 'totalPages']);
    expect(Object.keys(await list(sim, '/portal/activity?SimplifiedPaging=true'))).toEqual(['items']);
    const end = await list(sim, '/sessions?SimplifiedPaging=true&CountPerPage=100&Page=2');
    expect(end.items).toHaveLength(50);
    expect((await list(sim, '/sessions?SimplifiedPaging=true&CountPerPage=100&Page=3')).items).toEqual([]);
    sim.control.setStrictness({ referencePaging: false });
  });

  it.each(['/sessions', '/portal/activity', '/portal/call-history'])(
    'oldestFirst: %s comes oldest first unless SortOrder asks; off, newest first',
    async (path) => {
      const newest = dates((await list(sim, `${path}?All=true`)).items);
      expect(newest.length).toBeGreaterThan(10);
      expect(newest).toEqual(sorted(newest, -1));
      sim.control.setStrictness({ oldestFirst: true });
      try {
        const plain = dates((await list(sim, `${path}?All=true`)).items);
        expect(plain).toEqual(sorted(plain, 1));
        const asked = dates((await list(sim, `${path}?All=true&SortField=dateCreated&SortOrder=Descend`)).items);
        expect(asked).toEqual(sorted(asked, -1));
        const orderOnly = dates((await list(sim, `${path}?All=true&SortOrder=Descend`)).items);
        expect(orderOnly).toEqual(sorted(orderOnly, -1));
      } finally {
        sim.control.setStrictness({ oldestFirst: false });
      }
    },
  );
});

describe('how sessions are written', () => {
  let sim: Simulator;
  const read = async (): Promise<Wire[]> => (await list(sim, '/sessions?All=true')).items;
  const withSwitch = async (changes: Parameters<Simulator['control']['setStrictness']>[0]): Promise<Wire[]> => {
    sim.control.setStrictness(changes);
    try {
      return await read();
    } finally {
      sim.control.setStrictness(LENIENT);
    }
  };
  beforeAll(async () => {
    sim = await start();
    sim.control.loadSessions(60);
    sim.control.addSession({ accountId: 'acct-north', log: [] });
  });
  afterAll(() => sim.close());

  it('omitNulls: anonymous callers, calls without a customer and empty lists lose those fields', async () => {
    const lenient = await read();
    expect(lenient.every((s) => s.fromName !== undefined && s.customerId !== undefined && s.log !== undefined)).toBe(
      true,
    );
    const strict = await withSwitch({ omitNulls: true });
    const anonymous = strict.filter((s) => s.fromName === undefined && s.displayName === undefined);
    expect(anonymous.length).toBeGreaterThan(5);
    expect(anonymous.length).toBeLessThan(40);
    expect(
      strict.filter((s) => s.customerId === undefined && s.customerBreadcrumb === undefined).length,
    ).toBeGreaterThan(5);
    expect(strict.filter((s) => s.log === undefined)).toHaveLength(1);
    expect(await withSwitch({ omitNulls: true })).toEqual(strict);
  });

  it('omitNulls and unknownEnums leave alone the fields a test set through the control API', async () => {
    const named = Array.from({ length: 16 }, (_, i) =>
      sim.control.addSession({ accountId: 'acct-south', fromName: `Named ${i}`, channel: 'Voice' }),
    );
    const strict = await withSwitch({ omitNulls: true, unknownEnums: true });
    const sent = new Map(strict.map((s) => [s.id, s]));
    for (const s of named) expect(sent.get(s.id)).toMatchObject({ fromName: s.fromName, channel: 'Voice' });
    expect(named.some((s) => sent.get(s.id)?.displayName === undefined)).toBe(true);
  });

  it('unknownEnums: some sessions carry an enum name the pages do not list, the same on every read', async () => {
    const known = (s: Wire): boolean =>
      (SESSION_CALL_STATES as readonly unknown[]).includes(s.callState) &&
      (SESSION_DIAL_STATES as readonly unknown[]).includes(s.dialState) &&
      (SESSION_QUEUE_STATES as readonly unknown[]).includes(s.queueState) &&
      (FLOW_CHANNELS as readonly unknown[]).includes(s.channel) &&
      (s.members ?? []).every((m) => (SESSION_MEMBER_ROLES as readonly unknown[]).includes(m.role));
    expect((await read()).every(known)).toBe(true);
    const strict = await withSwitch({ unknownEnums: true });
    const drifted = strict.filter((s) => !known(s));
    expect(drifted.length).toBeGreaterThan(5);
    expect(
      drifted.every(
        (s) => s.callState !== undefined && (SESSION_CALL_STATES as readonly unknown[]).includes(s.callState),
      ),
    ).toBe(true);
    expect(await withSwitch({ unknownEnums: true })).toEqual(strict);
  });

  it('extraFields: some sessions carry a field the pages do not list', async () => {
    expect((await read()).some((s) => EXTRA_SESSION_FIELD in s)).toBe(false);
    const strict = await withSwitch({ extraFields: true });
    expect(strict.filter((s) => EXTRA_SESSION_FIELD in s).length).toBeGreaterThan(5);
  });

  it('mixedDates: four ways of writing the same instant; off, ISO with Z', async () => {
    const lenient = await read();
    expect(lenient.every((s) => String(s.dateCreated).endsWith('Z'))).toBe(true);
    const strict = await withSwitch({ mixedDates: true });
    const byId = new Map(lenient.map((s) => [s.id, s]));
    const styles = new Set<string>();
    for (const s of strict) {
      const written = String(s.dateCreated);
      const stored = Date.parse(String(byId.get(s.id)?.dateCreated));
      const wcf = /^\/Date\((\d+)([+-]\d{4})\)\/$/.exec(written);
      if (wcf !== null) {
        styles.add('wcf');
        expect(Number(wcf[1])).toBe(stored);
      } else if (written.endsWith('Z')) {
        styles.add('utc');
        expect(Date.parse(written)).toBe(stored);
      } else if (/[+-]\d{2}:\d{2}$/.test(written)) {
        styles.add('offset');
        expect(Date.parse(written)).toBe(stored);
      } else {
        styles.add('no offset');
        expect(written).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
        expect(Date.parse(`${written.slice(0, 23)}Z`)).toBe(stored);
      }
    }
    expect([...styles].sort()).toEqual(['no offset', 'offset', 'utc', 'wcf']);
    expect(writeDate('2026-11-23T10:00:00.000Z', 1)).toBe('2026-11-23T05:00:00.000-05:00');
  });

  it('stringBooleans: some sessions send "true"/"false"; off, booleans', async () => {
    expect((await read()).every((s) => typeof s.ended === 'boolean')).toBe(true);
    const strict = await withSwitch({ stringBooleans: true });
    const loose = strict.filter((s) => typeof s.ended === 'string');
    expect(loose.length).toBeGreaterThan(5);
    expect(loose.every((s) => s.ended === 'true' || s.ended === 'false')).toBe(true);
    expect(loose.flatMap((s) => s.members ?? []).every((m) => typeof m.muted === 'string')).toBe(true);
  });
});

describe('staleReads', () => {
  it('shows the pre-PATCH session for that many list answers; the PATCH answer is current', async () => {
    const sim = await start({ strictness: { staleReads: 2 } });
    try {
      const s = sim.control.addSession({ accountId: 'acct-north', callState: 'Connected' });
      const patched = await call(sim, `/sessions/${s.id}`, { method: 'PATCH', body: '{"callState":"Hold"}' });
      expect(patched.body.callState).toBe('Hold');
      const state = async (path: string) =>
        ((await list(sim, path)).items.find((x) => x.id === s.id) as SessionInfo).callState;
      expect(await state('/sessions')).toBe('Connected');
      expect(await state('/portal/activity')).toBe('Connected');
      expect(await state('/sessions')).toBe('Hold');
      sim.control.setStrictness({ staleReads: 0 });
      await call(sim, `/sessions/${s.id}`, { method: 'PATCH', body: '{"callState":"Connected"}' });
      expect(await state('/sessions')).toBe('Connected');
    } finally {
      await sim.close();
    }
  });
});

describe('authStatus', () => {
  it.each([
    ['full', 200, ['acct-north', 'acct-south']],
    ['no-account-ids', 200, undefined],
    ['missing', 404, undefined],
  ] as const)('%s: %s, account ids %j', async (mode, status, accountIds) => {
    const sim = await start({ strictness: { authStatus: mode } });
    try {
      const res = await call(sim, '/auth/status');
      expect(res.status).toBe(status);
      expect(res.body.accountIds).toEqual(accountIds);
      expect((await call(sim, '/sessions')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('the history archive', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ archiveDays: 31 });
  });
  afterAll(() => sim.close());

  it('holds a month of calls, reachable only with SearchArchive', async () => {
    const archive = (await list(sim, '/sessions?SearchArchive=true&All=true')).items;
    expect(archive.length).toBe(31 * 20);
    const days = new Set(archive.map((s) => String(s.dateCreated).slice(0, 10)));
    expect(days.size).toBeGreaterThan(25);
    expect((await list(sim, '/sessions?All=true')).items).toEqual([]);
  });

  it('finds last month’s call by caller name, number, date range and log text', async () => {
    const archive = (await list(sim, '/sessions?SearchArchive=true&All=true&SortOrder=Ascend')).items;
    const old = archive[0] as Wire;
    const day = String(old.dateCreated).slice(0, 10);
    expect(Date.parse(day)).toBeLessThan(START - 20 * 86_400_000);
    const q = `/sessions?SearchArchive=true&All=true&StartDate=${day}&EndDate=${day}`;
    const byName = (await list(sim, `${q}&From=${encodeURIComponent(String(old.fromName))}`)).items;
    expect(byName.map((s) => s.id)).toContain(old.id);
    const byNumber = (await list(sim, `${q}&From=${encodeURIComponent(String(old.fromAddress))}`)).items;
    expect(byNumber.map((s) => s.id)).toContain(old.id);
    const message = String((old.log as Array<{ message: string }>).at(-1)?.message);
    expect((await list(sim, `${q}&Log=${encodeURIComponent(message)}`)).items.map((s) => s.id)).toContain(old.id);
    expect((await list(sim, `/sessions?All=true&From=${encodeURIComponent(String(old.fromName))}`)).items).toEqual([]);
  });

  it('archives an ended call on demand, and refuses a live one', async () => {
    const s = sim.control.addSession({ accountId: 'acct-south' });
    expect(() => sim.control.archiveSession(s.id as string)).toThrow(/end it first/);
    sim.control.endSession(s.id as string);
    sim.control.archiveSession(s.id as string);
    expect((await list(sim, `/sessions?SpecificIds=${s.id}`)).items).toEqual([]);
    expect((await list(sim, `/sessions?SearchArchive=true&SpecificIds=${s.id}`)).items).toHaveLength(1);
  });
});

describe('a call that started before midnight', () => {
  it('is on the board, but StartDate=today leaves it out', async () => {
    const sim = await start({ startTime: Date.parse('2026-11-24T00:10:00.000Z') });
    try {
      const s = sim.control.addSession({ accountId: 'acct-north', dateCreated: '2026-11-23T23:50:00.000Z' });
      expect((await list(sim, '/sessions')).items.map((x) => x.id)).toEqual([s.id]);
      expect((await list(sim, '/sessions?StartDate=2026-11-24')).items).toEqual([]);
      expect((await list(sim, '/sessions?StartDate=2026-11-23')).items.map((x) => x.id)).toEqual([s.id]);
    } finally {
      await sim.close();
    }
  });
});
