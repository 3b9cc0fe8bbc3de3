// Voicemail playback as the page keeps it, runes compiled by the stores project: the recording
// main fetched by id turned into a blob URL with its bytes and audio type, one fetch at a time, the
// refusal in words, memory freed, and which recordings were listened to kept on this computer
// (the newest 2000, a damaged record read as none). Each test starts a fresh page, as a reload does.
import { resolveObjectURL } from 'node:buffer';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { installPage } from './fake-page';

const page = installPage();
const KEY = 'evo-console.voicemail-listened';

async function freshVoicemail() {
  vi.resetModules();
  return (await import('../../src/renderer/src/state/voicemail.svelte')).voicemail;
}

beforeEach(() => {
  page.main.reset();
  page.storage.items.clear();
  page.storage.refuse = false;
});

describe('recordings', () => {
  it('plays the bytes main fetched, by id, with their audio type', async () => {
    const voicemail = await freshVoicemail();
    page.main.ok('voicemail:audio', {
      contentType: 'audio/wav',
      base64: Buffer.from([0, 1, 254, 255]).toString('base64'),
    });
    await voicemail.fetch('vm1');
    expect(page.main.of('voicemail:audio')).toEqual([{ voicemailId: 'vm1' }]);
    expect(voicemail.fetching.vm1).toBe(false);
    const blob = resolveObjectURL(voicemail.urls.vm1 ?? '');
    expect(blob?.type).toBe('audio/wav');
    expect([...new Uint8Array(await blob!.arrayBuffer())]).toEqual([0, 1, 254, 255]);
    await voicemail.fetch('vm1');
    expect(page.main.of('voicemail:audio'), 'fetched once').toHaveLength(1);
    const url = voicemail.urls.vm1 ?? '';
    voicemail.release();
    expect(voicemail.urls).toEqual({});
    expect(resolveObjectURL(url), 'the memory is freed').toBeUndefined();
  });

  it('asks once while a fetch is on its way, and says why one failed until it is tried again', async () => {
    const voicemail = await freshVoicemail();
    page.main.refuse('voicemail:audio', { code: 'not-found', message: 'Gone.' });
    await voicemail.fetch('vm2');
    expect(voicemail.errors.vm2).toBe('Gone.');
    expect(voicemail.urls.vm2).toBeUndefined();
    const release = page.main.hold('voicemail:audio', {
      ok: true,
      value: { contentType: 'audio/mpeg', base64: 'AA==' },
    });
    const fetching = voicemail.fetch('vm2');
    expect(voicemail.fetching.vm2).toBe(true);
    expect(voicemail.errors.vm2).toBeUndefined();
    await voicemail.fetch('vm2');
    await release();
    await fetching;
    expect(page.main.of('voicemail:audio')).toHaveLength(2);
    expect(voicemail.urls.vm2).toMatch(/^blob:/);
  });
});

describe('listened', () => {
  it('remembers the recordings listened to across a reload', async () => {
    const voicemail = await freshVoicemail();
    expect(voicemail.isListened('a')).toBe(false);
    voicemail.markListened('a');
    voicemail.markListened('b');
    voicemail.markListened('a');
    expect(voicemail.isListened('a')).toBe(true);
    expect(JSON.parse(page.storage.getItem(KEY) ?? '')).toEqual(['a', 'b']);
    const reloaded = await freshVoicemail();
    expect(reloaded.isListened('b')).toBe(true);
    expect(reloaded.isListened('c')).toBe(false);
  });

  it('keeps the newest 2000', async () => {
    page.storage.setItem(KEY, JSON.stringify(Array.from({ length: 2000 }, (_, i) => `v${i}`)));
    const voicemail = await freshVoicemail();
    expect(voicemail.isListened('v0')).toBe(true);
    voicemail.markListened('new');
    const kept = JSON.parse(page.storage.getItem(KEY) ?? '') as string[];
    expect(kept).toHaveLength(2000);
    expect(kept[0]).toBe('v1');
    expect(kept.at(-1)).toBe('new');
    expect(voicemail.isListened('v0')).toBe(false);
  });

  it('reads a damaged record as none, and keeps only the ids in one', async () => {
    page.storage.setItem(KEY, '{not json');
    expect((await freshVoicemail()).isListened('{not json')).toBe(false);
    page.storage.setItem(KEY, JSON.stringify({ a: 1 }));
    expect((await freshVoicemail()).isListened('a')).toBe(false);
    page.storage.setItem(KEY, JSON.stringify(['ok', 7, null]));
    const voicemail = await freshVoicemail();
    expect(voicemail.isListened('ok')).toBe(true);
    voicemail.markListened('x');
    expect(JSON.parse(page.storage.getItem(KEY) ?? '')).toEqual(['ok', 'x']);
  });

  it('keeps the mark for this run when storage refuses it', async () => {
    const voicemail = await freshVoicemail();
    page.storage.refuse = true;
    voicemail.markListened('a');
    expect(voicemail.isListened('a')).toBe(true);
    expect(page.storage.getItem(KEY)).toBeNull();
  });
});
