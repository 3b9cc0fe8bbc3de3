// Which Evo Voice servers the console may sign in to: https anywhere, http only on loopback.
import { CoreError } from './errors';

export const PRODUCTION_URL = 'https://evovoice.io';
export const STAGING_URL = 'https://team.evovoice.io';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The normalised server URL (origin plus any base path, no trailing slash), or a CoreError saying why not. */
export function checkServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid(`"${input}" is not a web address. Use e.g. ${PRODUCTION_URL}.`);
  }
  if (url.username || url.password) throw invalid('The server address must not contain a user name or password.');
  if (url.search || url.hash) throw invalid('The server address must not contain ? or #.');
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw invalid(`${url.host} must be reached over https (http is only allowed for this computer).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`The server address must start with https:// (not ${url.protocol}).`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The keychain service under which the password for this server is kept. */
export function secretService(serverUrl: string): string {
  return `evo-voice-console:${new URL(serverUrl).origin}`;
}

function invalid(reason: string): CoreError {
  return new CoreError('invalid-server-url', reason);
}
