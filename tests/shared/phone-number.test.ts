// Numbers as typed (issue 24): E.164 for the dialer, the search term History sends, the dialer templates accepted.
import { describe, expect, it } from 'vitest';

import { dialerScheme, dialerUri, isDialerUri } from '../../src/shared/dialer';
import { searchTerm, toE164 } from '../../src/shared/phone-number';

describe('phone numbers', () => {
  it('writes a whole number in E.164 however it was typed', () => {
    for (const typed of [
      '(773) 555-0102',
      '773-555-0102',
      '773.555.0102',
      '773 555 0102',
      '7735550102',
      '1 773 555 0102',
      '+1 (773) 555-0102',
      '+17735550102',
      ' +1-773-555-0102 ',
    ]) {
      expect(toE164(typed), typed).toBe('+17735550102');
    }
    expect(toE164('+44 20 7946 0926')).toBe('+442079460926');
    expect(toE164('0044 20 7946 0926')).toBe('+442079460926');
    for (const other of ['555-0102', 'Ana', '', '+12', '12345678901234567', '773-555-0102 ext 4']) {
      expect(toE164(other), other).toBeUndefined();
    }
  });

  it('searches a whole number in E.164, part of one by its digits, a name as typed', () => {
    expect(searchTerm('(773) 555-0102')).toBe('+17735550102');
    expect(searchTerm('555-0102')).toBe('5550102');
    expect(searchTerm('+1 773')).toBe('+1773');
    expect(searchTerm('  Ana Ruiz ')).toBe('Ana Ruiz');
  });
});

describe('dialer templates', () => {
  it('accepts a scheme with {number} once; refuses the web, files and scripts', () => {
    expect(dialerScheme('tel:{number}')).toBe('tel');
    expect(dialerScheme('callto:{number}')).toBe('callto');
    expect(dialerScheme('zoomphonecall://{number}?from=console')).toBe('zoomphonecall');
    for (const refused of [
      'https://x/{number}',
      'HTTP://x/{number}',
      'file:///{number}',
      'javascript:{number}',
      'data:text/html,{number}',
      'tel:',
      'tel:{number}{number}',
      'tel:{number} x',
      '{number}',
    ]) {
      expect(dialerScheme(refused), refused).toBeUndefined();
    }
  });

  it('builds the URI with the E.164 number, and recognises exactly those URIs', () => {
    expect(dialerUri('tel:{number}', '(773) 555-0102')).toBe('tel:+17735550102');
    expect(dialerUri('sip:{number}@pbx.example', '773-555-0102')).toBe('sip:+17735550102@pbx.example');
    expect(dialerUri('tel:{number}', 'Anonymous')).toBeUndefined();
    expect(isDialerUri('sip:+17735550102@pbx.example', 'sip:{number}@pbx.example')).toBe(true);
    expect(isDialerUri('sip:+17735550102@evil.example', 'sip:{number}@pbx.example')).toBe(false);
    expect(isDialerUri('tel:+1773;x', 'tel:{number}')).toBe(false);
  });
});
