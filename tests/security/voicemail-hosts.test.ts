// Voicemail addresses from a hostile server (issue 21, item 4): recordings come only from the
// server's own origin and the hosts the administrator's policy lists, never from an internal
// address (loopback, private, link-local; after DNS, and at every redirect), and what a refused or
// failing host answered is never shown. Through the core, the real settings store under the real
// policy overlay, and the simulator over HTTP; every request is on loopback.
import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';

import { CoreError } from '../../src/main/core/errors';
import { resolveWithDns } from '../../src/main/core/file-hosts';
import { createConsoleCore, type LocalConsoleCore } from '../../src/main/core/index';
import { withPolicy } from '../../src/main/policy/settings-overlay';
import { createSettingsStore } from '../../src/main/settings-store';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator } from '../../src/simulator/types';
import { MemorySecrets, RecordingLogger, RecordingNotifier, SteppedClock, TestPower } from '../core/ports';

/** Public names the tests' resolver knows (documentation addresses), served by a loopback server. */
const PUBLIC_HOSTS: Record<string, string[]> = {
  'blob.example.test': ['203.0.113.10'],
  'cdn.example.test': ['203.0.113.11', '2001:db8::11'],
  'rebound.example.test': ['203.0.113.12', '10.0.0.7'],
  'metadata.example.test': ['169.254.169.254'],
};

interface Bench {
  sim: Simulator;
  core: LocalConsoleCore;
  /** Every address the core asked for, in order (before any routing). */
  asked: string[];
  /** The loopback server standing in for the public hosts, and what each path answers. */
  storage: { hits: string[]; answer: Map<string, (res: ServerResponse) => void> };
  close(): Promise<void>;
}

let bench: Bench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function start(recordingHosts: string[]): Promise<Bench> {
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 5 });
  const hits: string[] = [];
  const answer = new Map<string, (res: ServerResponse) => void>();
  const storage = createServer((req, res) => {
    hits.push(`${String(req.headers['x-test-host'])}${req.url ?? ''} cookie=${req.headers.cookie ?? 'none'}`);
    const reply = answer.get(req.url ?? '');
    if (reply) reply(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => storage.listen(0, '127.0.0.1', done));
  const storagePort = (storage.address() as AddressInfo).port;
  const asked: string[] = [];
  // Loopback only: the simulator as it is, the public test names routed to the storage server,
  // anything else fails as an unreachable host would (and is recorded, so a test sees it was tried).
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url.href);
    if (url.origin === sim.url) return globalThis.fetch(url, init);
    if (url.protocol === 'https:' && Object.hasOwn(PUBLIC_HOSTS, url.hostname)) {
      return globalThis.fetch(`http://127.0.0.1:${storagePort}${url.pathname}${url.search}`, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'X-Test-Host': url.host },
      });
    }
    throw new TypeError('fetch failed');
  };
  const settings = withPolicy(
    createSettingsStore({
      open: (o) => new Conf(o),
      cwd: mkdtempSync(join(tmpdir(), 'evo-voicemail-')),
      projectVersion: '0.1.0',
      log: new RecordingLogger(),
    }),
    { recordingHosts },
  );
  const core = createConsoleCore({
    fetch,
    secrets: new MemorySecrets(),
    settings,
    notifier: new RecordingNotifier(),
    clock: new SteppedClock(sim.control.now()),
    power: new TestPower(),
    log: new RecordingLogger(),
    requestTimeoutMs: 2_000,
    // The test names above; any other (localhost) from the system's resolver.
    resolveHost: async (hostname) => PUBLIC_HOSTS[hostname] ?? resolveWithDns(hostname),
  });
  await core.signIn({
    serverUrl: sim.url,
    userName: DEMO_USER.userName,
    password: DEMO_USER.password,
    remember: false,
  });
  await core.selectAccount('acct-north');
  await core.settled();
  return {
    sim,
    core,
    asked,
    storage: { hits, answer },
    async close() {
      await core.stop();
      await sim.close();
      await new Promise<void>((done) => storage.close(() => done()));
    },
  };
}

/** A voicemail the server lists at `uri`, after a dashboard load: its id. */
async function voicemailAt(b: Bench, uri?: string): Promise<string> {
  const call = b.sim.control.addSession({ accountId: 'acct-north', callState: 'Ringing', ended: false });
  b.sim.control.missCall(call.id as string);
  const file = b.sim.control.addVoicemail(call.id as string, uri === undefined ? {} : { uri });
  await b.core.loadDashboard();
  return file.id as string;
}

async function refusal(work: Promise<unknown>): Promise<CoreError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected the recording to be refused');
}

const wav = (res: ServerResponse) =>
  res.writeHead(200, { 'Content-Type': 'audio/wav' }).end(Buffer.from('RIFF\0\0\0\0WAVEfmt '));

