// A small voicemail recording made in code: 8 kHz, 8-bit mono PCM in a WAV container, a two-note tone that fades out.

const RATE = 8000;

/** `seconds` of audio (at most 3, so an answer stays small), the same bytes for the same `seed`. */
export function voicemailWav(seconds: number, seed = 0): Uint8Array {
  const samples = Math.round(Math.min(Math.max(seconds, 0.25), 3) * RATE);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // PCM header size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE, true); // bytes per second at 8 bits mono
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  const pitch = 440 + (seed % 5) * 55;
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    const note = i < samples / 2 ? pitch : pitch * 1.25;
    const fade = 1 - i / samples;
    bytes[44 + i] = Math.round(128 + 90 * fade * Math.sin(2 * Math.PI * note * t));
  }
  return bytes;
}
