// The demo's simulator started ahead (the web shell does it while its sign-in page loads): "Try the
// demo" then uses that one, a console without the demo never starts it, and a failed start ahead
// is logged and tried again on the agent's click.
import { describe, expect, it } from 'vitest';

import { createDemo } from '../../src/main/demo';
import type { Simulator, SimulatorControl } from '../../src/simulator/types';
import { recordingLog } from './recording-core';

function setup(offered = true, failFirst = false) {
  let started = 0;
  let closed = 0;
  const startSimulator = async (): Promise<Simulator> => {
    started += 1;
    if (failFirst && started === 1) throw new Error('port in use');
    return {
      url: `http://127.0.0.1:${4000 + started}`,
      port: 4000 + started,
      control: {} as SimulatorControl,
      close: async () => {
        closed += 1;
      },
    };
  };
  const signIns: string[] = [];
  const core = {
    signIn: async (args: { serverUrl: string }) => {
      signIns.push(args.serverUrl);
      return { serverUrl: args.serverUrl, userName: 'demo', accounts: [], accountId: 'acct-north', demo: true };
    },
    selectAccount: async () => {
      throw new Error('not asked');
    },
  };
  const { log, lines } = recordingLog();
  const demo = createDemo({ core, startSimulator, log, offered });
  return { demo, signIns, lines, started: () => started, closed: () => closed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the demo started ahead', () => {
  it('"Try the demo" signs in to the simulator started ahead, not a second one', async () => {
    const d = setup();
    d.demo.prepare();
    await settle();
    expect(d.started()).toBe(1);
    await d.demo.signIn();
    expect(d.started()).toBe(1);
    expect(d.signIns).toEqual(['http://127.0.0.1:4001']);
    await d.demo.stop();
    expect(d.closed()).toBe(1);
  });

  it('a console that does not offer the demo never starts it', async () => {
    const d = setup(false);
    d.demo.prepare();
    await settle();
    expect(d.started()).toBe(0);
  });

  it('a failed start ahead is logged, and the click starts it again', async () => {
    const d = setup(true, true);
    d.demo.prepare();
    await settle();
    await settle();
    expect(d.lines.some((l) => l.level === 'warn' && l.message.includes('did not start ahead'))).toBe(true);
    await d.demo.signIn();
    expect(d.started()).toBe(2);
    expect(d.signIns).toEqual(['http://127.0.0.1:4002']);
  });
});
