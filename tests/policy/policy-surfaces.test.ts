// Where the policy and a ready update reach the agent: state:get lists the locked and recommended settings, a
// sign-in to another server than the preset one is refused before the core is asked, and the
// tray offers "Restart to update" only while an update is downloaded.
import { describe, expect, it } from 'vitest';

import { createDispatcher } from '../../src/main/ipc/dispatch';
import { checkServerAllowed } from '../../src/main/policy/server-lock';
import { composeSignIn } from '../../src/main/sign-in';
import { runTrayAction } from '../../src/main/tray-actions';
import { trayView } from '../../src/main/tray-menu';
import { recordingCore, recordingDemo, recordingLog, signedOutState } from '../shell/recording-core';

const policy = { serverUrl: 'https://voice.example.com' };

function setup() {
  const { core, calls } = recordingCore({
    getState: () => signedOutState(),
    getSnapshot: () => ({ version: 0, sessions: [], activity: [] }),
  });
  const dispatch = createDispatcher(core, {
    log: recordingLog().log,
    signIn: composeSignIn(core, recordingDemo().demo, (serverUrl) => checkServerAllowed(policy, serverUrl)),
    versions: () => ({ app: '0.1.0' }),
    lockedSettings: () => ['serverUrl', 'startAtLogin'],
    recommendedSettings: () => ({ startHidden: true }),
  });
  return { dispatch, calls };
}

describe('policy through the dispatcher', () => {
  it('tells the renderer which settings the administrator locked, and which it recommended', async () => {
    const { dispatch } = setup();
    expect(await dispatch('state:get', {})).toMatchObject({
      ok: true,
      value: { lockedSettings: ['serverUrl', 'startAtLogin'], recommendedSettings: { startHidden: true } },
    });
  });

  it('refuses sign-in to another server with a forbidden error the agent can act on', async () => {
    const { dispatch, calls } = setup();
    const answer = await dispatch('auth:sign-in', {
      serverUrl: 'https://other.example.com',
      userName: 'agent',
      password: 'pw',
      remember: false,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/voice\.example\.com/) },
    });
    expect(calls.filter((c) => c.method === 'signIn')).toEqual([]);
  });
});

describe('Restart to update in the tray', () => {
  it('appears with the version only while an update is ready', () => {
    const labels = (version?: string) =>
      trayView(signedOutState(), 0, true, version).menu.flatMap((item) => ('label' in item ? [item.label] : []));
    expect(labels()).not.toContainEqual(expect.stringMatching(/Restart to update/));
    expect(labels('0.2.0')).toContain('Restart to update (0.2.0)');
  });

  it('runs the shell’s restart, and is refused by a shell without one', async () => {
    const restarts: string[] = [];
    const target = {
      core: {
        getSettings: () => ({}) as never,
        updateSettings: () => ({}) as never,
        getState: () => ({}) as never,
        getSnapshot: () => ({}) as never,
      },
      signIn: { signOut: async () => undefined },
      showWindow: () => undefined,
      hideWindow: () => undefined,
    };
    expect(await runTrayAction('restart-to-update', target)).toBe(false);
    expect(
      await runTrayAction('restart-to-update', { ...target, restartToUpdate: () => restarts.push('restart') }),
    ).toBe(true);
    expect(restarts).toEqual(['restart']);
  });
});
