// The update flow in plain Node against an update server that is a plain folder served on
// loopback, with latest-linux.yml and beta-linux.yml as electron-builder writes them: checking,
// available, downloaded in the background, restart refused during a call or an unsent edit,
// turned off by policy, and the next check on the clock.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createUpdateFlow,
  type UpdateConfig,
  updateConfig,
  type UpdateStatus,
  type WorkInFlight,
} from '../../src/main/updates/update-rules';
import { createFeedSource } from './feed-source';

const folder = mkdtempSync(join(tmpdir(), 'evo-update-feed-'));
let server: Server;
let url = '';

function publish(channelFile: string, version: string, bytes: Buffer) {
  const name = `evo-voice-console-${version}.AppImage`;
  writeFileSync(join(folder, name), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  writeFileSync(
    join(folder, channelFile),
    [
      `version: ${version}`,
      'files:',
      `  - url: ${name}`,
      `    sha512: ${sha512}`,
      `    size: ${bytes.length}`,
      `path: ${name}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-11-30T12:00:00.000Z'`,
      '',
    ].join('\n'),
  );
}

beforeAll(async () => {
  publish('latest-linux.yml', '0.2.0', Buffer.from('stable installer bytes'));
  publish('beta-linux.yml', '0.3.0-beta.1', Buffer.from('beta installer bytes'));
  server = createServer((req, res) => {
    try {
      res.end(readFileSync(join(folder, new URL(req.url ?? '/', 'http://x').pathname.slice(1))));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function manualClock() {
  const timers: { fn: () => void; ms: number }[] = [];
  return {
    timers,
    now: () => 0,
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
  };
}

function flowWith(
  config: () => UpdateConfig,
  work: WorkInFlight = { liveCalls: 0, unsentEdits: 0 },
  version = '0.1.0',
) {
  const source = createFeedSource(version);
  const statuses: UpdateStatus[] = [];
  const persisted: string[] = [];
  const clock = manualClock();
  const flow = createUpdateFlow({
    source,
    config,
    work: () => work,
    persistOutbox: async () => void persisted.push('outbox'),
    clock,
    log: { info: () => undefined, warn: () => undefined },
    onStatus: (s) => statuses.push(s),
  });
  return { flow, source, statuses, persisted, clock, work };
}

const stable = () => updateConfig({ updateChannel: 'stable' }, {}, { builtInFeed: url });

describe('update flow against a served feed', () => {
  it('checks, finds the newer stable version, downloads it in the background and offers the restart', async () => {
    const { flow, source, statuses } = flowWith(stable);
    expect(await flow.checkNow()).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(statuses.map((s) => s.phase)).toEqual(['checking', 'downloading', 'ready']);
    expect(source.downloaded.map(String)).toEqual(['stable installer bytes']);
  });

  it('follows the beta channel when the policy says beta, over the agent’s stable setting', async () => {
    const { flow } = flowWith(() =>
      updateConfig(
        { updateChannel: 'stable' },
        { updateUrl: url, updateChannel: 'beta' },
        { builtInFeed: 'https://unused.invalid/' },
      ),
    );
    expect(await flow.checkNow()).toEqual({ phase: 'ready', version: '0.3.0-beta.1' });
  });

  it('stays idle when this version is current', async () => {
    const { flow, source } = flowWith(stable, undefined, '0.2.0');
    expect(await flow.checkNow()).toEqual({ phase: 'idle' });
    expect(source.downloaded).toEqual([]);
  });

  it('reports a failed check with what happens next', async () => {
    const { flow } = flowWith(() => updateConfig({ updateChannel: 'stable' }, { updateUrl: `${url}missing/` }));
    const status = await flow.checkNow();
    expect(status).toMatchObject({ phase: 'failed', message: expect.stringMatching(/retries later/) });
  });

  it('is refused by policy: no request reaches the feed', async () => {
    const { flow, source } = flowWith(() =>
      updateConfig({ updateChannel: 'stable' }, { updateUrl: url, updatesAllowed: false }),
    );
    expect(await flow.checkNow()).toEqual({ phase: 'off', reason: 'Updates are turned off by your administrator.' });
    expect(source.downloaded).toEqual([]);
    expect(await flow.restart()).toEqual({ restarting: false, reason: 'No update has been downloaded yet.' });
  });

  it('does nothing without an update server', () => {
    expect(updateConfig({ updateChannel: 'stable' }, {})).toEqual({
      enabled: false,
      reason: 'No update server is set.',
    });
  });

  it('never restarts during a live call or with an unsent edit; saves the outbox before installing', async () => {
    const { flow, source, persisted, work } = flowWith(stable, { liveCalls: 1, unsentEdits: 0 });
    await flow.checkNow();
    expect(await flow.restart()).toEqual({ restarting: false, reason: expect.stringMatching(/call is live/) });
    work.liveCalls = 0;
    work.unsentEdits = 2;
    expect(await flow.restart()).toEqual({ restarting: false, reason: expect.stringMatching(/still being sent/) });
    expect(source.installs).toBe(0);
    expect(persisted).toEqual([]);
    work.unsentEdits = 0;
    expect(await flow.restart()).toEqual({ restarting: true });
    expect(persisted).toEqual(['outbox']);
    expect(source.installs).toBe(1);
  });

  it('checks at start and again every four hours', async () => {
    const { flow, clock, statuses } = flowWith(stable, undefined, '0.2.0');
    flow.start();
    expect(clock.timers.map((t) => t.ms)).toEqual([4 * 60 * 60 * 1000]);
    await flow.checkNow();
    const checksAtStart = statuses.filter((s) => s.phase === 'checking').length;
    clock.timers[0]!.fn();
    await flow.checkNow();
    expect(statuses.filter((s) => s.phase === 'checking').length).toBe(checksAtStart + 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(clock.timers).toHaveLength(2);
  });
});
