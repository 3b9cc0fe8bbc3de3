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
