// The outbox against a model (issue 26): any interleaving of the agent's edits, another writer's
// changes, faults (5xx, 429 with Retry-After, a hang, a lost answer), restarts and time passing,
// against the simulator over HTTP, never loses the agent's last text, and reports a conflict exactly
// when the server's text differs from the one the agent started from. Texts are compared exactly:
// a text that differs only in whitespace or line endings is a different text (a conflict when
// someone else wrote it). The one text the console cannot tell from its own is the words of its
// last unanswered write: someone else writing exactly those is taken as that write (nothing of
// theirs is lost by overwriting it). Bounded runs (25 by default, EVO_MODEL_RUNS for more); the seed
// is printed on a failure (EVO_MODEL_SEED replays one).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ConsoleDataStatus } from '../../src/shared/live';
import { startSimulator } from '../../src/simulator/index';
import type { Fault, Simulator } from '../../src/simulator/types';
import { liveCall, type Rig, START, startRig } from './rig';

/** Few texts, so that the same text comes back often; whitespace and line-ending twins included. */
const TEXTS = ['', 'Call back', 'Call back ', 'Call back\r\n', 'Call back\n', ' Call back', 'Refund', 'Refund\r\nok'];

type Op =
  | { op: 'edit'; text: string }
  | { op: 'other'; text: string }
  | { op: 'fault'; fault: Omit<Fault, 'count'>; count: number }
  | { op: 'restart' }
  | { op: 'wait'; ms: number }
  | { op: 'resolve'; keepMine: boolean };

const text = fc.constantFrom(...TEXTS);
const FAULTS: Omit<Fault, 'count'>[] = [
  { endpoint: 'patch-session', kind: 'error-500' },
  { endpoint: 'sessions', kind: 'error-500' },
  { endpoint: 'patch-session', kind: 'rate-limit', retryAfterSeconds: 20 },
  { endpoint: 'sessions', kind: 'rate-limit', retryAfterSeconds: 20 },
  // The write is applied, its answer lost.
  { endpoint: 'patch-session', kind: 'truncated-json' },
  { endpoint: 'patch-session', kind: 'reset' },
];
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: text.map((t) => ({ op: 'edit' as const, text: t })) },
  { weight: 3, arbitrary: text.map((t) => ({ op: 'other' as const, text: t })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ fault: fc.constantFrom(...FAULTS), count: fc.integer({ min: 1, max: 3 }) })
      .map((f) => ({ op: 'fault' as const, ...f })),
  },
  // A hang costs the client's whole timeout in real time: one at a time.
  {
    weight: 1,
    arbitrary: fc.constant({
      op: 'fault' as const,
      fault: { endpoint: 'patch-session', kind: 'hang' } as const,
      count: 1,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 2, arbitrary: fc.constantFrom(5_000, 30_000, 120_000).map((ms) => ({ op: 'wait' as const, ms })) },
  { weight: 2, arbitrary: fc.boolean().map((keepMine) => ({ op: 'resolve' as const, keepMine })) },
);

/** What the agent did and saw, as the model keeps it. */
interface Agent {
  /** The last text the agent typed or chose (undefined: no edit yet). */
  last?: string;
  /** The server's text the unsent edit started from (undefined: nothing unsent). */
  base?: string;
  /** The text of the console's last write the server applied for the unsent edit (its answer may be lost). */
  own?: string;
  /**
   * The text of the console's last write for the unsent edit, applied or not. A server text equal
   * to it counts as the agent's own: the console cannot tell someone else writing those very words
   * from its own write whose answer was lost (and overwriting them loses nothing of theirs).
   */
  sent?: string;
  /** The last edit was saved and then someone else wrote over it: the server's text is theirs. */
  overwritten: boolean;
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ clock: 'manual', scenario: false, seed: 26, startTime: START });
});
afterAll(() => sim.close());

const statusOf = (rig: Rig, id: string): ConsoleDataStatus | undefined => rig.core.getState().consoleData[id];
const onServer = (id: string) => sim.control.getSession(id)?.consoleData ?? '';

