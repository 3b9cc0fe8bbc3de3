// Bad input from the server: a 100 MB answer, deeply nested JSON, invalid UTF-8, markup and
// control characters, a 1 MB note, unknown enum names, missing fields, duplicated ids, wrong
// types. The core never crashes, holds bounded memory, tells the agent when it dropped data,
// and is back to normal on the next good answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, describe, expect, it } from 'vitest';

import { MemorySettings } from '../core/ports';
import { liveCall } from '../core/rig';
import { type Harness, startHarness } from './harness';
import { type Answer, type HostileServer, json, startHostileServer, streamHuge } from './hostile-server';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const POLL = 65_000;

let harness: Harness;
let hostile: HostileServer;
afterEach(async () => {
  await harness.close();
  await hostile.close();
});

async function start(): Promise<string> {
  harness = await startHarness({ settings: new MemorySettings(), requestTimeoutMs: 20_000 });
  hostile = await startHostileServer(harness.sim.url);
  await harness.signIn({ serverUrl: hostile.url });
  const id = liveCall(harness.sim, { fromName: 'Good caller' });
  await harness.step(POLL);
  expect(harness.core.getState().connection).toMatchObject({ status: 'online' });
  expect(harness.core.getSnapshot().sessions.map((s) => s.id)).toEqual([id]);
  return id;
}

