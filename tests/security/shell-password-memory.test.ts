// The session keeps no copy of a password the agent kept in the keychain: a re-sign-in after the
// server ended the session reads it again (issue 21, item 12). Observable from outside: the entry
// changed or removed in the keychain is what the re-sign-in uses. Without "Remember me" the
// keychain has no copy, so the session keeps its own (the README's "Logs and crash dumps").
import { afterEach, describe, expect, it } from 'vitest';

import { PASSWORD_GONE } from '../../src/main/core/login';
import { DEMO_USER } from '../../src/simulator/types';
import { type Rig, startRig } from '../core/rig';

let rig: Rig;
afterEach(() => rig.close());

const KEY = () => `evo-voice-console:${rig.sim.url}|${DEMO_USER.userName}`;
const signIns = () => rig.sim.control.requests({ pathPrefix: '/auth/credentials' });

describe('the password of a remembered sign-in', () => {
  it('is read from the keychain for a re-sign-in, not from a copy in memory', async () => {
    rig = await startRig();
    await rig.signIn(true);
    expect(rig.secrets.entries.get(KEY())).toBe(DEMO_USER.password);
    // Removed outside the console: the copy a session kept would have signed in again.
    rig.secrets.entries.delete(KEY());
    rig.sim.control.expireLogins();
    const before = signIns().length;
    await rig.step(70_000);
    expect(signIns().length).toBe(before);
    expect(rig.core.getState().connection).toMatchObject({ status: 'signed-out', message: PASSWORD_GONE });
  });

  it('a re-sign-in still works while the keychain has it, and without "Remember me" from memory', async () => {
    for (const remember of [true, false]) {
      rig = await startRig();
      await rig.signIn(remember);
      rig.sim.control.expireLogins();
      const before = signIns().length;
      await rig.step(70_000);
      expect(signIns().length).toBe(before + 1);
      expect(rig.core.getState().connection.status).toBe('online');
      await rig.close();
    }
    rig = await startRig();
  });
});
