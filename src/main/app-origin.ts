// Which URLs are the app's own page (for the IPC sender check and navigation denial), and which
// external links may open in the browser.
export interface AppPage {
  /** app://console/index.html in a build, or the dev server URL under electron-vite dev. */
  url: string;
}

/**
 * True when `url` is on the app page's origin (any path, hash or query): app://console for a
 * build, the dev server's origin under electron-vite dev. One origin compared, never file paths.
 */
export function isAppPage(url: string, page: AppPage): boolean {
  let candidate: URL;
  let own: URL;
  try {
    candidate = new URL(url);
    own = new URL(page.url);
  } catch {
    return false;
  }
  // Node's URL gives custom schemes an opaque origin ("null"): compare scheme and host instead.
  const allowed = own.protocol === 'app:' || own.protocol === 'http:' || own.protocol === 'https:';
  return (
    allowed &&
    candidate.protocol === own.protocol &&
    candidate.host === own.host &&
    candidate.username === '' &&
    candidate.password === ''
  );
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
