// Takes secrets out of what gets logged: values under password-like or cookie keys, and
// password/token/cookie text inside strings (URLs, headers, error messages).
const SECRET_KEY = /pass(word)?|secret|token|cookie|authori[sz]ation|credential|ss-(id|pid|opt)|api[-_]?key/i;
export const REDACTED = '[redacted]';

// Each value is redacted to its end, not to the first space or '@' in it (a passphrase, a password
// holding '@' or '/'): a quoted value to its closing quote (or the line's end when it has none), an
// unquoted one to the end of its query-string field or, outside a URL, of its line.
const SECRET_IN_TEXT: [RegExp, string][] = [
  // JSON inside JSON: \"key\":\"value\" (any number of backslashes), to the quote escaped the same way
  [
    /((?:password|passwd|pwd|secret|token|api[-_]?key|ss-id|ss-pid|ss-opt)\\+"\s*[:=]\s*(\\+)")[^\r\n]*?(?:\2"|$)/gim,
    `$1${REDACTED}$2"`,
  ],
  // "key":"value" and key="value" in JSON and headers, to the closing unescaped quote
  [
    /("?(?:password|passwd|pwd|secret|token|api[-_]?key|ss-id|ss-pid|ss-opt)"?\s*[:=]\s*")(?:\\.|[^"\\\r\n])*"?/gi,
    `$1${REDACTED}"`,
  ],
  // ?key=value and &key=value in URLs: to the end of the field (a URL holds no raw space)
  [/([?&](?:password|passwd|pwd|secret|token|api[-_]?key|ss-id|ss-pid|ss-opt)=)[^&#\s]+/gi, `$1${REDACTED}`],
  // key=value and key: value without quotes elsewhere (messages, headers): to the next & or the line's end
  [
    /((?<![?&])(?:password|passwd|pwd|secret|token|api[-_]?key|ss-id|ss-pid|ss-opt)\s*[:=]\s*)(?![\\"])[^&\r\n"]+/gi,
    `$1${REDACTED}`,
  ],
  // Cookie / Set-Cookie / Authorization header lines
  [/((?:set-)?cookie|authorization)(\s*[:=]\s*)[^\n]*/gi, `$1$2${REDACTED}`],
  // user:password@ in URLs, to the last '@' before a space (the password may hold '@' and '/')
  [/(\/\/[^/\s:@]+:)\S*@/g, `$1${REDACTED}@`],
  // Basic / Bearer credentials
  [/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{6,}/g, `$1 ${REDACTED}`],
];

export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
