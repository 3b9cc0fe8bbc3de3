// Call data at rest on a shared workstation (issue 21, item 5): the settings folder is the agent's
// user's alone (0700, files 0600, older files too), notes are kept as hashes where only equality
// matters, and a sign-out or the next agent leaves no trace of the first: not in the files, not in
// `state:get`, not in the badge (the unread missed calls). The core on the real settings store (conf
// files in a temporary folder) against two simulators over HTTP on loopback.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';

import { createConsoleCore, type LocalConsoleCore } from '../../src/main/core/index';
import { createSettingsStore } from '../../src/main/settings-store';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { MemorySecrets, RecordingLogger, RecordingNotifier, SteppedClock, TestPower } from '../core/ports';

const START = Date.parse('2026-11-23T12:00:00.000Z');
const MINUTE = 60_000;
const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

interface Desk {
  dir: string;
  core: LocalConsoleCore;
  clock: SteppedClock;
  sims: Simulator[];
  notifier: RecordingNotifier;
  /** A new core on the same folder (the console restarted). */
  restart(): Promise<void>;
  signIn(sim: Simulator): Promise<void>;
  /** Moves the core's clock and every simulator's, and waits for the core. */
  step(ms: number): Promise<void>;
  /** Every file in the settings folder, as text, once the store's writes are on disk. */
  files(): Promise<string>;
  close(): Promise<void>;
}

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function startDesk(dir: string, simulators = 1): Promise<Desk> {
  const sims = await Promise.all(
    Array.from({ length: simulators }, () =>
      startSimulator({ clock: 'manual', scenario: false, seed: 7, startTime: START }),
    ),
  );
  const clock = new SteppedClock(START);
  const secrets = new MemorySecrets();
  const notifier = new RecordingNotifier();
  let store: ReturnType<typeof createSettingsStore> | undefined;
  const make = () =>
    createConsoleCore({
      fetch: globalThis.fetch,
      secrets,
      settings: (store = createSettingsStore({
        open: (o) => new Conf(o),
        cwd: dir,
        projectVersion: '0.1.0',
        log: new RecordingLogger(),
      })),
      notifier,
      clock,
      power: new TestPower(),
      log: new RecordingLogger(),
      requestTimeoutMs: 2_000,
    });
  const d: Desk = {
    dir,
    core: make(),
    clock,
    sims,
    notifier,
    async restart() {
      await d.core.stop();
      d.core = make();
      await d.core.start();
      await d.core.settled();
    },
    async signIn(sim) {
      await d.core.signIn({
        serverUrl: sim.url,
        userName: DEMO_USER.userName,
        password: DEMO_USER.password,
        remember: true,
      });
      await d.core.selectAccount('acct-north');
      await d.core.settled();
    },
    step: (ms) =>
      clock.step(
        ms,
        () => d.core.settled(),
        (delta) => sims.forEach((sim) => sim.control.advance(delta)),
      ),
    files: async () => {
      await store?.flushed();
      return readdirSync(dir)
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .join('\n');
    },
    async close() {
      await d.core.stop();
      await Promise.all(sims.map((sim) => sim.close()));
    },
  };
  return d;
}

/** A call the agent misses (caller named and numbered), announced by the next polls. */
async function missedCall(d: Desk, sim: Simulator, fromName: string, fromAddress: string): Promise<string> {
  const call = sim.control.addSession({
    accountId: 'acct-north',
    callState: 'Ringing',
    ended: false,
    fromName,
    fromAddress,
  });
  await d.step(MINUTE + 10_000);
  sim.control.missCall(call.id as string);
  await d.step(2 * MINUTE);
  return call.id as string;
}

/** A note saved on a live call, then replaced by a second one: both confirmed by the server. */
async function notes(d: Desk, sim: Simulator, first: string, second: string): Promise<void> {
  const call = sim.control.addSession({ accountId: 'acct-north', callState: 'Connected', ended: false });
  const id = call.id as string;
  d.core.pollNow();
  await d.core.settled();
  await d.core.saveConsoleData({ sessionId: id, text: first, base: {} });
  await d.core.settled();
  await d.step(10_000);
  await d.core.saveConsoleData({ sessionId: id, text: second, base: { value: first } });
  await d.core.settled();
  expect(sim.control.getSession(id)?.consoleData).toBe(second);
}

