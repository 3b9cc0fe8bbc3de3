// The HTTP face of the simulator: reads a request, lets a fault strike, authenticates, routes,
// answers in ServiceStack's JSON, and records what it received for tests to inspect.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApiError } from './errors';
import { answerInstead, spoiltText } from './fault-answers';
import { BODY_FAULTS, ROUTE_FAULTS } from './faults';
import type { Identified } from './logins';
import { Params } from './params';
import { type Body, readBody } from './request-body';
import { asApiError, send, sendError } from './respond';
import { authRoutes } from './routes/auth';
import { runControl } from './routes/control';
import { fileRoutes } from './routes/files';
import { portalRoutes } from './routes/portal';
import type { Answer, Route } from './routes/route';
import { sessionRoutes } from './routes/sessions';
import type { Fault, FaultKind, RequestRecord, SimEndpoint, SimulatorControl } from './types';
import { shapeAnswer } from './wire-shape';
import type { World } from './world';

/** The list endpoints, which answer conditional GETs when the strictness's `conditionalGets` is on. */
const LISTS = new Set<string | undefined>(['sessions', 'activity', 'call-history']);
const ROUTES: Route[] = [...authRoutes, ...sessionRoutes, ...portalRoutes, ...fileRoutes];
/** The request log keeps the most recent ones only, so a demo left running does not grow without end. */
const MAX_RECORDS = 10_000;

function record(world: World, method: string, url: URL, body: Body): RequestRecord {
  const logged =
    body.text.trim() === '' ? undefined : 'password' in body.value ? { ...body.value, password: '***' } : body.value;
  const entry: RequestRecord = {
    at: world.timeline.now(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: logged,
    auth: 'none',
    status: 0,
  };
  world.requests.push(entry);
  if (world.requests.length > MAX_RECORDS) world.requests.splice(0, world.requests.length - MAX_RECORDS);
  return entry;
}

function delay(world: World, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      world.pendingTimers.delete(timer);
      resolve();
    }, ms);
    world.pendingTimers.add(timer);
  });
}

function route(
  world: World,
  method: string,
  url: URL,
  body: Body,
  req: IncomingMessage,
  caller: Identified,
  fault: FaultKind | undefined,
): Answer {
  const found = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname));
  if (found === undefined) {
    if (ROUTES.some((r) => r.pattern.test(url.pathname)))
      throw new ApiError(405, 'NotSupported', `${method} is not supported on ${url.pathname}`);
    throw new ApiError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
  }
  if (body.error !== undefined) throw body.error;
  const params = new Params(url.searchParams, Object.entries(body.value));
  const match = url.pathname.match(found.pattern) as RegExpMatchArray;
  return found.handle(world, {
    method,
    path: url.pathname,
    params,
    body: body.value,
    headers: req.headers,
    caller,
    match,
    fault,
  });
}

async function handle(
  world: World,
  control: SimulatorControl | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);

  if (url.pathname === '/__sim/control' && method === 'POST' && control !== undefined) {
    if (body.error !== undefined) return sendError(res, body.error);
    const answer = runControl(control, body.value);
    return send(res, answer.status, JSON.stringify(answer.body));
  }

  const entry = record(world, method, url, body);
  const caller = world.logins.identify(req.headers);
  entry.auth = caller.kind;
  entry.userName = caller.user?.userName;
  const endpoint = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname))?.endpoint;
  const fault = endpoint === undefined ? undefined : world.faults.draw(endpoint);
  if (fault !== undefined) entry.fault = fault.kind;
  if (fault?.kind === 'latency') await delay(world, fault.ms ?? 1000);
  else if (fault !== undefined && !BODY_FAULTS.has(fault.kind) && !ROUTE_FAULTS.has(fault.kind)) {
    entry.status = answerInstead(fault, res);
    return;
  }

  world.sync();
  entry.at = world.timeline.now();
  let answer: Answer;
  try {
    answer = route(world, method, url, body, req, caller, fault?.kind);
  } catch (e) {
    const error = asApiError(e);
    answer = { status: error.status, body: error.body() };
  }
  const spoiler = fault !== undefined && BODY_FAULTS.has(fault.kind) && answer.status < 300 ? fault : undefined;
  const carriedOut = fault !== undefined && (fault.kind === 'latency' || ROUTE_FAULTS.has(fault.kind));
  if (fault !== undefined && !carriedOut && spoiler === undefined) delete entry.fault;
  entry.status = answer.status;
  if (answer.body instanceof Uint8Array && spoiler === undefined) {
    world.replica.answered();
    res.writeHead(answer.status, { 'Content-Length': String(answer.body.byteLength), ...answer.headers });
    res.end(answer.body);
    sentBytes(world, entry, answer.body.byteLength);
    return;
  }
  const text = answerText(world, endpoint, method, answer, spoiler);
  world.replica.answered();
  if (method === 'GET' && answer.status === 200 && LISTS.has(endpoint) && world.strictness.conditionalGets) {
    const key = `${caller.user?.userName ?? ''} ${url.pathname}${url.search}`;
    const conditional = world.conditional.answer(key, text, req.headers, world.timeline.now());
    if (conditional.notModified) {
      entry.status = 304;
      res.writeHead(304, conditional.headers);
      res.end();
      sentBytes(world, entry, 0);
      return;
    }
    answer.headers = { ...answer.headers, ...conditional.headers };
  }
  send(res, answer.status, text, answer.headers);
  sentBytes(world, entry, Buffer.byteLength(text));
}

/** The answer's body as sent: shaped as the strictness has it and spoilt by a body fault; kept when the route says it may be. */
function answerText(
  world: World,
  endpoint: SimEndpoint | undefined,
  method: string,
  answer: Answer,
  spoiler: Fault | undefined,
): string {
  const reuse = spoiler === undefined && answer.status === 200 ? answer.reuse : undefined;
  const kept = reuse === undefined ? undefined : world.kept.text(reuse);
  if (kept !== undefined) return kept;
  const sent =
    endpoint === undefined || answer.status >= 300
      ? answer.body
      : shapeAnswer(endpoint, answer.body, {
          strictness: world.strictness,
          seed: world.seed,
          pinned: world.pinned,
          view: method === 'GET' ? world.replica.view : undefined,
        });
  const text = spoiltText(spoiler, sent);
  if (reuse !== undefined) world.kept.keepText(reuse, text);
  return text;
}

/** Counts an answer's body bytes, in its record and in the running totals. */
function sentBytes(world: World, entry: RequestRecord, bytes: number): void {
  entry.bytes = bytes;
  world.traffic.requests++;
  world.traffic.bytes += bytes;
}

export function createSimulatorServer(world: World, control: SimulatorControl | undefined): Server {
  return createServer((req, res) => {
    handle(world, control, req, res).catch((e: unknown) => sendError(res, asApiError(e)));
  });
}
