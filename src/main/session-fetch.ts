// The core's Fetch port on Chromium's network stack (Electron's session.fetch), so API calls follow
// the workstation's proxy, PAC file and certificate store. The core keeps its own cookie jar, so
// the session is told to neither send nor store cookies (credentials: 'omit'), and the Set-Cookie
// lines that Electron's fetch joins into one header are split back for the jar.
import type { Fetch } from './core/ports';

/**
 * Splits a Set-Cookie value that holds several cookies joined with ", " (what Electron's
 * net.fetch makes of repeated headers). A comma starts a new cookie only when "name=" follows,
 * so the comma inside "Expires=Thu, 01 Jan …" stays.
 */
export function splitSetCookie(joined: string): string[] {
  return joined
    .split(/,(?=\s*[^\s=;,]+=)/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The same response with each cookie on its own Set-Cookie line. */
export function withSetCookieLines(response: Response): Response {
  const lines = response.headers.getSetCookie().flatMap(splitSetCookie);
  // Nothing joined (or a status a Response cannot be built with): hand it on as it came.
  if (lines.length <= 1 || response.status < 200) return response;
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers.append(name, value);
  for (const line of lines) headers.append('set-cookie', line);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** `sessionFetch` is (input, init) => session.fetch(input, init) of an Electron session. */
export function createSessionFetch(sessionFetch: Fetch): Fetch {
  return async (input, init) => withSetCookieLines(await sessionFetch(input, { ...init, credentials: 'omit' }));
}
