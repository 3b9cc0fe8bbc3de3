// The board against its model (issues 25 and 26): whatever the server does between polls (calls
// added, changed, ended, removed, changes stamped with equal times, another agent's PATCH read
// stale once, pages capped or not, the sort honoured or ignored, 304s or none), the board after
// a poll is the server's set, and after two quiet polls it is even when a read was stale.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { startSimulator } from '../../src/simulator/index';
import { LENIENT } from '../../src/simulator/strictness';
import type { Simulator } from '../../src/simulator/types';
import { basic } from '../simulator/support';
import { type Rig, START, startRig } from './rig';

let rig: Rig | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  await rig?.close();
  await sim?.close();
  rig = undefined;
  sim = undefined;
});

const NORTH = 'acct-north';

type Command =
  | { kind: 'add' }
  | { kind: 'change'; pick: number; field: 'note' | 'hold' | 'connect'; sameStamp: boolean }
  | { kind: 'end'; pick: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'patch'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'poll' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ kind: 'add' as const }),
  fc.record({
    kind: fc.constant('change' as const),
    pick: fc.nat(),
    field: fc.constantFrom('note' as const, 'hold' as const, 'connect' as const),
    sameStamp: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('end' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('patch' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 300, 2_000, 61_000) }),
  fc.constant({ kind: 'poll' as const }),
);

const server = fc.record({
  maxPageSize: fc.constantFrom(0, 3, 7),
  ignoreSort: fc.boolean(),
  staleReads: fc.constantFrom(0, 1),
  conditionalGets: fc.boolean(),
  initial: fc.nat({ max: 25 }),
});

/** What a board row must agree on with the server. */
const row = (s: { id?: string; consoleData?: string; callState?: string; ended?: boolean }) =>
  `${s.id} ${s.callState} ${s.ended === true} ${s.consoleData ?? ''}`;

type Server = {
  maxPageSize: number;
  ignoreSort: boolean;
  staleReads: number;
  conditionalGets: boolean;
  initial: number;
};

/** A rig on a fresh simulator with `config`, `commands` run; the board checked after each poll and at the end. */
async function runModel(config: Server, commands: readonly Command[]): Promise<void> {
  const removed = new Set<string>();
  const { initial, ...switches } = config;
  const s = await startSimulator({ clock: 'manual', scenario: false, seed: 7, startTime: START, strictness: LENIENT });
  sim = s;
  s.control.setStrictness(switches);
  s.control.loadSessions(initial, { accountId: NORTH });
  // A slow answer on a busy machine must not fail a poll: the model is about data, not time.
  const r = await startRig({ sim: s, requestTimeoutMs: 10_000 });
  rig = r;
  await r.signIn();
  const live = () => s.control.listSessions().filter((x) => !removed.has(x.id as string));
  const expectBoardIsServer = () =>
    expect(r.core.getSnapshot().sessions.map(row).sort()).toEqual(live().map(row).sort());
  const poll = async () => {
    r.core.pollNow();
    await r.core.settled();
  };
  const pick = (n: number) => {
    const all = live();
    return all.length === 0 ? undefined : (all[n % all.length]?.id as string);
  };
  for (const c of commands) {
    const id = 'pick' in c ? pick(c.pick) : undefined;
    if (c.kind === 'add') s.control.addSession({ accountId: NORTH });
    else if (c.kind === 'advance') await r.step(c.ms);
    else if (c.kind === 'poll') {
      await poll();
      if (switches.staleReads === 0) expectBoardIsServer();
    } else if (id === undefined) continue;
    else if (c.kind === 'change') {
      const newest = live()
        .map((x) => x.dateLastModified ?? '')
        .sort()
        .at(-1);
      const fields = {
        note: { consoleData: `note ${c.pick}` },
        hold: { callState: 'Hold' },
        connect: { callState: 'Connected' },
      };
      s.control.updateSession(id, { ...fields[c.field], ...(c.sameStamp ? { dateLastModified: newest } : {}) });
    } else if (c.kind === 'end') {
      if (!s.control.getSession(id)?.ended) s.control.endSession(id);
    } else if (c.kind === 'remove') {
      if (!s.control.getSession(id)?.ended) s.control.endSession(id);
      s.control.archiveSession(id);
      removed.add(id);
    } else {
      const answer = await fetch(`${s.url}/sessions/${id}`, {
        method: 'PATCH',
        headers: { authorization: basic(), 'content-type': 'application/json' },
        body: JSON.stringify({ consoleData: `another agent ${c.pick}` }),
      });
      expect(answer.status).toBe(200);
    }
  }
  await poll();
  await poll();
  expectBoardIsServer();
  await r.close();
  await s.close();
  rig = undefined;
  sim = undefined;
}

describe('the board against the server (model)', () => {
  it('after each poll the board is the server set; after two quiet polls, even after a stale read', async () => {
    await fc.assert(
      fc.asyncProperty(server, fc.array(command, { maxLength: 14 }), runModel),
      // A fixed seed by default, so npm test is the same run every time (fast-check prints it on
      // failure); BOARD_MODEL_SEED=<seed> replays one, BOARD_MODEL_SEED=random explores.
      {
        numRuns: 25,
        endOnFailure: true,
        seed:
          process.env.BOARD_MODEL_SEED === 'random'
            ? Date.now() % 2 ** 31
            : Number(process.env.BOARD_MODEL_SEED ?? 20261205),
      },
    );
  }, 120_000);

  // Counterexamples the property once found, kept as examples.
  it.each<[string, Server, Command[]]>([
    [
      'a stale copy deep in a capped list, under the probe (the replica lags in time, not in pages)',
      { maxPageSize: 3, ignoreSort: false, staleReads: 1, conditionalGets: false, initial: 8 },
      [{ kind: 'poll' }, { kind: 'patch', pick: 1540440894 }],
    ],
    [
      'a server ignoring the sort whose own order looks sorted on the probe (newest created first)',
      { maxPageSize: 3, ignoreSort: true, staleReads: 1, conditionalGets: true, initial: 23 },
      [
        { kind: 'remove', pick: 9 },
        { kind: 'change', pick: 491102650, field: 'hold', sameStamp: false },
        { kind: 'poll' },
        { kind: 'add' },
        { kind: 'end', pick: 10 },
        { kind: 'change', pick: 1428209574, field: 'hold', sameStamp: true },
      ],
    ],
    [
      'the same, where no known session gives the skipped one away',
      { maxPageSize: 3, ignoreSort: true, staleReads: 1, conditionalGets: false, initial: 23 },
      [
        { kind: 'end', pick: 141477442 },
        { kind: 'remove', pick: 1306926977 },
        { kind: 'advance', ms: 0 },
        { kind: 'advance', ms: 300 },
        { kind: 'poll' },
        { kind: 'advance', ms: 300 },
        { kind: 'end', pick: 1049477726 },
        { kind: 'end', pick: 1303042655 },
      ],
    ],
  ])('%s', async (_name, config, commands) => runModel(config, commands));
});
