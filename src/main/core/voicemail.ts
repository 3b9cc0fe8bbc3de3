// Voicemail playback: the recordings the last dashboard answer listed, fetched by id only (never a URL from the page), size-capped, for the page to play as a blob.
import type { AppHomeResponse } from '../../shared/evovoice';
import type { VoicemailAudio } from '../../shared/ipc';
import type { FileBytes } from './client';
import { CoreError } from './errors';

/** A voicemail is seconds of compressed audio; ten megabytes is minutes of WAV. */
export const VOICEMAIL_MAX_BYTES = 10 * 1024 * 1024;

export class VoicemailShelf {
  private uris = new Map<string, string>();

  /** Keeps the recordings of a dashboard answer, replacing those of the one before. */
  remember(home: AppHomeResponse): AppHomeResponse {
    this.uris = new Map();
    for (const file of home.voicemail ?? []) if (file.id && file.uri) this.uris.set(file.id, file.uri);
    return home;
  }

  forget(): void {
    this.uris.clear();
  }

  /** The uri of a voicemail the dashboard showed; anything else is refused. */
  uriOf(voicemailId: string): string {
    const uri = this.uris.get(voicemailId);
    if (uri === undefined) {
      throw new CoreError(
        'not-found',
        'This voicemail is no longer on the dashboard: refresh the dashboard and play it again.',
      );
    }
    return uri;
  }
}

/**
 * What the page gets: the bytes (base64, so both shells' transports carry them) and an audio type.
 * Anything else is refused without saying what it was: the agent never reads what a host answered.
 */
export function toVoicemailAudio(file: FileBytes): VoicemailAudio {
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type.startsWith('audio/')) {
    throw new CoreError('bad-response', 'The server did not send a recording for this voicemail: try again later.');
  }
  return { contentType: type, base64: Buffer.from(file.bytes).toString('base64') };
}
