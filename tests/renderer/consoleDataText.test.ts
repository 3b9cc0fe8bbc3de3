// Console data text: JSON shown formatted, other text untouched, a merge draft carrying both versions.
import { describe, expect, it } from 'vitest';

import { isJsonText, mergeDraft, noteForEditing } from '../../src/renderer/src/lib/consoleDataText';

describe('noteForEditing', () => {
  it('pretty-prints a JSON object', () => {
    expect(noteForEditing('{"a":1}')).toEqual({ text: '{\n  "a": 1\n}', json: true });
  });

  it('leaves plain text, broken JSON and JSON scalars as written', () => {
    expect(noteForEditing('call back {soon')).toEqual({ text: 'call back {soon', json: false });
    expect(noteForEditing('{"a":')).toEqual({ text: '{"a":', json: false });
    expect(noteForEditing('42')).toEqual({ text: '42', json: false });
    expect(noteForEditing(undefined)).toEqual({ text: '', json: false });
  });

  it('recognises JSON text the agent typed', () => {
    expect(isJsonText('[1, 2]')).toBe(true);
    expect(isJsonText('<img src=x>')).toBe(false);
  });
});

describe('mergeDraft', () => {
  it('keeps both versions for the agent to edit, or one when they agree', () => {
    expect(mergeDraft('mine', 'theirs')).toContain('mine');
    expect(mergeDraft('mine', 'theirs')).toContain('theirs');
    expect(mergeDraft('same', 'same')).toBe('same');
  });
});

describe('JSON behind white space', () => {
  it('recognises a JSON note with spaces or a line break before it', () => {
    expect(noteForEditing('  {"a":1}\n')).toEqual({ text: '{\n  "a": 1\n}', json: true });
    expect(isJsonText('\n[1]')).toBe(true);
  });
});
