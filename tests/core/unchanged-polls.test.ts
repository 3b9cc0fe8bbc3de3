// Unchanged polls are nearly free (a page whose body is the same text is not parsed again), yet
// they still let time end what time ends (a confirmed hold's overlay), and a changed body is
// parsed, validated and diffed in full.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { PageBodies } from '../../src/main/core/page-bodies';
import type { LivePatch } from '../../src/shared/live';
import { HeldAnswers } from './ports';
import { liveCall, type Rig, startRig } from './rig';

let rig: Rig | undefined;
afterEach(() => rig?.close());

describe('PageBodies', () => {
  type Page = { items?: { id: string; n?: number }[]; more?: boolean };
  const page = (items: object[], more = false) => JSON.stringify({ items, more });
  /** Counts parses, and hands back what it parsed with the reused items as they came. */
  function parser() {
    const counts = { parses: 0, parsedItems: 0 };
    const parse = (raw: unknown, reused: ReadonlySet<unknown>): Page => {
      counts.parses++;
      const value = raw as Page;
      counts.parsedItems += (value.items ?? []).filter((item) => !reused.has(item)).length;
      return value;
    };
    return { counts, parse };
  }

  it('parses a page again only when its text changed', () => {
    const pages = new PageBodies<Page>();
    const { counts, parse } = parser();
    const text = page([{ id: 'a' }]);
    const first = pages.read('/sessions?page=0', text, JSON.parse, parse);
    expect(pages.read('/sessions?page=0', String([text]), JSON.parse, parse)).toBe(first);
    expect(counts.parses).toBe(1);
    expect(pages.read('/sessions?page=0', page([{ id: 'b' }]), JSON.parse, parse)).toEqual({
      items: [{ id: 'b' }],
      more: false,
    });
    expect(pages.read('/sessions?page=1', page([{ id: 'b' }]), JSON.parse, parse).items).toEqual([{ id: 'b' }]);
    expect(counts.parses).toBe(3);
  });

  it('in a changed page, parses only the items whose text changed, and reuses the others as they were', () => {
    const pages = new PageBodies<Page>();
    const { counts, parse } = parser();
    const before = pages.read(
      'k',
      page([
        { id: 'a', n: 1 },
        { id: 'b', n: 1 },
        { id: 'c', n: 1 },
      ]),
      JSON.parse,
      parse,
    );
    counts.parsedItems = 0;
    const after = pages.read(
      'k',
      page(
        [
          { id: 'a', n: 1 },
          { id: 'b', n: 2 },
          { id: 'c', n: 1 },
        ],
        true,
      ),
      JSON.parse,
      parse,
    );
    expect(counts.parsedItems).toBe(1);
    expect(after.items?.[0]).toBe(before.items?.[0]);
    expect(after.items?.[2]).toBe(before.items?.[2]);
    expect(after).toEqual({
      items: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
        { id: 'c', n: 1 },
      ],
      more: true,
    });
  });

  it('gives what JSON.parse gives for any list body, however it is split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.jsonValue(), { maxLength: 6 }), { maxLength: 4 }),
        fc.jsonValue(),
        (polls, extra) => {
          const pages = new PageBodies<Page>();
          for (const items of polls) {
            const text = JSON.stringify({ before: extra, items, after: extra });
            expect(pages.read('k', text, JSON.parse, (raw) => raw as Page)).toEqual(JSON.parse(text));
          }
        },
      ),
    );
  });

  it('keeps nothing from a parse that threw', () => {
    const pages = new PageBodies<Page>();
    expect(() => pages.read('p', 'not json', JSON.parse, (raw) => raw as Page)).toThrow();
    const { counts, parse } = parser();
    expect(() => pages.read('p', 'not json', JSON.parse, parse)).toThrow();
    expect(() => pages.read('p', '{"items":[{"a":1},{"b":]}', JSON.parse, parse)).toThrow();
    expect(counts.parses).toBe(0);
  });
});

/** A fetch that can answer GET /sessions with the exact text of the last one (the server repeats itself). */
function repeatingFetch(inner: typeof globalThis.fetch) {
  let last: string | undefined;
  const control = { repeat: false };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await inner(input, init);
    if (init?.method !== 'GET' || new URL(String(input)).pathname !== '/sessions' || !response.ok) return response;
    if (control.repeat && last !== undefined) {
      return new Response(last, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    last = await response.text();
    return new Response(last, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, control };
}

/** The patches of the sessions list (the activity feed is polled on its own schedule). */
const patches = (r: Rig): LivePatch[] =>
  r.events.flatMap((e) => (e.type === 'patch' && e.patch.sessions ? [e.patch] : []));

describe('unchanged polls against the simulator', () => {
  it('an unchanged body still ends a confirmed hold overlay: the server word shows', async () => {
    const answers = new HeldAnswers();
    const { fetch, control } = repeatingFetch(answers.fetch);
    rig = await startRig({ fetch });
    await rig.signIn();
    const id = liveCall(rig.sim);
    rig.core.pollNow();
    await rig.core.settled();
    // From now on every poll answers the text of the last one: the call Connected.
    control.repeat = true;
    const held = answers.hold((method, url) => method === 'GET' && url.pathname === '/sessions');
    rig.core.pollNow();
    await held;
    rig.events.length = 0;
    await rig.core.hold({ sessionId: id, action: 'hold' });
    answers.release();
    await rig.core.settled();
    // The poll on its way kept the hold. The next ones, begun after the confirmation, are identical
    // text: the first few are taken for a lagging replica (the call exactly as before the hold),
    // then they are the server's word, unchanged bodies included.
    for (let poll = 0; poll < 4; poll++) {
      rig.core.pollNow();
      await rig.core.settled();
    }
    const states = patches(rig).flatMap((p) => (p.sessions?.changed ?? []).filter((c) => c.id === id));
    expect(states.map((c) => c.set.callState).filter(Boolean)).toEqual(['Hold', 'Connected']);
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === id)?.callState).toBe('Connected');
  });

  it('publishes nothing for unchanged polls, then a changed body in full, checked', async () => {
    rig = await startRig();
    await rig.signIn();
    rig.core.setWindowVisible(true);
    const a = liveCall(rig.sim, { fromName: 'Ada' });
    const b = liveCall(rig.sim, { fromName: 'Bob' });
    await rig.step(10_000);
    const before = rig.core.getSnapshot();
    rig.events.length = 0;
    await rig.step(20_000);
    expect(patches(rig)).toEqual([]);
    expect(rig.core.getSnapshot().sessions).toEqual(before.sessions);

    rig.sim.control.updateSession(a, { fromName: 'Ada Lovelace' });
    rig.sim.control.updateSession(b, { ended: 'no' as unknown as boolean });
    await rig.step(6000);
    const changed = patches(rig).flatMap((p) => p.sessions?.changed ?? []);
    expect(changed.find((c) => c.id === a)?.set.fromName).toBe('Ada Lovelace');
    expect(rig.core.getSnapshot().sessions.find((s) => s.id === b)).not.toHaveProperty('ended');
    expect(rig.core.getState().ignoredFields?.fields.join()).toContain('ended');
  });
});
