// Calling a caller back and copying the number, runes compiled by the stores project: the
// dialer opened on the number in E.164 with the template from Settings, a number no dialer can take
// refused in words, the number copied in E.164 (or as shown) and the outcome said.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { callBack, callBackUri, copyNumber } from '../../src/renderer/src/state/call-back';
import { consoleMirror } from '../../src/renderer/src/state/console.svelte';
import { toasts } from '../../src/renderer/src/state/toasts.svelte';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import { installPage } from './fake-page';

const page = installPage();
const copied: string[] = [];
let clipboardRefuses = false;
vi.stubGlobal('navigator', {
  languages: ['en-US'],
  platform: 'Linux x86_64',
  clipboard: {
    writeText: async (text: string) => {
      if (clipboardRefuses) throw new Error('NotAllowedError');
      copied.push(text);
    },
  },
});

beforeEach(() => {
  consoleMirror.settings = { ...DEFAULT_SETTINGS, language: 'en' };
  toasts.items = [];
  page.opened.length = 0;
  copied.length = 0;
  clipboardRefuses = false;
});

describe('call back', () => {
  it('opens the dialer on the number in E.164, with the template from Settings', () => {
    expect(callBack('(773) 555-0102')).toBe(true);
    consoleMirror.settings = { ...consoleMirror.settings, dialerUriTemplate: 'callto:{number}?dial' };
    expect(callBackUri('773-555-0102')).toBe('callto:+17735550102?dial');
    callBack('+44 20 7946 0958');
    expect(page.opened).toEqual([
      ['tel:+17735550102', '_blank', 'noopener'],
      ['callto:+442079460958?dial', '_blank', 'noopener'],
    ]);
    expect(toasts.items).toEqual([]);
  });

  it('refuses no number, a name instead of one, and a template that is not a dialer', () => {
    expect(callBackUri(undefined)).toBeUndefined();
    expect(callBackUri('')).toBeUndefined();
    expect(callBack('Reception')).toBe(false);
    expect(toasts.items).toMatchObject([
      { kind: 'error', title: 'Could not call back', body: 'This call has no number a dialer can use.' },
    ]);
    consoleMirror.settings = { ...consoleMirror.settings, dialerUriTemplate: 'https://evil.example/{number}' };
    expect(callBack('773-555-0102')).toBe(false);
    expect(page.opened).toEqual([]);
  });
});

describe('copy the number', () => {
  it('copies it in E.164 when it is a number, else as shown, and says so', async () => {
    await copyNumber('(773) 555-0102');
    await copyNumber('ext. 12');
    await copyNumber(undefined);
    expect(copied).toEqual(['+17735550102', 'ext. 12', '']);
    expect(toasts.items.map((t) => [t.kind, t.title])).toEqual([
      ['info', 'Copied +17735550102'],
      ['info', 'Copied ext. 12'],
      ['info', 'Copied '],
    ]);
  });

  it('says to copy it by hand when the clipboard refuses', async () => {
    clipboardRefuses = true;
    await copyNumber('773-555-0102');
    expect(toasts.items).toMatchObject([
      { kind: 'error', title: 'Could not copy the number: select it and copy it by hand', body: '+17735550102' },
    ]);
  });
});
