// What a route handler gets (the parsed request and its caller) and what it answers.
import type { IncomingHttpHeaders } from 'node:http';

import { forbidden } from '../errors';
import type { Identified } from '../logins';
import type { Params } from '../params';
import type { FaultKind, SimEndpoint, SimUser } from '../types';
import type { World } from '../world';

export interface ApiRequest {
  method: string;
  path: string;
  /** Query string then body, case-insensitive keys. */
  params: Params;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  caller: Identified;
  /** Path captures, e.g. the session id of PATCH /sessions/{sessionId}. */
  match: RegExpMatchArray;
  /** A fault the route carries out itself (ROUTE_FAULTS), if one struck. */
  fault?: FaultKind;
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
  /** The answer's text may be kept and sent again under this key: it names everything that shapes the text. */
  reuse?: string;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** The fault-injection name of this endpoint. */
  endpoint: SimEndpoint;
  handle(world: World, req: ApiRequest): Answer;
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

/** The signed-in user, or the 401 that says why there is none. */
export function requireUser(req: ApiRequest): SimUser {
  if (req.caller.user === undefined) throw req.caller.refusal;
  return req.caller.user;
}

/** The accounts asked for, all of them checked against what the user may reach. */
export function accountsFor(user: SimUser, asked: string[] | undefined): Set<string> {
  for (const id of asked ?? []) {
    if (!user.accountIds.includes(id))
      throw forbidden(`You have no access to account '${id}': pick one of your own accounts`);
  }
  return new Set(asked !== undefined && asked.length > 0 ? asked : user.accountIds);
}
