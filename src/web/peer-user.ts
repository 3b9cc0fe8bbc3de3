// Linux only: which local user opened a loopback TCP connection, read from /proc/net/tcp (the
// client's own socket is listed there with its owner's uid). Lets the web shell refuse every
// connection from another local user before reading a byte of it.
import { readFileSync } from 'node:fs';

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/**
 * The uid owning the IPv4 socket 127.0.0.1:`clientPort` connected to 127.0.0.1:`serverPort`, or
 * undefined when it cannot be told (not Linux, /proc hidden, the client already gone).
 */
export function peerUid(clientPort: number, serverPort: number, table = '/proc/net/tcp'): number | undefined {
  let text: string;
  try {
    text = readFileSync(table, 'utf8');
  } catch {
    return undefined;
  }
  // Each row is `sl: local rem st queues timer retrnsmt uid …` with fixed-width hex addresses, so
  // the client's row is found by its address pair without splitting every row: a busy machine
  // lists thousands, and this runs before any byte of each connection is read.
  const pair = `: 0100007F:${hexPort(clientPort)} 0100007F:${hexPort(serverPort)} `;
  const at = text.indexOf(pair);
  if (at < 0) return undefined;
  const end = text.indexOf('\n', at);
  const fields = text.slice(at + 2, end < 0 ? undefined : end).split(/\s+/);
  // local rem st queues timer retrnsmt uid
  const uid = Number(fields[6]);
  return Number.isInteger(uid) ? uid : undefined;
}

/** True when the connection may be served: same user, or a platform where it cannot be told. */
export function fromThisUser(clientPort: number | undefined, serverPort: number): boolean {
  const me = process.getuid?.();
  if (me === undefined || clientPort === undefined || process.platform !== 'linux') return true;
  const uid = peerUid(clientPort, serverPort);
  return uid === undefined || uid === me;
}
