// The file log rotates at its size cap, never writes a secret, and falls back to another folder
// when the app's log folder cannot be used.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createFileLog, createFileLogWithFallback } from '../../src/main/file-log';
import { redact, redactText } from '../../src/main/redact';

const tempDir = () => mkdtempSync(join(tmpdir(), 'evo-log-'));

describe('redaction', () => {
  it('hides values under secret-looking keys, at any depth', () => {
    expect(
      redact({ userName: 'a', password: 'p1', nested: { Cookie: 'ss-id=abc', list: [{ apiKey: 'k' }] }, token: 't' }),
    ).toEqual({
      userName: 'a',
      password: '[redacted]',
      nested: { Cookie: '[redacted]', list: [{ apiKey: '[redacted]' }] },
      token: '[redacted]',
    });
  });

  it('hides secrets inside text: query strings, JSON, headers, URLs, Basic credentials', () => {
    const text = [
      'GET /x?userName=a&password=s3cr3t&b=1',
      '{"userName":"a","password":"s3cr3t"}',
      'cookie: ss-id=s3cr3t; ss-pid=s3cr3t',
      'Set-Cookie: ss-opt=s3cr3t',
      'https://agent:s3cr3t@evovoice.io/',
      'Authorization: Basic czNjcjN0OnMzY3IzdA==',
    ].join('\n');
    const out = redactText(text);
    expect(out).not.toMatch(/s3cr3t|czNjcjN0/);
    expect(out).toContain('userName=a');
  });

  it('no generated password survives, whatever key or text it is under', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9!#%^*_+-]{8,30}$/),
        fc.constantFrom('password', 'Password', 'passwd', 'secret', 'ss-id'),
        (secret, key) => {
          const logged = JSON.stringify(
            redact({ [key]: secret, message: `${key}=${secret}`, json: `{"${key}":"${secret}"}` }),
          );
          expect(logged).not.toContain(secret);
        },
      ),
    );
  });
});

describe('file log', () => {
  it('writes redacted lines', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, now: () => new Date('2026-01-02T03:04:05Z') });
    log.info('Signing in', { userName: 'agent', password: 'hunter2' });
    log.error('Request failed: password=hunter2');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('2026-01-02T03:04:05.000Z INFO Signing in {"userName":"agent","password":"[redacted]"}');
    expect(text).not.toContain('hunter2');
  });

  it('rotates at the size cap and keeps at most maxFiles files', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, maxBytes: 1000, maxFiles: 3 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 199');
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).not.toContain('line 199');
  });

  it('keeps the log in the fallback folder when the log folder cannot be used, and says why', () => {
    const blocked = join(tempDir(), 'file');
    writeFileSync(blocked, '');
    const fallback = tempDir();
    const opened = createFileLogWithFallback(
      () => {
        throw new Error("Failed to get 'logs' path");
      },
      () => fallback,
    );
    expect(opened.problem).toBe("Failed to get 'logs' path");
    expect(opened.log.file).toBe(join(fallback, 'main.log'));
    expect(readFileSync(opened.log.file, 'utf8')).toContain('The log folder could not be used');
    const usable = tempDir();
    expect(
      createFileLogWithFallback(
        () => usable,
        () => fallback,
      ),
    ).toEqual({ log: expect.objectContaining({ file: join(usable, 'main.log') }) });
    expect(() =>
      createFileLogWithFallback(
        () => join(blocked, 'a'),
        () => join(blocked, 'b'),
      ),
    ).toThrow();
  });
});
