// Voicemail playback: the recording main fetched, as a blob URL for an <audio> element, and which ones the agent has listened to (kept on this computer).
import { request } from './api';

const LISTENED_KEY = 'evo-console.voicemail-listened';
/** Enough for months of voicemail; the oldest are forgotten first. */
const LISTENED_CAP = 2000;

function readListened(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(LISTENED_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

class Voicemail {
  /** Blob URLs of the recordings fetched, by voicemail id. */
  urls = $state<Record<string, string>>({});
  fetching = $state<Record<string, boolean>>({});
  errors = $state<Record<string, string>>({});
  private listenedIds = $state<string[]>(readListened());

  isListened(id: string): boolean {
    return this.listenedIds.includes(id);
  }

  markListened(id: string): void {
    if (this.isListened(id)) return;
    this.listenedIds = [...this.listenedIds, id].slice(-LISTENED_CAP);
    try {
      localStorage.setItem(LISTENED_KEY, JSON.stringify(this.listenedIds));
    } catch {
      // Storage refused (private mode, quota): the mark holds for this run.
    }
  }

  /** Asks main for the recording; the page never names a URL, only the voicemail's id. */
  async fetch(id: string): Promise<void> {
    if (this.urls[id] || this.fetching[id]) return;
    this.fetching[id] = true;
    delete this.errors[id];
    const result = await request('voicemail:audio', { voicemailId: id });
    this.fetching[id] = false;
    if (result.ok) {
      const blob = new Blob([bytesOf(result.value.base64)], { type: result.value.contentType });
      this.urls[id] = URL.createObjectURL(blob);
    } else {
      this.errors[id] = result.error.message;
    }
  }

  /** Frees the recordings' memory (the dashboard closed). */
  release(): void {
    for (const url of Object.values(this.urls)) URL.revokeObjectURL(url);
    this.urls = {};
  }
}

export const voicemail = new Voicemail();
