// Which URLs are the app's own page (for the IPC sender check and navigation denial), and which
// external links may open in the browser.
export interface AppPage {
  /** file:///…/out/renderer/index.html in a build, or the dev server URL under electron-vite dev. */
  url: string;
}

/** True when `url` is the app's own page: the same file (any hash/query), or the dev server origin. */
export function isAppPage(url: string, page: AppPage): boolean {
  let candidate: URL;
  let own: URL;
  try {
    candidate = new URL(url);
    own = new URL(page.url);
  } catch {
    return false;
  }
  if (own.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === own.pathname;
  return (own.protocol === 'http:' || own.protocol === 'https:') && candidate.origin === own.origin;
}

/** Hosts the console may open in the agent's browser: the Evo Voice sites. */
export const EXTERNAL_HOSTS = ['evovoice.io', 'team.evovoice.io', 'www.evovoice.io'] as const;

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      u.username === '' &&
      u.password === '' &&
      u.port === '' &&
      (EXTERNAL_HOSTS as readonly string[]).includes(u.hostname)
    );
  } catch {
    return false;
  }
}
