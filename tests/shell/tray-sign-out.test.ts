// Sign out from the tray with work open (issue 20, item 7): the shell is asked first, naming the
// callers the agent holds and the notes not yet saved; "stay" keeps the agent signed in. Against
// the simulator over HTTP, with the real core.
import { afterEach, describe, expect, it } from 'vitest';

import { type OpenWork, signOutQuestion } from '../../src/main/sign-out-work';
import { runTrayAction, type TrayTarget } from '../../src/main/tray-actions';
import { liveCall, type Rig, startRig } from '../core/rig';

let rig: Rig;
afterEach(() => rig.close());

function tray(answer: boolean) {
  const asked: OpenWork[] = [];
  let signedOut = 0;
  const target: TrayTarget = {
    core: rig.core,
    signIn: {
      signOut: async () => {
        signedOut++;
      },
    },
    showWindow: () => undefined,
    hideWindow: () => undefined,
    confirmSignOut: async (work) => {
      asked.push(work);
      return answer;
    },
  };
  return { target, asked, signedOut: () => signedOut };
}

describe('tray sign-out with work open', () => {
  it('asks first, naming the caller the agent holds; staying keeps the agent signed in', async () => {
    rig = await startRig();
    await rig.signIn();
    const held = liveCall(rig.sim, { answeredByName: 'Demo Agent', fromName: 'Holly Held', fromAddress: '+15550142' });
    liveCall(rig.sim, { answeredByName: 'Priya Shah', fromName: 'Kwame Haddad', callState: 'Hold' });
    rig.core.pollNow();
    await rig.core.settled();
    await rig.core.hold({ sessionId: held, action: 'hold' });
    await rig.core.settled();

    const stay = tray(false);
    expect(await runTrayAction('sign-out', stay.target)).toBe(true);
    expect(stay.asked).toEqual([{ held: ['Holly Held (+15550142)'], notes: [] }]);
    expect(stay.signedOut()).toBe(0);

    const go = tray(true);
    await runTrayAction('sign-out', go.target);
    expect(go.signedOut()).toBe(1);
  });

  it('signs out at once when nothing is open (a colleague’s held call is not the agent’s work)', async () => {
    rig = await startRig();
    await rig.signIn();
    liveCall(rig.sim, { answeredByName: 'Priya Shah', fromName: 'Kwame Haddad', callState: 'Hold' });
    rig.core.pollNow();
    await rig.core.settled();
    const t = tray(false);
    await runTrayAction('sign-out', t.target);
    expect(t.asked).toEqual([]);
    expect(t.signedOut()).toBe(1);
  });

  it('words the question in the console’s language, staying as the first answer', () => {
    const work = { held: ['Holly Held'], notes: ['Nate Notes'] };
    expect(signOutQuestion(work, 'en')).toEqual({
      message: 'Sign out with work open?',
      detail:
        'You have callers on hold: Holly Held\nNotes not saved yet (they are kept on this computer and sent at your next sign-in): Nate Notes\nHeld callers stay on hold after you sign out.',
      buttons: ['Stay signed in', 'Sign out anyway'],
    });
    expect(signOutQuestion(work, 'es-ES').buttons).toEqual(['Seguir con la sesión', 'Cerrar sesión igualmente']);
  });
});
