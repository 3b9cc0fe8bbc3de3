// Voicemail playback, case by case: only recordings the last dashboard answer listed (with an id
// and a uri) can be fetched, each answer replacing the one before; what reaches the page is audio
// only, its type cleaned, its bytes in base64.
import { describe, expect, it } from 'vitest';

import { toVoicemailAudio, VoicemailShelf } from '../../src/main/core/voicemail';

const gone = 'This voicemail is no longer on the dashboard: refresh the dashboard and play it again.';

describe('VoicemailShelf', () => {
  it('knows the recordings of the last dashboard answer only, by id', () => {
    const shelf = new VoicemailShelf();
    const home = { voicemail: [{ id: 'vm-1', uri: '/files/1.wav' }, { id: 'vm-2' }, { uri: '/files/3.wav' }] };
    expect(shelf.remember(home)).toBe(home);
    expect(shelf.uriOf('vm-1')).toBe('/files/1.wav');
    expect(() => shelf.uriOf('vm-2')).toThrow(gone);
    expect(() => shelf.uriOf('/files/1.wav')).toThrow(gone);
    shelf.remember({ voicemail: [{ id: 'vm-4', uri: '/files/4.wav' }] });
    expect(() => shelf.uriOf('vm-1')).toThrow(gone);
    expect(shelf.uriOf('vm-4')).toBe('/files/4.wav');
    shelf.remember({});
    expect(() => shelf.uriOf('vm-4')).toThrow(gone);
    shelf.remember({ voicemail: [{ id: 'vm-5', uri: '/files/5.wav' }] });
    shelf.forget();
    expect(() => shelf.uriOf('vm-5')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('toVoicemailAudio', () => {
  it('audio of any kind, its type without parameters and in lower case, the bytes in base64', () => {
    const bytes = new Uint8Array([82, 73, 70, 70]);
    expect(toVoicemailAudio({ contentType: ' Audio/WAV ; codec=1', bytes })).toEqual({
      contentType: 'audio/wav',
      base64: 'UklGRg==',
    });
    expect(toVoicemailAudio({ contentType: 'audio/mpeg', bytes: new Uint8Array() })).toEqual({
      contentType: 'audio/mpeg',
      base64: '',
    });
  });

  it.each(['text/html', 'application/octet-stream', '', 'video/audio'])(
    'refuses %j without saying what it was',
    (type) => {
      expect(() => toVoicemailAudio({ contentType: type, bytes: new Uint8Array([1]) })).toThrow(
        expect.objectContaining({
          code: 'bad-response',
          message: 'The server did not send a recording for this voicemail: try again later.',
        }),
      );
    },
  );
});