describe('voicemail recordings come from the server or the listed hosts only', () => {
  it("plays from the server's own origin on loopback, its redirect to signed storage included", async () => {
    bench = await start([]);
    bench.sim.control.setStrictness({ fileRedirects: true });
    const id = await voicemailAt(bench);
    const audio = await bench.core.voicemailAudio(id);
    expect(Buffer.from(audio.base64, 'base64').subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bench.sim.control.requests({ pathPrefix: '/files/' }).map((r) => r.status)).toEqual([302, 200]);
  });

  it('refuses a host the policy does not list, without asking it anything', async () => {
    bench = await start(['blob.example.test']);
    const id = await voicemailAt(bench, 'https://intranet.example.test/admin/delete?all=1');
    const error = await refusal(bench.core.voicemailAudio(id));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/intranet\.example\.test, which your administrator has not allowed/);
    expect(bench.asked.filter((u) => !u.startsWith(bench?.sim.url ?? '-'))).toEqual([]);
  });

  it('fetches from a listed host whose addresses are public, without the session cookies', async () => {
    bench = await start(['Blob.Example.Test.']);
    bench.storage.answer.set('/vm/1.wav', wav);
    const id = await voicemailAt(bench, 'https://blob.example.test/vm/1.wav');
    const audio = await bench.core.voicemailAudio(id);
    expect(audio.contentType).toBe('audio/wav');
    expect(bench.storage.hits).toEqual(['blob.example.test/vm/1.wav cookie=none']);
  });

  it.each([
    ['loopback by name', 'localhost', 'https://localhost:9/x.wav'],
    ['loopback IPv4', '127.0.0.2', 'https://127.0.0.2/x.wav'],
    ['loopback IPv6', '[::1]', 'https://[::1]/x.wav'],
    ['IPv4-mapped loopback', '[::ffff:127.0.0.1]', 'https://[::ffff:127.0.0.1]/x.wav'],
    ['private 10/8', '10.1.2.3', 'https://10.1.2.3/x.wav'],
    ['private 192.168/16', '192.168.1.10', 'https://192.168.1.10/x.wav'],
    ['private 172.16/12', '172.20.0.5', 'https://172.20.0.5/x.wav'],
    ['unique local IPv6', '[fd00::1]', 'https://[fd00::1]/x.wav'],
    ['link-local (cloud metadata)', '169.254.169.254', 'https://169.254.169.254/latest/meta-data/'],
    ['link-local IPv6', '[fe80::1]', 'https://[fe80::1]/x.wav'],
    ['a listed name that resolves to link-local', 'metadata.example.test', 'https://metadata.example.test/x.wav'],
    [
      'a listed name with one private address among public ones',
      'rebound.example.test',
      'https://rebound.example.test/x.wav',
    ],
  ])('refuses %s even when the policy lists it, without asking it', async (_what, listed, uri) => {
    bench = await start([listed.replace(/^\[|\]$/g, '')]);
    const id = await voicemailAt(bench, uri);
    const error = await refusal(bench.core.voicemailAudio(id));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/inside your network/);
    expect(bench.asked.filter((u) => !u.startsWith(bench?.sim.url ?? '-'))).toEqual([]);
  });

  it('checks every redirect: a listed host sending the fetch to an internal or unlisted address is not followed', async () => {
    bench = await start(['blob.example.test', '10.0.0.9', '127.0.0.1']);
    const redirect = (location: string) => (res: ServerResponse) => res.writeHead(302, { Location: location }).end();
    bench.storage.answer.set('/to-private.wav', redirect('https://10.0.0.9/admin/delete?all=1'));
    bench.storage.answer.set(
      '/to-loopback.wav',
      redirect(`https://127.0.0.1:${new URL(bench.sim.url).port}/files/voicemail/x.wav`),
    );
    bench.storage.answer.set('/to-unlisted.wav', redirect('https://cdn.example.test/x.wav'));
    for (const path of ['/to-private.wav', '/to-loopback.wav', '/to-unlisted.wav']) {
      const id = await voicemailAt(bench, `https://blob.example.test${path}`);
      bench.asked.length = 0;
      const error = await refusal(bench.core.voicemailAudio(id));
      expect(error.code, path).toBe('forbidden');
      expect(bench.asked, path).toEqual([`https://blob.example.test${path}`]);
    }
  });

  it('follows a listed host to another listed host, and refuses its redirect to a link-local address', async () => {
    bench = await start(['cdn.example.test']);
    bench.storage.answer.set('/hop.wav', (res) => res.writeHead(302, { Location: 'https://[fe80::1]/x' }).end());
    bench.storage.answer.set('/ok.wav', (res) =>
      res.writeHead(302, { Location: 'https://cdn.example.test/a.wav' }).end(),
    );
    bench.storage.answer.set('/a.wav', wav);
    const ok = await voicemailAt(bench, 'https://cdn.example.test/ok.wav');
    expect((await bench.core.voicemailAudio(ok)).contentType).toBe('audio/wav');
    const hop = await voicemailAt(bench, 'https://cdn.example.test/hop.wav');
    const error = await refusal(bench.core.voicemailAudio(hop));
    expect(error.code).toBe('forbidden');
    expect(bench.asked.at(-1)).toBe('https://cdn.example.test/hop.wav');
  });

  it('never shows what another host answered: not its status, not its type, not its body', async () => {
    bench = await start(['blob.example.test']);
    bench.storage.answer.set('/page.wav', (res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<h1>Intranet admin: 3 users deleted</h1>'),
    );
    bench.storage.answer.set('/teapot.wav', (res) =>
      res
        .writeHead(418, { 'Content-Type': 'application/json' })
        .end('{"responseStatus":{"message":"secret inventory"}}'),
    );
    for (const path of ['/page.wav', '/teapot.wav']) {
      const id = await voicemailAt(bench, `https://blob.example.test${path}`);
      const error = await refusal(bench.core.voicemailAudio(id));
      expect(error.message, path).not.toMatch(/html|json|418|teapot|secret|Intranet|deleted/i);
      expect(error.message, path).toMatch(/try again later/);
    }
  });
});