async function run(ops: Op[]): Promise<void> {
  sim.control.clearFaults();
  const problems: string[] = [];
  // Every PATCH of the note, with what the server held when it arrived and what the agent had.
  let agent: Agent = { overwritten: false };
  let id = '';
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (init?.method !== 'PATCH' || url.pathname !== `/sessions/${id}`) return globalThis.fetch(input, init);
    const before = onServer(id);
    const sent = (JSON.parse(String(init.body)) as { consoleData: string }).consoleData;
    // A write may replace only what the agent started from, or its own earlier write.
    if (agent.base !== undefined && ![agent.base, agent.own, agent.sent, sent].includes(before)) {
      problems.push(
        `overwrote ${JSON.stringify(before)} (someone else's) with ${JSON.stringify(sent)}, base ${JSON.stringify(agent.base)}`,
      );
    }
    agent.sent = sent;
    try {
      return await globalThis.fetch(input, init);
    } finally {
      if (onServer(id) === sent) agent.own = sent;
    }
  };
  // Polls as rare as Settings allow: the outbox's own sends and retries are what is under test.
  const rig = await startRig({
    sim,
    fetch,
    settings: { pollLiveMs: 60_000, pollVisibleMs: 300_000, pollIdleMs: 3_600_000 },
  });
  try {
    await rig.signIn();
    id = liveCall(sim);
    rig.core.pollNow();
    await rig.core.settled();

    const check = (when: string) => {
      const status = statusOf(rig, id);
      if (status?.state === 'conflict') {
        const theirs = status.theirs ?? '';
        if (theirs === agent.base || theirs === agent.own || theirs === agent.sent)
          problems.push(`${when}: a conflict with ${JSON.stringify(theirs)}, which the agent started from or wrote`);
        if (status.pending !== agent.last) problems.push(`${when}: the conflict lost the agent's text`);
      }
      if (status && status.state !== 'saved' && status.pending !== agent.last)
        problems.push(
          `${when}: shows ${JSON.stringify(status.pending)} pending, the agent's last is ${JSON.stringify(agent.last)}`,
        );
      // No status (after a restart) is nothing unsent: as saved.
      const saved = status === undefined || status.state === 'saved';
      if (saved && agent.last !== undefined && !agent.overwritten && onServer(id) !== agent.last)
        problems.push(
          `${when}: "saved" but the server has ${JSON.stringify(onServer(id))}, not ${JSON.stringify(agent.last)}`,
        );
      if (saved) agent = { ...agent, base: undefined, own: undefined, sent: undefined };
    };

    for (const [i, step] of ops.entries()) {
      const when = `#${i} ${JSON.stringify(step)}`;
      switch (step.op) {
        case 'edit': {
          const unsent = agent.base !== undefined;
          const session = sim.control.getSession(id);
          // A new edit starts from what the server holds now; one on top of an unsent edit keeps its base.
          const base = unsent
            ? { value: agent.base }
            : { value: session?.consoleData ?? '', dateLastModified: session?.dateLastModified };
          agent = { ...agent, last: step.text, base: base.value ?? '', overwritten: false };
          await rig.core.saveConsoleData({
            sessionId: id,
            text: step.text,
            base: Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)),
          });
          break;
        }
        case 'other':
          if (
            (statusOf(rig, id)?.state ?? 'saved') === 'saved' &&
            onServer(id) === agent.last &&
            step.text !== agent.last
          )
            agent.overwritten = true;
          sim.control.setConsoleData(id, step.text);
          break;
        case 'fault':
          sim.control.addFault({ ...step.fault, count: step.count });
          break;
        case 'restart':
          await rig.restart();
          break;
        case 'wait':
          await rig.step(step.ms);
          break;
        case 'resolve': {
          const status = statusOf(rig, id);
          if (status?.state !== 'conflict') break;
          const chosen = step.keepMine ? (status.pending ?? '') : (status.theirs ?? '');
          agent = { ...agent, last: chosen, base: status.theirs ?? '', own: undefined, overwritten: false };
          await rig.core.resolveConflict({ sessionId: id, text: chosen });
          break;
        }
      }
      await rig.core.settled();
      check(when);
    }

    // The network heals: whatever is unsent reaches the server, or waits as a conflict for the agent.
    sim.control.clearFaults();
    for (let i = 0; i < 6; i++) await rig.step(60_000);
    check('healed');
    // A conflict waits for the agent, who keeps their text (as often as someone else writes again).
    for (let round = 0; round < 3 && statusOf(rig, id)?.state === 'conflict'; round++) {
      const status = statusOf(rig, id) as ConsoleDataStatus;
      agent = { ...agent, last: status.pending ?? '', base: status.theirs ?? '', own: undefined };
      await rig.core.resolveConflict({ sessionId: id, text: status.pending ?? '' });
      for (let i = 0; i < 3; i++) await rig.step(60_000);
      check(`resolved ${round}`);
    }
    const final = statusOf(rig, id);
    if (agent.last !== undefined) {
      if (final !== undefined && final.state !== 'saved')
        problems.push(`end: still ${final.state} (${final.message ?? ''})`);
      if (!agent.overwritten && onServer(id) !== agent.last)
        problems.push(
          `end: the server has ${JSON.stringify(onServer(id))}, the agent's last text was ${JSON.stringify(agent.last)}`,
        );
    }
  } finally {
    sim.control.clearFaults();
    await rig.close();
  }
  expect(problems).toEqual([]);
}

