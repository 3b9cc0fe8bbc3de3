// Numbers as typed (issue 24): E.164 for the dialer, the search term History sends, the dialer templates accepted.
import { describe, expect, it } from 'vitest';

import { dialerScheme, dialerUri, isDialerUri } from '../../src/shared/dialer';
import { looksLikeNumber, searchTerm, toE164 } from '../../src/shared/phone-number';

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

describe('phone numbers at their limits', () => {
  it('takes 7 to 15 digits after +, 7 to 15 after 00, ten national digits, eleven starting with 1', () => {
    expect(toE164('+1234567')).toBe('+1234567');
    expect(toE164('+123456')).toBeUndefined();
    expect(toE164('+123456789012345')).toBe('+123456789012345');
    expect(toE164('+1234567890123456')).toBeUndefined();
    expect(toE164('001234567')).toBe('+1234567');
    expect(toE164('00123456')).toBeUndefined();
    expect(toE164('00123456789012345')).toBe('+123456789012345');
    expect(toE164('001234567890123456')).toBeUndefined();
    expect(toE164('17735550102')).toBe('+17735550102');
    expect(toE164('27735550102')).toBeUndefined();
    expect(toE164('773555010')).toBeUndefined();
    expect(toE164('77355501023')).toBeUndefined();
  });

  it('is a number only when every character is one a number is written with, and there is a digit', () => {
    expect(looksLikeNumber(' (773) 555-0102 ')).toBe(true);
    expect(looksLikeNumber('+1/773.555')).toBe(true);
    expect(looksLikeNumber('()-+ ')).toBe(false);
    expect(looksLikeNumber('a773')).toBe(false);
    expect(looksLikeNumber('773a')).toBe(false);
    expect(toE164('x7735550102')).toBeUndefined();
    expect(toE164('7735550102x')).toBeUndefined();
  });

  it('searches part of a number by its digits, keeping a leading +', () => {
    expect(searchTerm(' 555.01 ')).toBe('55501');
    expect(searchTerm('+44 20')).toBe('+4420');
    expect(searchTerm('(0)20')).toBe('020');
  });
});
