// The web shell's handshake pieces, as both sides compute them: what each role signs (never valid
// as the other's), fresh base64url nonces, the HMAC-SHA-256 proof, and errors that say what to do.
import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { takeToken, webSocketUrl } from '../../src/renderer/src/bridge';
import {
  IPC_PATH,
  LOST_CONNECTION,
  newNonce,
  NO_TOKEN,
  NONCE_MAX_CHARS,
  proofText,
  TOKEN_PARAM,
  tokenProof,
  UNPROVEN_SERVER,
} from '../../src/shared/web-protocol';

describe('proofText', () => {
  it('puts the role first, then their nonce and mine, one a line', () => {
    expect(proofText('server', 'P', 'S')).toBe('evo-voice-console web shell server\nP\nS');
    expect(proofText('page', 'S', 'P')).toBe('evo-voice-console web shell page\nS\nP');
  });
});

describe('newNonce', () => {
  it('is 32 random bytes in base64url: 43 characters, no padding, different each time', () => {
    const nonces = Array.from({ length: 50 }, () => newNonce());
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(nonce, 'base64url')).toHaveLength(32);
    }
    expect(new Set(nonces).size).toBe(50);
    expect(
      nonces.some((n) => /[-_]/.test(n)),
      'the URL-safe alphabet is used',
    ).toBe(true);
    expect(NONCE_MAX_CHARS).toBeGreaterThanOrEqual(43);
  });
});

describe('tokenProof', () => {
  it('is the HMAC-SHA-256 of the text keyed by the token, in base64url', async () => {
    const texts = [proofText('server', 'abc', 'def'), ...Array.from({ length: 20 }, (_, i) => `text ${i}`)];
    const standard = texts.map((text) => createHmac('sha256', 'ü-token').update(text).digest('base64'));
    expect(
      standard.some((b64) => /[+/]/.test(b64)),
      'some proofs need the URL-safe letters',
    ).toBe(true);
    for (const text of texts) {
      expect(await tokenProof('ü-token', text)).toBe(createHmac('sha256', 'ü-token').update(text).digest('base64url'));
    }
    expect(await tokenProof('t', 'x')).not.toBe(await tokenProof('t2', 'x'));
  });
});

describe('where the page connects', () => {
  it('opens the /ipc socket of its own host, and reads the token from the link’s #token=', () => {
    expect(webSocketUrl({ host: '127.0.0.1:4173' })).toBe(`ws://127.0.0.1:4173${IPC_PATH}`);
    expect(IPC_PATH).toBe('/ipc');
    const kept = new Map<string, string>();
    const token = takeToken({
      location: { hash: `#${TOKEN_PARAM}=abc`, pathname: '/', search: '' },
      history: { state: null, replaceState: () => undefined },
      storage: { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, v) },
    });
    expect(token).toBe('abc');
    expect(NO_TOKEN.message).toContain(`#${TOKEN_PARAM}=`);
  });
});

describe('what the page says', () => {
  it('names the way out of each failure', () => {
    expect(LOST_CONNECTION).toMatchObject({ code: 'network' });
    expect(LOST_CONNECTION.message).toContain('reconnects by itself');
    expect(NO_TOKEN).toMatchObject({ code: 'forbidden-sender' });
    expect(NO_TOKEN.message).toContain('#token=');
    expect(UNPROVEN_SERVER).toMatchObject({ code: 'forbidden-sender' });
    expect(UNPROVEN_SERVER.message).toContain('could not prove it is the console');
    expect(UNPROVEN_SERVER.message).toContain('open the console from the new link');
  });
});
