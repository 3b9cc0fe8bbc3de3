// Console data as text: JSON notes are shown pretty-printed, everything else as written.

export interface NoteText {
  text: string;
  json: boolean;
}

/** Pretty-prints a note that is a JSON object or array; leaves any other text untouched. */
export function noteForEditing(value: string | undefined): NoteText {
  const raw = value ?? '';
  const trimmed = raw.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return { text: raw, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
  } catch {
    return { text: raw, json: false };
  }
}

export function isJsonText(text: string): boolean {
  return noteForEditing(text).json;
}

/** A starting point for a hand merge: both versions, marked, for the agent to edit down. */
export function mergeDraft(mine: string, theirs: string): string {
  if (mine === theirs) return mine;
  return `${mine}\n\n----- their version -----\n${theirs}`;
}