const SECRET_NOTE = 'Patient DOB 1970-01-01, card ending 4242';

describe.runIf(posix)('file and folder modes', () => {
  it('after a sign-in and a saved note, the folder is 0700 and every file in it 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'evo-data-')), 'Evo Voice Console');
    desk = await startDesk(dir);
    const sim = desk.sims[0] as Simulator;
    await desk.signIn(sim);
    await notes(desk, sim, SECRET_NOTE, 'Follow-up booked');
    expect(mode(dir).toString(8)).toBe('700');
    const names = readdirSync(dir);
    expect(names).toEqual(expect.arrayContaining(['settings.json', 'records.json']));
    for (const name of names) expect(`${name} ${mode(join(dir, name)).toString(8)}`).toBe(`${name} 600`);
  });

  it('files and the folder an older version left readable to everyone are made private at start', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'evo-data-')), 'Evo Voice Console');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'records.json'), JSON.stringify({ outbox: { entries: [] } }), { mode: 0o644 });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: {} }), { mode: 0o644 });
    chmodSync(join(dir, 'records.json'), 0o644);
    desk = await startDesk(dir);
    expect(mode(dir).toString(8)).toBe('700');
    expect(mode(join(dir, 'records.json')).toString(8)).toBe('600');
    expect(mode(join(dir, 'settings.json')).toString(8)).toBe('600');
  });
});

describe('no trace of one agent for the next', () => {
  it('what only equality needs is kept as a hash: the saved and replaced notes are not in the files', async () => {
    desk = await startDesk(mkdtempSync(join(tmpdir(), 'evo-data-')));
    const sim = desk.sims[0] as Simulator;
    await desk.signIn(sim);
    await notes(desk, sim, SECRET_NOTE, 'Follow-up booked, card ending 9191');
    await desk.step(10_000);
    expect(await desk.files()).not.toMatch(/1970-01-01|4242|9191/);
  });

  it("sign-out removes the agent's missed calls, notes and user name from the files, the state and the badge", async () => {
    desk = await startDesk(mkdtempSync(join(tmpdir(), 'evo-data-')));
    const sim = desk.sims[0] as Simulator;
    await desk.signIn(sim);
    await missedCall(desk, sim, 'Grace Hopper', '+15550100777');
    expect(desk.core.getState().missed).toHaveLength(1);
    await notes(desk, sim, SECRET_NOTE, 'Follow-up booked');
    expect(await desk.files()).toContain('Grace Hopper');

    await desk.core.signOut();
    await desk.core.settled();
    expect(desk.core.getState().missed, 'the badge counts these').toEqual([]);
    const files = await desk.files();
    for (const trace of ['Grace Hopper', '+15550100777', DEMO_USER.userName, '1970-01-01', '4242', 'Follow-up'])
      expect(files, trace).not.toContain(trace);

    // Restarted, nobody is signed in and nothing of the first agent is shown.
    await desk.restart();
    expect(desk.core.getState().missed).toEqual([]);
    expect(desk.core.getState().identity).toBeUndefined();
  });

  it("an agent signing in on another server after the first (no sign-out) never sees the first agent's missed calls", async () => {
    desk = await startDesk(mkdtempSync(join(tmpdir(), 'evo-data-')), 2);
    const [first, second] = desk.sims as [Simulator, Simulator];
    await desk.signIn(first);
    await missedCall(desk, first, 'Grace Hopper', '+15550100777');
    expect(desk.core.getState().missed).toHaveLength(1);

    await desk.signIn(second);
    await desk.step(2 * MINUTE);
    expect(desk.core.getState().missed, 'state:get and the badge').toEqual([]);
    await desk.restart();
    expect(desk.core.getState().identity?.serverUrl).toBe(second.url);
    await desk.step(MINUTE);
    expect(desk.core.getState().missed, 'after a restart too').toEqual([]);

    // The first agent, back on their server, finds their own unread list as they left it.
    await desk.signIn(first);
    expect(desk.core.getState().missed.map((m) => m.fromName)).toEqual(['Grace Hopper']);
  });
});
