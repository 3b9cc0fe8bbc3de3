// The composed sign-in both shells use: a real server or signing out ends the demo, in that order.
import { describe, expect, it } from 'vitest';

import { composeSignIn } from '../../src/main/sign-in';
import { recordingCore, recordingDemo } from './recording-core';

const SERVER = { serverUrl: 'https://evovoice.io', userName: 'agent7', password: 'pw', remember: false };

function setup(overrides: Parameters<typeof recordingCore>[0] = {}) {
  const { core, calls } = recordingCore(overrides);
  const demo = recordingDemo();
  const order: string[] = [];
  const signIn = composeSignIn(
    {
      signIn: async (...args) => {
        order.push('core.signIn');
        return core.signIn(...args);
      },
      signOut: async () => {
        order.push('core.signOut');
        return core.signOut();
      },
    },
    {
      offered: demo.demo.offered,
      signIn: async () => {
        order.push('demo.signIn');
        return demo.demo.signIn();
      },
      stop: async () => {
        order.push('demo.stop');
        return demo.demo.stop();
      },
    },
  );
  return { signIn, calls, order };
}

describe('composed sign-in', () => {
  it('signing in to a real server stops the demo once the server let the agent in', async () => {
    const { signIn, calls, order } = setup();
    await signIn.toServer(SERVER);
    expect(order).toEqual(['core.signIn', 'demo.stop']);
    expect(calls).toEqual([{ method: 'signIn', args: [SERVER] }]);
  });

  it('a refused real sign-in leaves the running demo alone', async () => {
    const refused = Object.assign(new Error('Wrong password'), { code: 'password-rejected' });
    const { signIn, order } = setup({ signIn: () => Promise.reject(refused) });
    await expect(signIn.toServer(SERVER)).rejects.toBe(refused);
    expect(order).toEqual(['core.signIn']);
  });

  it('signing out signs the core out, then stops the demo', async () => {
    const { signIn, order } = setup();
    await signIn.signOut();
    expect(order).toEqual(['core.signOut', 'demo.stop']);
  });

  it('the demo signs in through the demo, and says whether it is offered', async () => {
    const { signIn, order } = setup();
    expect(signIn.demoOffered).toBe(true);
    await expect(signIn.toDemo()).resolves.toMatchObject({ demo: true });
    expect(order).toEqual(['demo.signIn']);
  });
});
