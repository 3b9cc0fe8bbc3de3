// The workstation's dialer: the URI "Call back" opens, from a template such as `tel:{number}` with
// the number in E.164; which templates are acceptable, and which URIs main may hand to the OS.
import { toE164 } from './phone-number';

export const DEFAULT_DIALER_TEMPLATE = 'tel:{number}';

/** Schemes a dialer template may never use: the web, the app's own, and anything that runs code. */
const REFUSED_SCHEMES = new Set([
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'file',
  'data',
  'blob',
  'javascript',
  'vbscript',
  'about',
  'app',
  'chrome',
  'devtools',
  'filesystem',
  'view-source',
  'ms-settings',
  'shell',
]);

const TEMPLATE = /^([a-z][a-z0-9+.-]{0,31}):[^\s<>"'`\\{}]*\{number\}[^\s<>"'`\\{}]*$/i;

/** The scheme ("tel", "callto", "sip") of an acceptable template; undefined for any other. */
export function dialerScheme(template: string): string | undefined {
  if (template.length > 500) return undefined;
  const match = TEMPLATE.exec(template);
  const scheme = match?.[1]?.toLowerCase();
  if (!scheme || REFUSED_SCHEMES.has(scheme) || template.split('{number}').length !== 2) return undefined;
  return scheme;
}

export function isDialerTemplate(template: string): boolean {
  return dialerScheme(template) !== undefined;
}

/** The URI that dials `number` (made E.164) with `template`; undefined when either is unusable. */
export function dialerUri(template: string, number: string): string | undefined {
  const e164 = toE164(number);
  if (!e164 || !isDialerTemplate(template)) return undefined;
  return template.replace('{number}', e164);
}

/** True only for exactly `template` with an E.164 number in it: what main lets the OS open. */
export function isDialerUri(url: string, template: string): boolean {
  if (!isDialerTemplate(template)) return false;
  const [before = '', after = ''] = template.split('{number}');
  if (!url.startsWith(before) || !url.endsWith(after) || url.length <= before.length + after.length) return false;
  return /^\+\d{7,15}$/.test(url.slice(before.length, url.length - after.length));
}
