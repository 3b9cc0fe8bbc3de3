// Reading a request body: at most 1 MB kept, JSON objects or form fields, anything else refused.
import type { IncomingMessage } from 'node:http';

import { ApiError, badField } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Body {
  /** The raw text, for telling "no body" from "an empty object". */
  text: string;
  value: Record<string, unknown>;
  /** Set when the body cannot be used; the request is then answered with it. */
  error?: ApiError;
}

function parse(text: string, oversized: boolean, contentType: string): Omit<Body, 'text'> {
  if (oversized) {
    return {
      value: {},
      error: new ApiError(400, 'RequestTooLarge', `The request body is over ${MAX_BODY_BYTES} bytes: send less`),
    };
  }
  if (text.trim() === '') return { value: {} };
  if (contentType.includes('application/x-www-form-urlencoded'))
    return { value: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return { value: value as Record<string, unknown> };
    return { value: {}, error: badField('Body', 'the JSON body must be an object') };
  } catch {
    return { value: {}, error: badField('Body', 'the body is not valid JSON') };
  }
}

/** Reads to the end (discarding past 1 MB, so the client can read the 400) and parses. */
export function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ text, ...parse(text, size > MAX_BODY_BYTES, req.headers['content-type'] ?? '') });
    });
    req.on('error', reject);
  });
}
