// The outbox's rules, case by case: when the server's note is someone else's change (a conflict
// the agent must see) and when it is the edit's own base, our own write, or a read older than our
// confirmed save (a lagging replica); and the words of each resting status. Records are written
// here as an older version kept them (texts) and read through `readRecord`, which hashes them.
import { describe, expect, it } from 'vitest';

import {
  baseOf,
  isConflict,
  isCurrentRead,
  mayBeStale,
  noteKey,
  type OutboxEntry,
  type OutboxRecord,
  pendingStatus,
  readRecord,
  restingStatus,
  type SavedEntry,
  type SavedRecord,
  textHash,
} from '../../src/main/core/outbox-entry';
import type { SessionInfo } from '../../src/shared/evovoice';

const KEY = noteKey({ owner: 'https://evo.example|agent', sessionId: 'sess-1' });
const T0 = '2026-11-23T12:00:00.000Z';
const T1 = '2026-11-23T12:01:00.000Z';
const T2 = '2026-11-23T12:02:00.000Z';

const entry = (fields: Partial<SavedEntry> = {}): OutboxEntry =>
  readRecord({
    entries: [
      {
        owner: 'https://evo.example|agent',
        sessionId: 'sess-1',
        text: 'mine',
        base: { value: 'original', dateLastModified: T0 },
        rev: 0,
        ...fields,
      },
    ],
  }).entries[0] as OutboxEntry;
const record = (fields: SavedRecord = {}): OutboxRecord => readRecord(fields);
const read = (consoleData: string | undefined, dateLastModified?: string): SessionInfo => ({
  id: 'sess-1',
  ...(consoleData === undefined ? {} : { consoleData }),
  ...(dateLastModified ? { dateLastModified } : {}),
});

describe('isConflict', () => {
  it('someone else wrote after the base the edit began from: a conflict', () => {
    expect(isConflict(record(), entry(), read('Priya wrote this', T1))).toBe(true);
  });

  it('the server still shows the base (by its text, or by its date when the text reads differently): no conflict', () => {
    expect(isConflict(record(), entry(), read('original', T1))).toBe(false);
    expect(isConflict(record(), entry(), read('original, re-encoded', T0))).toBe(false);
    expect(isConflict(record(), entry({ base: { value: 'original' } }), read('other', undefined))).toBe(true);
  });

  it('an empty note on the server is the base of an edit begun on an empty note', () => {
    expect(isConflict(record(), entry({ base: {} }), read(undefined, T1))).toBe(false);
    expect(isConflict(record(), entry({ base: {} }), read('', T1))).toBe(false);
    expect(isConflict(record(), entry({ base: {} }), read('x', T1))).toBe(true);
  });

  it('our own write whose answer was lost (`sent`), or the last one the server confirmed from this agent: no conflict', () => {
    expect(isConflict(record(), entry({ sent: 'mine, earlier' }), read('mine, earlier', T1))).toBe(false);
    expect(isConflict(record({ confirmed: { [KEY]: 'ours' } }), entry(), read('ours', T1))).toBe(false);
    const otherAgent = noteKey({ owner: 'https://evo.example|colleague', sessionId: 'sess-1' });
    const otherCall = noteKey({ owner: 'https://evo.example|agent', sessionId: 'sess-2' });
    expect(isConflict(record({ confirmed: { [otherAgent]: 'ours' } }), entry(), read('ours', T1))).toBe(true);
    expect(isConflict(record({ confirmed: { [otherCall]: 'ours' } }), entry(), read('ours', T1))).toBe(true);
  });

  it('a read dated before our confirmed save is stale; one dated at or after it is news', () => {
    const saved = record({ confirmed: { [KEY]: 'ours' }, confirmedAt: { [KEY]: T2 } });
    expect(isConflict(saved, entry(), read('something older', T1))).toBe(false);
    expect(isConflict(saved, entry(), read('written at the same moment', T2))).toBe(true);
    expect(isConflict(saved, entry(), read('written later', '2026-11-23T12:03:00.000Z'))).toBe(true);
  });

  it('our confirmed text dated after our save is someone else writing those words: a conflict (seed 1164066224)', () => {
    const saved = record({ confirmed: { [KEY]: 'ours' }, confirmedAt: { [KEY]: T1 } });
    expect(isConflict(saved, entry(), read('ours', T1))).toBe(false);
    expect(isConflict(saved, entry(), read('ours', T2))).toBe(true);
    // Earlier than the save: a lagging read, and a date that does not parse: the text decides.
    expect(isConflict(saved, entry(), read('ours', T0))).toBe(false);
    expect(isConflict(saved, entry(), read('ours', 'not a date'))).toBe(false);
    expect(isConflict(record({ ...saved, confirmedAt: { [KEY]: 'not a date' } }), entry(), read('ours', T2))).toBe(
      false,
    );
  });

  it('without readable dates, a read still showing the text our save replaced is stale, and only that', () => {
    const saved = record({ confirmed: { [KEY]: 'ours' }, replaced: { [KEY]: 'what we replaced' } });
    expect(isConflict(saved, entry(), read('what we replaced'))).toBe(false);
    expect(isConflict(saved, entry(), read('something else'))).toBe(true);
    const dated = record({ ...saved, confirmedAt: { [KEY]: 'not a date' } });
    expect(isConflict(dated, entry(), read('what we replaced', T1))).toBe(false);
    expect(isConflict(dated, entry(), read('something else', T1))).toBe(true);
    expect(isConflict(record({ confirmedAt: { [KEY]: T2 } }), entry(), read('x', 'not a date'))).toBe(true);
    expect(isConflict(record(), entry(), read(''))).toBe(true);
  });
});

