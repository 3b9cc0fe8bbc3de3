// A remembered password deleted from the keychain outside the console (or a keychain reset): the
// next start says why the sign-in form is back; an agent who never asked to be remembered, or who
// signed out, sees the form without that message.
import { afterEach, expect, it } from 'vitest';

import { PASSWORD_GONE } from '../../src/main/core/remembered-passwords';
import type { ShellSettingsStore } from '../../src/main/settings-store';
import { MemorySecrets } from '../core/ports';
import { confStore, dataDir, type Harness, startHarness } from './harness';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Signs in once (remembered or not), stops, runs `meanwhile`, and starts a second console on the same files. */
async function restartAfter(
  remember: boolean,
  meanwhile: (first: Harness, secrets: MemorySecrets) => Promise<void> | void,
): Promise<Harness> {
  const settings: ShellSettingsStore = confStore(dataDir('keychain-gone'));
  const secrets = new MemorySecrets();
  const first = await startHarness({ settings, secrets });
  open.push(first);
  await first.signIn({ remember });
  await meanwhile(first, secrets);
  await first.core.stop();
  const again = await startHarness({ settings, secrets });
  open.push(again);
  settings.setSettings({ serverUrl: first.sim.url });
  await again.core.start();
  return again;
}

it('a remembered password deleted outside the console: the agent is told why to type it again', async () => {
  const again = await restartAfter(true, (_first, secrets) => {
    expect(secrets.entries.size).toBe(1);
    secrets.entries.clear();
  });
  expect(again.core.getState().connection).toMatchObject({ status: 'signed-out', message: PASSWORD_GONE });
  expect(again.core.getSettings().userName, 'the form is prefilled').not.toBe('');
});

it('never remembered, or signed out: the sign-in form without that message', async () => {
  const notRemembered = await restartAfter(false, () => undefined);
  expect(notRemembered.core.getState().connection.message).toBeUndefined();
  const signedOut = await restartAfter(true, (first) => first.core.signOut());
  expect(signedOut.core.getState().connection.message).toBeUndefined();
});
