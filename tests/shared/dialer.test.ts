// The dialer template's rules one by one: every refused scheme refused in any case, templates too
// long or with a character that could break out of the URI refused, and only exactly the template
// with an E.164 number in it let out to the OS.
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_DIALER_TEMPLATE,
  dialerScheme,
  dialerUri,
  isDialerTemplate,
  isDialerUri,
} from '../../src/shared/dialer';

const REFUSED = [
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'file',
  'data',
  'blob',
  'javascript',
  'vbscript',
  'about',
  'app',
  'chrome',
  'devtools',
  'filesystem',
  'view-source',
  'ms-settings',
  'shell',
];

describe('dialer templates', () => {
  it('refuses every scheme that opens the web, files, the app or runs code, in any case', () => {
    for (const scheme of REFUSED) {
      expect(isDialerTemplate(`${scheme}:{number}`), scheme).toBe(false);
      expect(isDialerTemplate(`${scheme.toUpperCase()}:{number}`), scheme).toBe(false);
    }
  });

  it('gives the scheme in lower case, for the default and others', () => {
    expect(dialerScheme(DEFAULT_DIALER_TEMPLATE)).toBe('tel');
    expect(dialerScheme('SIP:{number}')).toBe('sip');
    expect(dialerScheme('web+dial.x-1:{number}')).toBe('web+dial.x-1');
  });

  it('refuses a template over 500 characters, a scheme over 32, or a character that breaks out', () => {
    const pad = (n: number) => 'x'.repeat(n);
    expect(isDialerTemplate(`tel:{number}?${pad(500 - 'tel:{number}?'.length)}`)).toBe(true);
    expect(isDialerTemplate(`tel:{number}?${pad(501 - 'tel:{number}?'.length)}`)).toBe(false);
    expect(isDialerTemplate(`a${pad(31)}:{number}`)).toBe(true);
    expect(isDialerTemplate(`a${pad(32)}:{number}`)).toBe(false);
    for (const bad of [
      'tel:{number}"',
      "tel:'{number}",
      'tel:<{number}',
      'tel:{number}>',
      'tel:`{number}',
      'tel:\\{number}',
      '1tel:{number}',
      ' tel:{number}',
    ])
      expect(isDialerTemplate(bad), bad).toBe(false);
  });
});

describe('dialer URIs', () => {
  it('needs a number a dialer can take and a usable template', () => {
    expect(dialerUri('https://x/{number}', '773-555-0102')).toBeUndefined();
    expect(dialerUri('tel:{number}', '')).toBeUndefined();
  });

  it('lets out exactly the template around a + and 7 to 15 digits', () => {
    const t = 'sip:{number}@pbx.example';
    expect(isDialerUri('sip:+1234567@pbx.example', t)).toBe(true);
    expect(isDialerUri('sip:+123456789012345@pbx.example', t)).toBe(true);
    expect(isDialerUri('sip:+123456@pbx.example', t)).toBe(false);
    expect(isDialerUri('sip:+1234567890123456@pbx.example', t)).toBe(false);
    expect(isDialerUri('sip:17735550102@pbx.example', t)).toBe(false);
    expect(isDialerUri('sip:+1773555010a@pbx.example', t)).toBe(false);
    expect(isDialerUri('sips:+17735550102@pbx.example', t)).toBe(false);
    expect(isDialerUri('sip:@pbx.example', t)).toBe(false);
    expect(isDialerUri('sip:', 'sip:{number}')).toBe(false);
    expect(isDialerUri('https://x/+17735550102', 'https://x/{number}')).toBe(false);
    expect(isDialerUri('xel:+17735550102', 'tel:{number}'), 'another scheme before a good number').toBe(false);
    expect(isDialerUri('tel:x+17735550102', 'tel:{number}')).toBe(false);
    expect(isDialerUri('tel:+17735550102x', 'tel:{number}')).toBe(false);
    expect(isDialerUri('tel:+17735550102', 'tel:{number}')).toBe(true);
  });
});
