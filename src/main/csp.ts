// The renderer's Content-Security-Policy: the same policy as the meta tag in src/renderer/index.html,
// sent again as a response header by the Electron shell (a test keeps the two identical).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // Voicemail plays from bytes main fetched (an object URL), never from the network.
  'media-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy with connect-src allowing exactly one origin (the web shell's WebSocket). */
export function policyConnectingTo(origin: string): string {
  return CONTENT_SECURITY_POLICY.replace("connect-src 'none'", `connect-src ${origin}`);
}

/** Response headers with the policy set (any policy a server sent is replaced, whatever its case). */
export function withPolicyHeader(
  headers: Record<string, string[]> | undefined,
  policy = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