/** Shrunk counterexamples the model found, kept as examples (the first two fail on the outbox before its fixes, the third on a first fix, the fourth before the confirmed save's date was compared). */
const FOUND: Record<string, Op[]> = {
  // A lost answer, then the agent typed the original text back; a lagging read showed the original,
  // and the outbox called it saved while the server kept the lost write.
  'a lost answer, then the original text typed back': [
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'truncated-json' }, count: 1 },
    { op: 'edit', text: 'Call back\n' },
    { op: 'edit', text: '' },
  ],
  // A lost answer, then someone else's change (line endings only); a lagging read hid it and the
  // retry wrote over it instead of reporting the conflict.
  "a lost answer, then someone else's change hidden by a lagging read": [
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'truncated-json' }, count: 1 },
    { op: 'edit', text: 'Call back\n' },
    { op: 'other', text: 'Call back\r\n' },
  ],
  'a hang, a lost answer, an edit back to the original, then someone else writes': [
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'hang' }, count: 1 },
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'truncated-json' }, count: 1 },
    { op: 'edit', text: 'Call back\r\n' },
    { op: 'edit', text: '' },
    { op: 'other', text: 'Refund' },
  ],
  // Seed 1164066224: after a hang, someone else wrote exactly the text the outbox had saved itself
  // (""), after the agent's next edit began; the retry took it for its own confirmed save and wrote
  // over it. Now the server's date, newer than that save's, makes it someone else's: a conflict.
  'someone else writes a text the outbox once saved itself, during a retry': [
    { op: 'edit', text: '' },
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'hang' }, count: 1 },
    { op: 'other', text: 'Refund\r\nok' },
    { op: 'edit', text: ' Call back' },
    { op: 'other', text: '' },
    { op: 'fault', fault: { endpoint: 'patch-session', kind: 'error-500' }, count: 1 },
  ],
};

describe('counterexamples the model found', () => {
  it.each(Object.entries(FOUND))('%s', async (_name, ops) => run(ops));
});

describe('the outbox against its model', () => {
  it(
    'never loses the last text, and reports a conflict exactly when the server moved from the base',
    { timeout: 60_000 },
    async () => {
      // A fixed seed by default, so npm test is the same run every time; EVO_MODEL_SEED=random explores.
      const asked = process.env.EVO_MODEL_SEED;
      const seed = asked === 'random' ? Date.now() % 2 ** 31 : Number(asked ?? 20261205);
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => run(ops)),
          { seed, numRuns: Number(process.env.EVO_MODEL_RUNS ?? 25), endOnFailure: false },
        );
      } catch (error) {
        console.error(
          `outbox model failed with seed ${seed}: EVO_MODEL_SEED=${seed} npx vitest run tests/core/outbox-model.test.ts`,
        );
        throw error;
      }
    },
  );
});