/** One poll with the hostile answer, then one with the simulator's again. */
async function pollWith(answer: Answer): Promise<void> {
  hostile.arm(answer);
  harness.core.pollNow();
  await harness.core.settled();
}
async function backToNormal(id: string): Promise<void> {
  hostile.arm(undefined);
  harness.core.pollNow();
  await harness.core.settled();
  expect(harness.core.getState().connection.status).toBe('online');
  expect(harness.core.getSnapshot().sessions.map((s) => s.id)).toContain(id);
}
const sessionList = (items: unknown[]) => JSON.stringify({ items });
const call = (fields: Record<string, unknown>) => ({ accountId: 'acct-north', callState: 'Connected', ...fields });
function memory(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('bad input from the server', () => {
  it(
    'a 100 MB answer is cut off at the size cap with a message; memory stays bounded',
    { timeout: 30_000 },
    async () => {
      const id = await start();
      const before = memory();
      let peak = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
      }, 5);
      await pollWith(streamHuge(hostile, 100 * MB));
      clearInterval(sampler);
      const state = harness.core.getState();
      expect(state.connection.status).toBe('degraded');
      expect(state.connection.message).toMatch(/larger than 50 MB: narrow the filters/);
      expect(hostile.streamed, 'the client hung up long before 100 MB').toBeLessThan(70 * MB);
      expect(peak - before, 'peak memory while reading').toBeLessThan(120 * MB);
      await backToNormal(id);
      let after = memory();
      for (let i = 0; i < 40 && after - before >= 10 * MB; i++) {
        await new Promise((done) => setTimeout(done, 50));
        after = memory();
      }
      console.info(
        `100 MB answer: server sent ${(hostile.streamed / MB).toFixed(1)} MB before the client hung up; ` +
          `memory +${((peak - before) / MB).toFixed(1)} MB at peak, +${((after - before) / MB).toFixed(1)} MB after`,
      );
      expect(after - before, 'memory kept afterwards').toBeLessThan(10 * MB);
    },
  );

  it('deeply nested JSON in a known and an unknown field, twice (the second poll compares it)', async () => {
    const id = await start();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const body = `{"items":[{"id":"deep-1","accountId":"acct-north","members":${deep},"custom":${deepObject},"log":${deep}}]}`;
    await pollWith(json(body));
    expect(harness.core.getState().connection.status).toBe('online');
    const session = harness.core.getSnapshot().sessions.find((s) => s.id === 'deep-1');
    expect(session?.members, 'the nested lists where members belong are dropped').toEqual([]);
    expect(harness.log.lines.some((l) => l.includes('dropped') && l.includes('members'))).toBe(true);
    await pollWith(json(body));
    expect(harness.core.getSnapshot().sessions.map((s) => s.id)).toContain('deep-1');
    await backToNormal(id);
  });

  it('invalid UTF-8 becomes replacement characters, not a crash', async () => {
    const id = await start();
    const body = Buffer.concat([
      Buffer.from('{"items":[{"id":"utf-1","accountId":"acct-north","fromName":"Bad '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from(' name"}]}'),
    ]);
    await pollWith(json(body));
    const name = harness.core.getSnapshot().sessions.find((s) => s.id === 'utf-1')?.fromName;
    expect(name).toMatch(/^Bad \uFFFD+\(?\uFFFD* name$/);
    await backToNormal(id);
  });

  // That the page renders such text inert is checked where a page exists: e2e/live-calls.spec.ts.
  it('markup and control characters are kept as they came, in the board and in notifications', async () => {
    const id = await start();
    const nasty = '<img src=x onerror="globalThis.pwned=1">\u0000\u001b[31m\u202eevil\u2028<script>alert(1)</script>';
    const ringing = harness.sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing', fromName: nasty });
    await harness.step(POLL);
    harness.sim.control.missCall(ringing.id as string);
    await harness.step(3 * POLL);
    expect(harness.core.getSnapshot().activity.find((s) => s.id === ringing.id)?.fromName).toBe(nasty);
    expect(harness.notifier.shown.at(-1)?.title).toBe(`Missed call from ${nasty} (${ringing.fromAddress})`);
    await backToNormal(id);
  });

  it('the renderer never renders server text as HTML', () => {
    const root = 'src/renderer/src';
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && /\.(svelte|ts)$/.test(e.name),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toMatch(/\{@html|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });

  it('a 1 MB note, unknown enum names and missing fields are kept; wrong types are dropped and logged', async () => {
    const id = await start();
    const note = 'n'.repeat(MB);
    await pollWith(
      json(
        sessionList([
          call({ id: 'big-note', consoleData: note }),
          call({ id: 'new-enum', callState: 'Parked', direction: 'Sideways', holdReason: 'Lunch' }),
          { id: 'bare' },
          call({ id: 'typed', fromName: 42, ended: 'yes', members: 'none', dateCreated: { at: 1 } }),
        ]),
      ),
    );
    const board = new Map(harness.core.getSnapshot().sessions.map((s) => [s.id, s]));
    expect(board.get('big-note')?.consoleData).toHaveLength(MB);
    expect(board.get('new-enum')).toMatchObject({ callState: 'Parked', direction: 'Sideways', holdReason: 'Lunch' });
    expect(board.get('bare')).toEqual({ id: 'bare' });
    expect(board.get('typed')).toEqual({ id: 'typed', accountId: 'acct-north', callState: 'Connected' });
    const dropped = harness.log.lines.find((l) => l.includes('dropped'));
    expect(dropped).toMatch(/fromName/);
    expect(dropped).toMatch(/ended/);
    await backToNormal(id);
  });

  it('duplicated ids, items without ids and junk items do not crash the board', async () => {
    const id = await start();
    await pollWith(
      json(
        sessionList([
          call({ id: 'dup', fromName: 'first' }),
          call({ id: 'dup', fromName: 'second' }),
          call({}),
          null,
          7,
          'x',
          [],
        ]),
      ),
    );
    const ids = harness.core.getSnapshot().sessions.map((s) => s.id);
    expect(
      ids.filter((x) => x === 'dup'),
      'a duplicated id is one row on the board',
    ).toEqual(['dup']);
    expect(harness.core.getState().connection.status).toBe('online');
    await backToNormal(id);
    const after = harness.core.getSnapshot().sessions.map((s) => s.id);
    expect(after).toEqual([id]);
  });

  it('bodies that are not a session list at all: a message, the last good board kept', async () => {
    const id = await start();
    for (const body of [
      '[1,2,3]',
      '"items"',
      'null',
      '{"items": "none"}',
      '{"items": {"0": {}}}',
      '<html>oops</html>',
      '',
    ]) {
      await pollWith(json(body));
      const state = harness.core.getState();
      expect(state.connection.status, body).toBe('degraded');
      expect(state.connection.message, body).toMatch(
        /127\.0\.0\.1:\d+ sent (an unexpected answer|an answer the console cannot read)/,
      );
      expect(
        harness.core.getSnapshot().sessions.map((s) => s.id),
        body,
      ).toContain(id);
    }
    await backToNormal(id);
  });
});
