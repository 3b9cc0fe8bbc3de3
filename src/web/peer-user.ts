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
  const local = `:${hexPort(clientPort)}`;
  const remote = `:${hexPort(serverPort)}`;
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st queues timer retrnsmt uid ...
    if (fields[1]?.endsWith(local) && fields[2]?.endsWith(remote) && fields[1].startsWith('0100007F')) {
      const uid = Number(fields[7]);
      return Number.isInteger(uid) ? uid : undefined;
    }
  }
  return undefined;
}

/** True when the connection may be served: same user, or a platform where it cannot be told. */
export function fromThisUser(clientPort: number | undefined, serverPort: number): boolean {
  const me = process.getuid?.();
  if (me === undefined || clientPort === undefined || process.platform !== 'linux') return true;
  const uid = peerUid(clientPort, serverPort);
  return uid === undefined || uid === me;
}
