// Settings changed from the page and the page's one way to main, runes compiled by the
// stores project: a change main accepted is mirrored with its theme, a refusal comes back in words; a broken
// link is a network error that says to reload, never an exception; refusals in the agent's language.
import { beforeEach, describe, expect, it } from 'vitest';

import { request } from '../../src/renderer/src/state/api';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { diagnostics, updateSettings } from '../../src/renderer/src/state/settings';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { installPage } from './fake-page';

const page = installPage();

beforeEach(() => {
  page.main.reset();
  page.root.dataset = {};
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
});

describe('updateSettings', () => {
  it('sends the one field, mirrors what main kept and applies its theme', async () => {
    page.main.answer('settings:update', (patch) => ({
      ok: true,
      value: { ...DEFAULT_SETTINGS, language: 'en', ...patch },
    }));
    expect(await updateSettings({ theme: 'light' })).toEqual({ ok: true });
    expect(page.main.of('settings:update')).toEqual([{ theme: 'light' }]);
    expect(consoleMirror.settings.theme).toBe('light');
    expect(page.root.dataset.theme).toBe('light');
    await updateSettings({ theme: 'system' });
    expect(page.root.dataset.theme).toBeUndefined();
  });

  it('says why main refused it, and keeps the settings as they were', async () => {
    page.main.refuse('settings:update', { code: 'forbidden', message: 'Your administrator fixed the dialer.' });
    expect(await updateSettings({ dialerUriTemplate: 'sip:{number}' })).toEqual({
      ok: false,
      message: 'Your administrator fixed the dialer.',
    });
    expect(consoleMirror.settings.dialerUriTemplate).toBe(DEFAULT_SETTINGS.dialerUriTemplate);
  });
});

describe('diagnostics', () => {
  it('gives the text main wrote, or why not', async () => {
    page.main.ok('app:diagnostics', 'version 1.2.3');
    expect(await diagnostics()).toEqual({ ok: true, text: 'version 1.2.3' });
    page.main.refuse('app:diagnostics', { code: 'internal', message: 'No log.' });
    expect(await diagnostics()).toEqual({ ok: false, message: 'No log.' });
  });
});

describe('request', () => {
  it('turns a broken link into a network error that says to reload', async () => {
    const result = await request('poll:now', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'network',
        message: 'The console lost its link to the background service (main is gone (poll:now)). Reload the window.',
      },
    });
  });

  it('says a refusal in the agent’s language: the core’s sentence in English, the catalogue’s otherwise', async () => {
    page.main.refuse('poll:now', { code: 'network', message: 'Core words.', status: 503 });
    expect(await request('poll:now', {})).toEqual({
      ok: false,
      error: { code: 'network', message: 'Core words.', status: 503 },
    });
    consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'es' };
    expect(await request('poll:now', {})).toEqual({
      ok: false,
      error: {
        code: 'network',
        message: 'No se puede contactar con el servidor. Compruebe la red; la consola reintenta sola.',
        status: 503,
      },
    });
    page.main.ok('poll:now', null);
    expect(await request('poll:now', {})).toEqual({ ok: true, value: null });
  });
});
