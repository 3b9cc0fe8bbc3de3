// Which servers the console may sign in to, and the cookie jar's rules.
import { describe, expect, it } from 'vitest';

import { CookieJar } from '../../src/main/core/cookies';
import { CoreError } from '../../src/main/core/errors';
import { checkServerUrl, secretService } from '../../src/main/core/server-url';

describe('checkServerUrl', () => {
  it('accepts https anywhere and http on loopback only', () => {
    expect(checkServerUrl('https://evovoice.io/')).toBe('https://evovoice.io');
    expect(checkServerUrl('https://team.evovoice.io')).toBe('https://team.evovoice.io');
    expect(checkServerUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(checkServerUrl('http://localhost:8080/api/')).toBe('http://localhost:8080/api');
  });

  it.each([
    ['http://evovoice.io', /must be reached over https/],
    ['ftp://evovoice.io', /must start with https/],
    ['evovoice', /not a web address/],
    ['https://user:pw@evovoice.io', /user name or password/],
  ])('refuses %s with a reason', (input, reason) => {
    try {
      checkServerUrl(input);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('invalid-server-url');
      expect((error as CoreError).message).toMatch(reason);
    }
  });

  it('names the keychain entry after the origin', () => {
    expect(secretService('https://evovoice.io')).toBe('evo-voice-console:https://evovoice.io');
  });
});

describe('CookieJar', () => {
  it('keeps cookies, replaces them, and drops expired ones', () => {
    const jar = new CookieJar();
    jar.store(['ss-id=a; Path=/; HttpOnly', 'ss-pid=b; Max-Age=10'], 0);
    expect(jar.header(0)).toBe('ss-id=a; ss-pid=b');
    expect(jar.header(11_000)).toBe('ss-id=a');
    jar.store(['ss-id=; Max-Age=0'], 11_000);
    expect(jar.header(11_000)).toBeUndefined();
  });
});

describe('checkServerUrl, the edges', () => {
  it('trims the address, keeps a base path without its trailing slashes, and takes IPv6 loopback over http', () => {
    expect(checkServerUrl('  https://evo.example/base//  ')).toBe('https://evo.example/base');
    expect(checkServerUrl('http://[::1]:4010/')).toBe('http://[::1]:4010');
    expect(checkServerUrl('http://LOCALHOST:4010')).toBe('http://localhost:4010');
    expect(checkServerUrl('http://127.10.0.1')).toBe('http://127.10.0.1');
  });

  it.each([
    ['https://evo.example/?x=1', 'The server address must not contain ? or #.'],
    ['https://evo.example/#top', 'The server address must not contain ? or #.'],
    ['https://user@evo.example', 'The server address must not contain a user name or password.'],
    ['https://:pw@evo.example', 'The server address must not contain a user name or password.'],
    [
      'http://evo.example:8080',
      'evo.example:8080 must be reached over https (http is only allowed for this computer).',
    ],
    [
      'http://localhost.evil.example',
      'localhost.evil.example must be reached over https (http is only allowed for this computer).',
    ],
    [
      'http://127.0.0.1.evil.example',
      '127.0.0.1.evil.example must be reached over https (http is only allowed for this computer).',
    ],
    ['ws://evo.example', 'The server address must start with https:// (not ws:).'],
    ['not a url', '"not a url" is not a web address. Use e.g. https://evovoice.io.'],
  ])('refuses %s in these words', (input, words) => {
    expect(() => checkServerUrl(input)).toThrow(words);
  });
});

describe('CookieJar, the attributes', () => {
  it('Max-Age wins over Expires, Expires alone dates it, attribute names in any case, bad values ignored', () => {
    const jar = new CookieJar();
    jar.store(
      [
        'a=1; Expires=Thu, 01 Jan 1970 00:00:05 GMT; Max-Age=100',
        'b=2; max-age=3',
        'c=3; EXPIRES=Thu, 01 Jan 1970 00:00:05 GMT',
        'd=4; Max-Age=soon',
        'e=5; Expires=someday',
        ' f = 6 ; Path=/',
      ],
      0,
    );
    expect(jar.header(0)).toBe('a=1; b=2; c=3; d=4; e=5; f=6');
    expect(jar.header(2_999)).toBe('a=1; b=2; c=3; d=4; e=5; f=6');
    expect(jar.header(3_000)).toBe('a=1; c=3; d=4; e=5; f=6');
    expect(jar.header(5_000)).toBe('a=1; d=4; e=5; f=6');
    expect(jar.header(100_000)).toBe('d=4; e=5; f=6');
    expect(jar.has('a')).toBe(false);
    expect(jar.has('d')).toBe(true);
  });

  it('lines without a name are ignored; a value may hold "="; an expired cookie removes the kept one; clear empties', () => {
    const jar = new CookieJar();
    jar.store(['=nameless', 'novalue', 'tok=a=b=c', 'old=1'], 1_000);
    expect(jar.header(1_000)).toBe('tok=a=b=c; old=1');
    jar.store(['old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], 1_000);
    expect(jar.has('old')).toBe(false);
    jar.store(['gone=1; Max-Age=-1'], 1_000);
    expect(jar.header(1_000)).toBe('tok=a=b=c');
    jar.clear();
    expect(jar.header(1_000)).toBeUndefined();
    expect(jar.has('tok')).toBe(false);
  });
});

describe('CookieJar, more attributes', () => {
  const NOW = Date.parse('2026-11-23T12:00:00.000Z');

  it('Max-Age before Expires still wins; an attribute that merely reads as a date is no expiry', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Max-Age=100; Expires=Thu, 01 Jan 1970 00:00:05 GMT', 'v=2; Version=1', 'p=3; Priority=2001'], NOW);
    expect(jar.header(NOW)).toBe('a=1; v=2; p=3');
    expect(jar.header(NOW + 100_000)).toBe('v=2; p=3');
  });

  it('Max-Age=0 removes the cookie at once; Max-Age without a value is ignored', () => {
    const jar = new CookieJar();
    jar.store(['now=1; Max-Age=0', 'bare=2; Max-Age'], NOW);
    expect(jar.has('now')).toBe(false);
    expect(jar.header(NOW + 1_000_000)).toBe('bare=2');
  });
});
