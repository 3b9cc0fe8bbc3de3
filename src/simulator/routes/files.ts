// Voicemail recordings: GET /files/voicemail/{sessionId}.wav, for a signed-in user who can reach
// the voicemail's account; with `fileRedirects`, that answers 302 to a signed storage address
// (GET /files/store/{sessionId}.wav?sig=…, no sign-in needed, as a blob store's signed URL).
import { createHash } from 'node:crypto';

import type { FileInfo } from '../../shared/evovoice';
import { forbidden, notFound } from '../errors';
import { voicemailWav } from '../wav';
import type { World } from '../world';
import { accountsFor, type Answer, requireUser, type Route } from './route';

const signature = (name: string) => createHash('sha256').update(`evo-sim-store:${name}`).digest('hex').slice(0, 16);

function voicemailAt(world: World, uri: string): FileInfo {
  const file = world.store.voicemail.find((f) => f.uri === uri);
  if (file === undefined) throw notFound(`No voicemail at ${uri}`);
  return file;
}

function recording(file: FileInfo): Answer {
  const seed = [...(file.id ?? '')].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return {
    status: 200,
    body: voicemailWav(file.recordingDuration ?? 1, seed),
    headers: { 'Content-Type': 'audio/wav' },
  };
}

export const fileRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/files\/voicemail\/([\w-]+)\.wav$/,
    endpoint: 'voicemail-audio',
    handle: (world: World, req) => {
      const user = requireUser(req);
      const file = voicemailAt(world, req.path);
      accountsFor(user, [file.accountId ?? '']);
      if (!world.strictness.fileRedirects) return recording(file);
      const name = req.match[1] as string;
      return { status: 302, body: '', headers: { Location: `/files/store/${name}.wav?sig=${signature(name)}` } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/files\/store\/([\w-]+)\.wav$/,
    endpoint: 'voicemail-audio',
    handle: (world: World, req) => {
      const name = req.match[1] as string;
      if (req.params.string('sig') !== signature(name)) throw forbidden('The storage address is not signed');
      return recording(voicemailAt(world, `/files/voicemail/${name}.wav`));
    },
  },
];
