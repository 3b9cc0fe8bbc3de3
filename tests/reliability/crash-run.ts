// The crash run shared by `npm test` (8 kills) and the soak (50): a core host process is killed
// with SIGKILL at random points while note edits are pending and calls are being missed, then
// restarted on the same data folder; answers what the agent saved and what the server ended up with.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

import type { Notification } from '../../src/main/core/ports';
import type { ConsoleState } from '../../src/shared/live';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type RequestRecord, type Simulator } from '../../src/simulator/types';
import { liveCall, START } from '../core/rig';
import { sentNotes } from '../support/sent-notes';
import type { HostCommand } from './crash-host';
import { seeded } from './seeded';

const HOST = resolve(import.meta.dirname, 'crash-host.ts');
const NOTES = 3;

interface Answer {
  seq: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

class Host {
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  readonly exited: Promise<void>;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const answer = JSON.parse(text) as Answer;
      this.waiting.get(answer.seq)?.(answer);
      this.waiting.delete(answer.seq);
    });
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  static async start(dataDir: string, sim: Simulator, slowDisk: boolean): Promise<Host> {
    const child = spawn(process.execPath, ['--import', 'tsx', HOST, dataDir, String(sim.control.now())], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, EVO_CRASH_SLOW_DISK: slowDisk ? '1' : '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const host = new Host(child);
    const ready = new Promise<Answer>((done) => host.waiting.set(0, done));
    const exited = host.exited.then(() => {
      throw new Error(`crash host exited before it was ready: ${stderr}`);
    });
    await Promise.race([ready, exited]);
    return host;
  }

  /** Sends a command; the answer resolves (or never does if the host is killed first). */
  send(command: HostCommand): Promise<Answer> {
    const seq = ++this.seq;
    const answered = new Promise<Answer>((done) => this.waiting.set(seq, done));
    this.child.stdin.write(JSON.stringify({ seq, command }) + '\n');
    return answered;
  }

  async ask(command: HostCommand): Promise<unknown> {
    const answer = await this.send(command);
    if (!answer.ok) throw new Error(`host refused ${command.op}: ${answer.error}`);
    return answer.value;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export interface CrashReport {
  crashes: number;
  editsSent: number;
  editsAcked: number;
  notes: Array<{
    sessionId: string;
    lastAcked: number;
    lastSent: number;
    onServer: number | undefined;
    state: string | undefined;
    appliedOrder: number[];
  }>;
  missed: string[];
  notifications: Notification[];
  unread: string[];
  dataDir: string;
}

/**
 * `slowDisk`: every settings write in the host goes to the background, as after a write slower
 * than the budget on a loaded machine; what the agent is promised must still wait for the disk.
 */
export async function runCrashes(options: { crashes: number; seed: number; slowDisk?: boolean }): Promise<CrashReport> {
  const slowDisk = options.slowDisk === true;
  const random = seeded(options.seed);
  const dataDir = resolve('.tmp', 'reliability', `crash-${options.seed}-${process.pid}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: options.seed, startTime: START });
  const sessions = Array.from({ length: NOTES }, (_, i) => liveCall(sim, { fromName: `Crash ${i}` }));
  const sent = new Map<string, number>();
  const acked = new Map<string, number>();
  const missed: string[] = [];
  let editsSent = 0;
  let editsAcked = 0;
  const signIn: HostCommand = {
    op: 'sign-in',
    serverUrl: sim.url,
    userName: DEMO_USER.userName,
    password: DEMO_USER.password,
  };
  /** Setup, not the subject: a loaded machine may time a sign-in out, so it is tried three times. */
  const signedIn = async (host: Host): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const answer = await host.send(signIn);
      if (answer.ok) return;
      if (attempt === 3) throw new Error(`the crash host could not sign in: ${answer.error}`);
    }
  };
  const step = (host: Host, ms: number): Promise<Answer> => {
    sim.control.advance(ms);
    return host.send({ op: 'step', ms });
  };
  try {
    for (let crash = 0; crash < options.crashes; crash++) {
      const host = await Host.start(dataDir, sim, slowDisk);
      await signedIn(host);
      const commands = 2 + Math.floor(random() * 10);
      for (let i = 0; i < commands; i++) {
        const roll = random();
        const last = i === commands - 1;
        let answer: Promise<Answer>;
        if (roll < 0.55) {
          const sessionId = sessions[Math.floor(random() * NOTES)] as string;
          const n = (sent.get(sessionId) ?? 0) + 1;
          sent.set(sessionId, n);
          editsSent++;
          answer = host.send({ op: 'save', sessionId, text: noteText(sessionId, n) }).then((a) => {
            if (a.ok) {
              acked.set(sessionId, Math.max(acked.get(sessionId) ?? 0, n));
              editsAcked++;
            }
            return a;
          });
        } else {
          if (roll < 0.75) {
            const ringing = sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing' });
            sim.control.missCall(ringing.id as string);
            missed.push(ringing.id as string);
          }
          answer = step(host, 1000 + Math.floor(random() * 4000));
        }
        if (!last) await answer;
      }
      await new Promise((done) => setTimeout(done, Math.floor(random() * 40)));
      await host.kill();
    }

    const host = await Host.start(dataDir, sim, slowDisk);
    await signedIn(host);
    for (let i = 0; i < 4; i++) await step(host, 30_000);
    const state = (await host.ask({ op: 'state' })) as ConsoleState;
    await host.kill();

    const patches = sim.control.requests({ method: 'PATCH' }).filter((r: RequestRecord) => r.status === 200);
    const notificationsFile = join(dataDir, 'notifications.log');
    return {
      crashes: options.crashes,
      editsSent,
      editsAcked,
      notes: sessions.map((sessionId) => ({
        sessionId,
        lastAcked: acked.get(sessionId) ?? 0,
        lastSent: sent.get(sessionId) ?? 0,
        onServer: editNumber(sim.control.getSession(sessionId)?.consoleData),
        state: state.consoleData[sessionId]?.state,
        appliedOrder: sentNotes(patches, { sessionId })
          .map((text) => editNumber(text))
          .filter((n): n is number => n !== undefined),
      })),
      missed,
      notifications: existsSync(notificationsFile)
        ? readFileSync(notificationsFile, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Notification)
        : [],
      unread: state.missed.map((m) => m.sessionId),
      dataDir,
    };
  } finally {
    await sim.close();
  }
}

function noteText(sessionId: string, n: number): string {
  return `Note for ${sessionId}: promised a callback — edit #${n}`;
}

function editNumber(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /#(\d+)$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
