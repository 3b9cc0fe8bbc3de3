// A hostile Evo Voice for the bad-input tests: a loopback proxy to the simulator that answers
// GET /sessions with whatever the test arms (a 100 MB stream, raw bytes, odd JSON) instead.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = (res: ServerResponse) => void;

export interface HostileServer {
  url: string;
  /** The next GET /sessions requests get this answer (undefined: the simulator's). */
  arm(answer: Answer | undefined): void;
  /** Bytes written by the last streamed answer before the client hung up. */
  streamed: number;
  close(): Promise<void>;
}

export async function startHostileServer(upstream: string): Promise<HostileServer> {
  let armed: Answer | undefined;
  const server = createServer((req, res) => {
    if (armed && req.method === 'GET' && req.url?.startsWith('/sessions')) {
      armed(res);
      return;
    }
    void forward(upstream, req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const hostile: HostileServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arm: (answer) => (armed = answer),
    streamed: 0,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  return hostile;
}

async function forward(upstream: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const name of ['accept', 'content-type', 'cookie', 'authorization']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await fetch(upstream + (req.url ?? '/'), {
    method: req.method ?? 'GET',
    headers,
    redirect: 'manual',
    ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
  });
  const out: Record<string, string | string[]> = { 'content-type': answer.headers.get('content-type') ?? 'text/plain' };
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  res.writeHead(answer.status, out);
  res.end(Buffer.from(await answer.arrayBuffer()));
}

/** Streams `total` bytes of a JSON list without holding them: writes as the socket drains. */
export function streamHuge(hostile: HostileServer, total: number): Answer {
  return (res) => {
    hostile.streamed = 0;
    res.writeHead(200, { 'content-type': 'application/json' });
    const item = Buffer.from(`{"id":"huge","accountId":"acct-north","fromName":"${'x'.repeat(1000)}"},`);
    let stopped = false;
    res.on('close', () => (stopped = true));
    const pump = () => {
      if (hostile.streamed === 0) {
        res.write('{"items":[');
        hostile.streamed = 10;
      }
      while (!stopped && hostile.streamed < total) {
        hostile.streamed += item.length;
        if (!res.write(item)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!stopped) res.end('{}]}');
    };
    pump();
  };
}

export function json(body: string | Buffer, status = 200): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
}
