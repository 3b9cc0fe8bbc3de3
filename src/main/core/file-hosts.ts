// Where a voicemail recording may be fetched from besides the server itself: https hosts an
// administrator listed (policy `recordingHosts`), and only while every address they resolve to is
// public (never loopback, private, link-local or otherwise internal): a hostile server's uri must
// not make the console reach into the agent's network.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

import { CoreError } from './errors';

/** Every address of a host name (IPv4 and IPv6). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

/** Addresses no recording is fetched from: inside this computer or the agent's network. */
const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 3], // multicast, reserved, broadcast
] as const) {
  internal.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of any IPv4 address, internal ones included
] as const) {
  internal.addSubnet(net, bits, 'ipv6');
}

/** True for an address inside this computer or a private network (IPv4-mapped IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The administrator's host names as a URL spells them (lower case, IPv6 compressed), without a trailing dot. */
export function hostListOf(hosts: readonly string[] | undefined): Set<string> {
  const allowed = new Set<string>();
  for (const entry of hosts ?? []) {
    const host = entry.trim();
    if (!host) continue;
    try {
      allowed.add(bare(new URL(`https://${isIP(host) === 6 ? `[${host}]` : host}/`).hostname));
    } catch {
      // Not a host name: it allows nothing.
    }
  }
  return allowed;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * Refuses a recording address that is not on the administrator's list, not https, or resolves to
 * an internal address; nothing is sent to it then. `server` names the Evo Voice server in the words.
 */
export async function checkFileHost(
  url: URL,
  allowed: ReadonlySet<string>,
  resolve: ResolveHost,
  server: string,
): Promise<void> {
  const hostname = bare(url.hostname);
  if (url.protocol !== 'https:') {
    throw new CoreError('forbidden', `${server} pointed to a file at ${url.host} without https: not fetched.`);
  }
  if (!allowed.has(hostname)) {
    throw new CoreError(
      'forbidden',
      `${server} keeps this recording at ${url.host}, which your administrator has not allowed (policy "recordingHosts"): not fetched.`,
    );
  }
  let addresses: string[];
  try {
    addresses = isIP(hostname) ? [hostname] : await resolve(hostname);
  } catch (error) {
    throw new CoreError('network', `Cannot find ${url.host} to fetch the recording: check the network.`, {
      cause: error,
    });
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress)) {
    throw new CoreError(
      'forbidden',
      `${url.host} is an address inside your network, so the recording is not fetched from it: ask your administrator.`,
    );
  }
}
