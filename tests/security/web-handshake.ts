// The page's half of the web shell's handshake over a raw `ws` socket, for tests that send frames
// the real client never would: prove the token (or a wrong one), then talk.
import { WebSocket } from 'ws';

import { newNonce, proofText, type ServerProofFrame, tokenProof } from '../../src/shared/web-protocol';

/** The next text frame on `ws`. */
export function nextFrame(ws: WebSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1);
    ws.once('close', (code) => resolve(code));
  });
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** A socket to the shell on `port` that has proved `token` (a wrong one gets it closed with 1008). */
export async function provenSocket(port: number, token: string, options: { maxPayload?: number } = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, { origin: `http://127.0.0.1:${port}`, ...options });
  await opened(ws);
  const nonce = newNonce();
  ws.send(JSON.stringify({ kind: 'hello', nonce }));
  const server = JSON.parse(await nextFrame(ws)) as ServerProofFrame;
  ws.send(JSON.stringify({ kind: 'proof', proof: await tokenProof(token, proofText('page', server.nonce, nonce)) }));
  return { ws, server, nonce };
}
