// The update flow on the console core: a live call or an unsent console-data edit (any state but
// saved) holds the restart back; otherwise the core is stopped (outbox saved) before installing,
// and the dispatcher answers "Restart to update" from the status bar with the same rules.
import { describe, expect, it } from 'vitest';

import { createDispatcher } from '../../src/main/ipc/dispatch';
import { composeSignIn } from '../../src/main/sign-in';
import { setupUpdates } from '../../src/main/updates/setup-updates';
import type { UpdateStatus } from '../../src/main/updates/update-rules';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-constants';
import type { ConsoleDataStatus } from '../../src/shared/live';
import { recordingCore, recordingDemo, recordingLog, signedOutState } from '../shell/recording-core';

function console(callState: string | undefined, edits: ConsoleDataStatus['state'][]) {
  const order: string[] = [];
  const core = {
    getSettings: () => DEFAULT_SETTINGS,
    getState: () => ({
      ...signedOutState(),
      consoleData: Object.fromEntries(edits.map((state, i) => [`s${i}`, { sessionId: `s${i}`, state }])),
    }),
    getSnapshot: () => ({ version: 1, sessions: callState ? [{ id: 'c1', callState }] : [], activity: [] }) as never,
    stop: async () => void order.push('core.stop'),
  };
  const statuses: UpdateStatus[] = [];
  const shown: string[] = [];
  const updates = setupUpdates({
    core,
    policy: { updateUrl: 'https://updates.example.com/console' },
    host: {},
    source: { check: async () => '0.2.0', download: async () => undefined, install: () => void order.push('install') },
    clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined },
    log: recordingLog().log,
    notifier: { show: (n) => void shown.push(n.title) },
    onStatus: (s) => statuses.push(s),
  });
  return { updates, order, statuses, shown };
}

describe('updates on the console core', () => {
  it('notifies once the update is downloaded', async () => {
    const { updates, statuses, shown } = console(undefined, []);
    await updates.checkNow();
    expect(statuses.at(-1)).toEqual({ phase: 'ready', version: '0.2.0' });
    expect(shown).toEqual(['Evo Voice Console 0.2.0 is ready']);
  });

  it('holds the restart during a live call and while an edit is saving, waiting or failed', async () => {
    for (const [call, edits] of [
      ['Connected', []],
      ['Hold', ['saved']],
      [undefined, ['saving']],
      [undefined, ['saved', 'waiting-for-network']],
      [undefined, ['failed']],
    ] as const) {
      const { updates, order } = console(call, [...edits]);
      await updates.checkNow();
      expect(await updates.restart()).toMatchObject({ restarting: false });
      expect(order).toEqual([]);
    }
  });

  it('stops the core (outbox saved) before installing when nothing is in flight', async () => {
    const { updates, order } = console('Completed', ['saved']);
    await updates.checkNow();
    expect(await updates.restart()).toEqual({ restarting: true });
    expect(order).toEqual(['core.stop', 'install']);
  });

  it('answers Restart to update from the status bar through the dispatcher', async () => {
    const { updates } = console('Connected', []);
    await updates.checkNow();
    const core = recordingCore({ getState: () => signedOutState() }).core;
    const deps = { log: recordingLog().log, signIn: composeSignIn(core, recordingDemo().demo), versions: () => ({}) };
    const withUpdates = createDispatcher(core, { ...deps, restartToUpdate: () => updates.restart() });
    expect(await withUpdates('app:restart-to-update', {})).toEqual({
      ok: true,
      value: { restarting: false, reason: expect.stringMatching(/call is live/) },
    });
    expect(await createDispatcher(core, deps)('app:restart-to-update', {})).toEqual({
      ok: true,
      value: { restarting: false, reason: 'This console does not update itself.' },
    });
  });
});
