// Voicemail recordings: GET /files/voicemail/{sessionId}.wav, for a signed-in user who can reach the voicemail's account.
import { notFound } from '../errors';
import { voicemailWav } from '../wav';
import type { World } from '../world';
import { accountsFor, requireUser, type Route } from './route';

export const fileRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/files\/voicemail\/([\w-]+)\.wav$/,
    endpoint: 'voicemail-audio',
    handle: (world: World, req) => {
      const user = requireUser(req);
      const file = world.store.voicemail.find((f) => f.uri === req.path);
      if (file === undefined) throw notFound(`No voicemail at ${req.path}`);
      accountsFor(user, [file.accountId ?? '']);
      const seed = [...(file.id ?? '')].reduce((sum, c) => sum + c.charCodeAt(0), 0);
      return {
        status: 200,
        body: voicemailWav(file.recordingDuration ?? 1, seed),
        headers: { 'Content-Type': 'audio/wav' },
      };
    },
  },
];
