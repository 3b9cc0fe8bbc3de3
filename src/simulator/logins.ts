// Who is calling: ServiceStack login sessions (ss-id / ss-pid cookies) and HTTP Basic credentials.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { ApiError } from './errors';
import type { SimUser } from './types';

export type AuthKind = 'cookie' | 'basic' | 'none';

export interface Identified {
  kind: AuthKind;
  user?: SimUser;
  /** Why `user` is missing when the route needs one. */
  refusal: ApiError;
}

export interface Login {
  user: SimUser;
  sessionId: string;
  permanentId: string;
}

const invalidCredentials = (): ApiError =>
  new ApiError(401, 'InvalidCredentials', 'Invalid UserName or Password: check them and sign in again');

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function cookies(headers: IncomingHttpHeaders): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), safeDecode(part.slice(eq + 1).trim()));
  }
  return jar;
}

export class Logins {
  private readonly sessions = new Map<string, Login>();

  constructor(private readonly users: readonly SimUser[]) {}

  check(userName: unknown, password: unknown): SimUser {
    const user = this.users.find((u) => u.userName.toLowerCase() === String(userName).toLowerCase());
    if (user === undefined || user.password !== password) throw invalidCredentials();
    return user;
  }

  signIn(userName: unknown, password: unknown): Login {
    const user = this.check(userName, password);
    const login = {
      user,
      sessionId: randomBytes(15).toString('base64url'),
      permanentId: randomBytes(15).toString('base64url'),
    };
    this.sessions.set(login.sessionId, login);
    this.sessions.set(login.permanentId, login);
    return login;
  }

  identify(headers: IncomingHttpHeaders): Identified {
    const authorization = headers.authorization ?? '';
    if (/^basic /i.test(authorization)) {
      const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      try {
        const user = this.check(decoded.slice(0, Math.max(colon, 0)), decoded.slice(colon + 1));
        return { kind: 'basic', user, refusal: invalidCredentials() };
      } catch (e) {
        return { kind: 'basic', refusal: e as ApiError };
      }
    }
    const jar = cookies(headers);
    const ids = [jar.get('ss-id'), jar.get('ss-pid')].filter((id): id is string => id !== undefined);
    if (ids.length === 0) {
      return { kind: 'none', refusal: new ApiError(401, 'Unauthorized', 'Not authenticated: sign in first') };
    }
    for (const id of ids) {
      const login = this.sessions.get(id);
      if (login !== undefined) return { kind: 'cookie', user: login.user, refusal: invalidCredentials() };
    }
    return { kind: 'cookie', refusal: new ApiError(401, 'Unauthorized', 'Your session has expired: sign in again') };
  }

  /** Ends the login both cookies belong to. */
  signOut(headers: IncomingHttpHeaders): void {
    const jar = cookies(headers);
    for (const id of [jar.get('ss-id'), jar.get('ss-pid')]) {
      const login = id === undefined ? undefined : this.sessions.get(id);
      if (login === undefined) continue;
      this.sessions.delete(login.sessionId);
      this.sessions.delete(login.permanentId);
    }
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
