// What the renderer receives of the board: row fields packed (repeated strings once), and patches
// that carry details only for the open call yet always carry their version.
import { describe, expect, it } from 'vitest';

import type { SessionInfo } from '../../src/shared/evovoice';
import { packRows, ROW_FIELDS, rowPatch, toRow, unpackRows } from '../../src/shared/live';

const call = (id: string, extra: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  callState: 'Connected',
  accountName: 'Northwind Health (North)',
  fromName: `Caller ${id}`,
  dateCreated: '2026-11-23T09:00:00Z',
  consoleData: 'a note',
  log: [{ date: '2026-11-23T09:00:00Z', message: 'Answered' }],
  members: [{ displayName: 'Caller', role: 'Caller' }],
  ...extra,
});

describe('rows', () => {
  it('keep exactly the row fields, and unpack to what they packed', () => {
    const sessions = [call('a'), call('b', { ended: true, wasMissed: false }), { id: 'c' }];
    const rows = sessions.map(toRow);
    expect(rows[0]).not.toHaveProperty('consoleData');
    expect(rows[0]).not.toHaveProperty('log');
    expect(Object.keys(rows[1] ?? {}).every((k) => (ROW_FIELDS as readonly string[]).includes(k))).toBe(true);
    const packed = packRows(sessions);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)) as typeof packed)).toEqual(rows);
  });

  it('send a string that repeats once', () => {
    const sessions = Array.from({ length: 50 }, (_, i) => call(`s${i}`));
    const packed = packRows(sessions);
    expect(packed.strings).toContain('Northwind Health (North)');
    expect(JSON.stringify(packed).split('Northwind').length - 1).toBe(1);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(sessions.map(toRow)).length * 0.6);
  });
});

describe('rowPatch', () => {
  const patch = {
    version: 7,
    sessions: {
      added: [call('new')],
      changed: [
        { id: 'open', set: { consoleData: 'mine', callState: 'Hold' as const } },
        { id: 'closed', set: { consoleData: 'theirs', log: [] } },
        { id: 'other', set: { fromName: 'Ada' }, unset: ['consoleData' as const, 'holdReason' as const] },
      ],
      removed: ['gone'],
    },
  };

  it('carries every field for the open call and row fields for the rest', () => {
    const rows = rowPatch(patch, 'open');
    expect(rows.version).toBe(7);
    expect(rows.sessions?.changed).toEqual([
      { id: 'open', set: { consoleData: 'mine', callState: 'Hold' } },
      { id: 'other', set: { fromName: 'Ada' }, unset: ['holdReason'] },
    ]);
    expect(rows.sessions?.added).toEqual([toRow(call('new'))]);
    expect(rows.sessions?.removed).toEqual(['gone']);
    expect(rowPatch(patch, 'new').sessions?.added[0]).toHaveProperty('log');
  });

  it('keeps the version of a patch that changed only details of closed calls', () => {
    const onlyDetails = { version: 8, sessions: { added: [], changed: [{ id: 'x', set: { log: [] } }], removed: [] } };
    expect(rowPatch(onlyDetails, undefined)).toEqual({
      version: 8,
      sessions: { added: [], changed: [], removed: [] },
    });
  });
});

describe('rows packed exactly', () => {
  it('lists only the strings that repeat, once each, in order; flags stay as they are', () => {
    const packed = packRows([
      { id: 'a', fromName: 'Ada', ended: true, wasMissed: false },
      { id: 'b', fromName: 'Ada', ended: true, wasMissed: false },
      { id: 'c', fromName: 'Bo', accountName: 'Ada' },
    ]);
    expect(packed.strings).toEqual(['Ada']);
    expect(packed.rows[0]).toContain(true);
    expect(unpackRows(packed)[2]).toEqual({ id: 'c', fromName: 'Bo', accountName: 'Ada' });
    expect(packRows([]).strings).toEqual([]);
  });

  it('sends a change of row fields alone for a closed call', () => {
    const rows = rowPatch(
      { version: 9, sessions: { added: [], changed: [{ id: 'x', set: { fromName: 'Ada' } }], removed: [] } },
      undefined,
    );
    expect(rows.sessions?.changed).toEqual([{ id: 'x', set: { fromName: 'Ada' } }]);
  });
});
