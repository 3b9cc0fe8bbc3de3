// Reading the owner of a loopback connection from /proc/net/tcp (a fixture table here; the live
// check runs in web-shell.test.ts where root can stage a second user).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { peerUid } from '../../src/web/peer-user';

const TABLE = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:9B05 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1',
  '   1: 0100007F:9B05 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 2 1',
  '   2: 0100007F:D431 0100007F:9B05 01 00000000:00000000 00:00000000 00000000 65534        0 3 1',
  '   3: 0A00000F:D432 0100007F:9B05 01 00000000:00000000 00:00000000 00000000  4242        0 4 1',
].join('\n');

describe('peer user of a loopback connection', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'evo-tcp-')), 'tcp');
  writeFileSync(file, TABLE);

  it("names the uid of the client's own socket, not the server's", () => {
    expect(peerUid(0xd431, 0x9b05, file)).toBe(65534);
  });

  it('finds the row among thousands, and not a row whose port only ends the same or whose pair is reversed', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `${String(i + 5).padStart(4)}: 0100007F:${(0x1000 + i).toString(16).toUpperCase()} 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  ${2000 + i}        0 ${i} 1`,
    );
    const busy = join(mkdtempSync(join(tmpdir(), 'evo-tcp-')), 'tcp');
    writeFileSync(busy, [TABLE, ...rows, ''].join('\n'));
    expect(peerUid(0x1000 + 2999, 0x1f90, busy)).toBe(4999);
    expect(peerUid(0xd431, 0x9b05, busy)).toBe(65534);
    // 0x9B05 → 0xD431 is the server's own row (uid 1000), not a client on port 0x9B05.
    expect(peerUid(0x9b05, 0xd431, busy)).toBe(1000);
    expect(peerUid(0x1f90, 0x1000, busy)).toBeUndefined();
    expect(peerUid(0x431, 0x9b05, busy)).toBeUndefined();
  });

  it('answers undefined when the client is not listed, is not on 127.0.0.1, or there is no table', () => {
    expect(peerUid(0xd499, 0x9b05, file)).toBeUndefined();
    expect(peerUid(0xd432, 0x9b05, file)).toBeUndefined();
    expect(peerUid(0xd431, 0x9b05, join(file, 'missing'))).toBeUndefined();
  });
});
