// The frames the web shell and its page exchange over the /ipc WebSocket: the IPC contract, framed,
// after a handshake in which each side proves it holds this run's token without sending it.
// Shared by src/web (server side) and the renderer's bridge (page side); zod-free.
import type { ConsoleError, EventChannel, IpcResult } from './ipc';

/** Page → server: one request, answered by a ResponseFrame with the same id. */
export interface RequestFrame {
  id: number;
  channel: string;
  args: unknown;
}

/**
 * The handshake, before anything else travels either way:
 * 1. page → server `{kind:'hello', nonce: P}` (a fresh random nonce, nothing else);
 * 2. server → page `{kind:'proof', nonce: S, proof: HMAC(token, proofText('server', P, S))}`;
 *    the page checks it and, if it is wrong, sends nothing more and stops reconnecting;
 * 3. page → server `{kind:'proof', proof: HMAC(token, proofText('page', S, P))}`; only then does the
 *    server accept requests and send events.
 */
export interface HelloFrame {
  kind: 'hello';
  nonce: string;
}
export interface ServerProofFrame {
  kind: 'proof';
  nonce: string;
  proof: string;
}
export interface PageProofFrame {
  kind: 'proof';
  proof: string;
}

/** Server → page. */
export type ServerFrame =
  | ServerProofFrame
  | { kind: 'response'; id: number; result: IpcResult<unknown> }
  | { kind: 'event'; event: EventChannel; payload: unknown };

/** The fragment parameter that carries the per-run access token in the page's link (…/#token=…). */
export const TOKEN_PARAM = 'token';
export const IPC_PATH = '/ipc';
/** The longest a nonce may be (base64url of 32 random bytes is 43). */
export const NONCE_MAX_CHARS = 64;

/** What each side signs: the role first, so one side's proof is never valid as the other's. */
export function proofText(role: 'server' | 'page', theirNonce: string, myNonce: string): string {
  return `evo-voice-console web shell ${role}\n${theirNonce}\n${myNonce}`;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random nonce (32 bytes, base64url). */
export function newNonce(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** HMAC-SHA-256 of `text` keyed by the token, base64url (WebCrypto: the same in Node and the page). */
export async function tokenProof(token: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

export const LOST_CONNECTION: ConsoleError = {
  code: 'network',
  message: 'Lost the connection to the console server. It reconnects by itself; try again in a moment.',
};

export const NO_TOKEN: ConsoleError = {
  code: 'forbidden-sender',
  message: 'This page has no access token. Open the console from the link the web shell printed (…/#token=…).',
};

export const UNPROVEN_SERVER: ConsoleError = {
  code: 'forbidden-sender',
  message:
    'The program now answering on this address could not prove it is the console this page was opened from, ' +
    'so the page sent it nothing and stopped. Close this tab and open the console from the new link the web ' +
    'shell printed (…/#token=…); if you did not restart the console, tell IT.',
};
