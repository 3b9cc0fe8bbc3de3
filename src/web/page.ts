// Serves the built renderer: files under one directory only, and index.html with its CSP's
// connect-src narrowed to exactly this server's WebSocket origin.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

import { CONTENT_SECURITY_POLICY, policyConnectingTo } from '../main/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** index.html with connect-src 'none' replaced by `wsOrigin`; throws if the policy is not the known one. */
export function pageWithPolicy(html: string, wsOrigin: string): string {
  const meta = `content="${CONTENT_SECURITY_POLICY}"`;
  if (!html.includes(meta)) {
    throw new Error('index.html does not carry the expected Content-Security-Policy meta tag; rebuild the renderer.');
  }
  return html.replace(meta, `content="${policyConnectingTo(wsOrigin)}"`);
}

export interface PageFile {
  body: Buffer | string;
  type: string;
}

/** The file for a URL path, or undefined when there is none (or it lies outside `rootDir`). */
export async function pageFile(rootDir: string, urlPath: string, wsOrigin: string): Promise<PageFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(rootDir, relative));
  if (!file.startsWith(normalize(rootDir) + sep) || decoded.includes('\0')) return undefined;
  try {
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (relative === 'index.html') return { body: pageWithPolicy(body.toString('utf8'), wsOrigin), type };
    return { body, type };
  } catch {
    return undefined;
  }
}
