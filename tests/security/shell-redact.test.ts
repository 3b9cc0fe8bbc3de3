// The log redactor takes every secret value to its end: passphrases with spaces, passwords holding
// '@' and '/', JSON inside JSON, values without a closing quote (issue 21, item 9).
import { describe, expect, it } from 'vitest';

import { redact, redactText } from '../../src/main/redact';

describe('log redaction to the end of the value', () => {
  it.each([
    ['{"password":"correct horse battery staple"}', 'horse'],
    ['{"password": "correct \\"horse\\" battery"}', 'battery'],
    ['password=correct horse battery staple', 'staple'],
    ['password: correct horse battery staple\nnext line', 'battery'],
    ['GET /x?userName=a&password=correct+horse&b=1', 'horse'],
    ['token=abc def&x', 'def'],
    ['https://agent:p@ss/word@evovoice.io/path', 'word'],
    ['https://agent:p@ss/word@evovoice.io/path', 'ss/'],
    ['body {\\"password\\":\\"correct horse battery\\",\\"userName\\":\\"a\\"}', 'battery'],
    ['body {\\\\\\"token\\\\\\":\\\\\\"abc def ghi\\\\\\"}', 'ghi'],
    ['{"password":"correct horse battery', 'battery'],
    ['secret="top secret value" rest', 'value'],
    // Titles name the case by number: the values are test passwords, which must not reach the report.
  ])('case %#: the value is redacted to its end', (text, part) => {
    const out = redactText(text);
    expect(out).not.toContain(part);
    expect(out).toContain('[redacted]');
  });

  it('keeps what follows the value', () => {
    expect(redactText('{"password":"correct horse","userName":"agent"}')).toBe(
      '{"password":"[redacted]","userName":"agent"}',
    );
    expect(redactText('GET /x?password=a+b&userName=agent failed')).toBe(
      'GET /x?password=[redacted]&userName=agent failed',
    );
    expect(redactText('https://agent:p@ss/word@evovoice.io/path')).toBe('https://agent:[redacted]@evovoice.io/path');
    expect(redactText('x {\\"password\\":\\"a b\\",\\"userName\\":\\"agent\\"}')).toBe(
      'x {\\"password\\":\\"[redacted]\\",\\"userName\\":\\"agent\\"}',
    );
  });

  it('redacts error messages and nested strings the same way', () => {
    const logged = JSON.stringify(
      redact({
        error: new Error('Sign-in failed for {"password":"correct horse battery staple"}'),
        data: ['pwd=a b c'],
      }),
    );
    expect(logged).not.toMatch(/horse|battery|staple| b c/);
  });
});
