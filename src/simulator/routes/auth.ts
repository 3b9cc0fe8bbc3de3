// Sign-in (POST /auth/credentials, POST /auth), GET /auth/status and /auth/logout.
import { accountName } from '../catalog';
import { ApiError } from '../errors';
import type { Login } from '../logins';
import { type Answer, type ApiRequest, ok, requireUser, type Route } from './route';

const cookie = (name: string, value: string, extra = ''): string =>
  `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${extra}`;

function signIn(req: ApiRequest, login: (userName: unknown, password: unknown) => Login): Answer {
  const provider = req.params.string('provider') ?? 'credentials';
  if (provider.toLowerCase() !== 'credentials') {
    throw new ApiError(400, 'NotSupported', `Sign-in provider '${provider}' is not supported: use 'credentials'`);
  }
  const { user, sessionId, permanentId } = login(req.params.string('userName'), req.params.string('password'));
  const setCookie = [cookie('ss-id', sessionId), cookie('ss-pid', permanentId, '; Max-Age=31536000')];
  if (req.params.bool('rememberMe') === true) setCookie.push(cookie('ss-opt', 'perm', '; Max-Age=31536000'));
  return {
    status: 200,
    body: { userId: user.userId, userName: user.userName, displayName: user.displayName, sessionId },
    headers: { 'Set-Cookie': setCookie },
  };
}

const expired = (name: string): string => cookie(name, '', '; Max-Age=0');

export const authRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/auth(?:\/credentials)?$/,
    endpoint: 'auth',
    handle: (world, req) => signIn(req, (userName, password) => world.logins.signIn(userName, password)),
  },
  ...['GET', 'POST'].map((method): Route => ({
    method,
    pattern: /^\/auth\/logout$/,
    endpoint: 'auth',
    handle: (world, req) => {
      world.logins.signOut(req.headers);
      return { status: 200, body: {}, headers: { 'Set-Cookie': ['ss-id', 'ss-pid', 'ss-opt'].map(expired) } };
    },
  })),
  {
    method: 'GET',
    pattern: /^\/auth\/status$/,
    endpoint: 'auth-status',
    handle: (world, req) => {
      const mode = world.strictness.authStatus;
      if (mode === 'missing') throw new ApiError(404, 'NotFound', 'No route for GET /auth/status');
      const user = requireUser(req);
      const status = { userId: user.userId, userName: user.userName, displayName: user.displayName };
      if (mode === 'no-account-ids') return ok(status);
      return ok({ ...status, accountIds: user.accountIds, accountNames: user.accountIds.map(accountName) });
    },
  },
];
