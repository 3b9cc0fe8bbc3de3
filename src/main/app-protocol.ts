// The app:// scheme the page is served from (Electron security checklist item 18): registered as
// privileged before ready, answered from out/renderer with the CSP header set here, anything
// outside that folder or on another host refused.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

import type { Protocol } from 'electron';

import { APP_HOST, APP_SCHEME } from './app-identity';
import type { Logger } from './core/ports';
import { CONTENT_SECURITY_POLICY } from './csp';

/** For protocol.registerSchemesAsPrivileged, which must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function refused(status: number, log: Logger, url: string): Response {
  log.warn('Refused an app:// request', { status, url: url.slice(0, 200) });
  return new Response(null, { status });
}

/** The file under `root` an app:// URL names, or undefined when it would leave `root`. */
export function appFilePath(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? undefined : file;
}

/** The handler for protocol.handle(APP_SCHEME, …): serves `root` (out/renderer) with the CSP. */
export function appRequestHandler(root: string, log: Logger): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refused(405, log, request.url);
    const file = appFilePath(root, request.url);
    if (!file) return refused(403, log, request.url);
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return refused(404, log, request.url);
    }
  };
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, root: string, log: Logger): void {
  protocol.handle(APP_SCHEME, appRequestHandler(root, log));
}

/** out/renderer beside out/main (the bundle's own folder is passed in). */
export function rendererRoot(mainDir: string): string {
  return join(mainDir, '../renderer');
}