describe('texts compared exactly, kept as hashes', () => {
  it('a server note differing from the base only in whitespace or line endings is a change: a conflict', () => {
    const base = entry({ base: { value: 'Call back\nre: refund' } });
    for (const theirs of [
      'Call back\r\nre: refund',
      'Call back\nre: refund ',
      ' Call back\nre: refund',
      'Call back\n\nre: refund',
    ])
      expect(isConflict(record(), base, read(theirs, T1)), JSON.stringify(theirs)).toBe(true);
    expect(isConflict(record(), base, read('Call back\nre: refund', T1))).toBe(false);
  });

  it('what only equality needs is a salted hash on disk, never the note; an older record is hashed as it is read', () => {
    const read = readRecord({
      entries: [
        {
          owner: 'o',
          sessionId: 's',
          text: 'unsent',
          base: { value: 'Patient DOB 1970-01-01' },
          rev: 0,
          sent: 'card 4242',
        },
      ],
      confirmed: { [KEY]: 'Patient DOB 1970-01-01' },
      replaced: { [KEY]: 'card ending 4242' },
    });
    const disk = JSON.stringify(read);
    expect(disk).not.toMatch(/1970|4242/);
    expect(disk).toContain('unsent');
    expect(read.confirmed[KEY]).toBe(textHash(KEY, 'Patient DOB 1970-01-01'));
    expect(readRecord(read), 'a hashed record reads as it is').toEqual(read);
    expect(textHash(KEY, 'same')).not.toBe(textHash(noteKey({ owner: 'o', sessionId: 's' }), 'same'));
  });
});

describe('statuses', () => {
  it('a note on its way shows what is being sent', () => {
    expect(pendingStatus(entry())).toEqual({ sessionId: 'sess-1', state: 'saving', pending: 'mine' });
  });

  it('a conflict carries both texts, when theirs was written, who called, and what to do', () => {
    const conflict = entry({ conflict: { theirs: 'Priya wrote this', theirsModified: T1 }, caller: 'Ada (+1555)' });
    expect(restingStatus(conflict)).toEqual({
      sessionId: 'sess-1',
      state: 'conflict',
      pending: 'mine',
      theirs: 'Priya wrote this',
      theirsModified: T1,
      message: 'Someone else changed this note while you were editing: choose which text to keep.',
      caller: 'Ada (+1555)',
    });
    expect(restingStatus(entry({ conflict: { theirs: 'x' } }))).not.toHaveProperty('theirsModified');
    expect(restingStatus(entry({ conflict: { theirs: 'x' } }))).not.toHaveProperty('caller');
  });

  it('a refused note says why; one waiting its turn says it is kept', () => {
    expect(restingStatus(entry({ failed: 'Could not save the note: gone', caller: 'Ada' }))).toEqual({
      sessionId: 'sess-1',
      state: 'failed',
      pending: 'mine',
      message: 'Could not save the note: gone',
      caller: 'Ada',
    });
    expect(restingStatus(entry())).toEqual({
      sessionId: 'sess-1',
      state: 'waiting-for-network',
      pending: 'mine',
      message: 'Kept on this computer; waiting to be sent.',
    });
  });

  it("an edit's base keeps the page's text as a hash, and its date only when the page knew one", () => {
    expect(baseOf(KEY, { value: 'original', dateLastModified: T0 })).toEqual({
      hash: textHash(KEY, 'original'),
      dateLastModified: T0,
    });
    expect(baseOf(KEY, {})).toEqual({ hash: textHash(KEY, '') });
    // The date decides: at the base's date the server's note is the base, however its text reads.
    const fromPage: OutboxEntry = { ...entry(), base: baseOf(KEY, { value: 'original', dateLastModified: T0 }) };
    expect(isConflict(record(), fromPage, read('original\r\n', T0))).toBe(false);
  });
});

describe('whether a read can be trusted', () => {
  const saved = () => record({ confirmedAt: { [KEY]: T1 }, replaced: { [KEY]: '' } });

  it('a read showing our text is current unless a write of another text is unanswered or it predates our save', () => {
    expect(isCurrentRead(saved(), entry(), read('mine', T1))).toBe(true);
    expect(isCurrentRead(saved(), entry({ sent: 'mine' }), read('mine', T2))).toBe(true);
    expect(isCurrentRead(saved(), entry({ sent: 'an earlier text' }), read('mine', T2))).toBe(false);
    expect(isCurrentRead(saved(), entry(), read('mine', T0))).toBe(false);
  });

  it('without dates, only a read still showing the text our save replaced is not current', () => {
    const undated = record({ replaced: { [KEY]: '' } });
    expect(isCurrentRead(undated, entry(), read('mine'))).toBe(true);
    expect(isCurrentRead(undated, entry(), read(undefined))).toBe(false);
  });

  it('a read may be stale while a write of ours is unanswered, or when it predates our save', () => {
    expect(mayBeStale(saved(), entry({ sent: 'mine' }), read('mine', T2))).toBe(true);
    expect(mayBeStale(saved(), entry(), read('mine', T2))).toBe(false);
    expect(mayBeStale(saved(), entry(), read('mine', T0))).toBe(true);
    const undated = record({ replaced: { [KEY]: '' } });
    expect(mayBeStale(undated, entry(), read(undefined))).toBe(true);
    expect(mayBeStale(undated, entry(), read('theirs'))).toBe(false);
  });
});
