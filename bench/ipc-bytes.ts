// Benchmark 2: bytes the core sends over IPC per poll at 1,000 sessions (every event, serialised
// as the web shell frames it), unchanged and with one call changed, against the full snapshot.
import { sendCoreEvent } from '../src/main/ipc/events';
import { startSimulator } from '../src/simulator/index';
import { ACCOUNT, START, startCoreRig } from './core-rig';
import { summarize } from './stats';
import type { Row } from './table';

const SESSIONS = 1000;
const POLLS = 20;

export async function ipcBytes(): Promise<Row[]> {
  const sim = await startSimulator({ clock: 'manual', scenario: false, seed: 12, startTime: START });
  let bytes = 0;
  try {
    sim.control.loadSessions(SESSIONS, { accountId: ACCOUNT });
    const rig = await startCoreRig({
      simUrl: sim.url,
      startTime: sim.control.now(),
      settings: { pollVisibleMs: 5000 },
      onEvent: (event) =>
        sendCoreEvent(event, (name, payload) => {
          bytes += Buffer.byteLength(JSON.stringify({ kind: 'event', event: name, payload }));
        }),
    });
    rig.core.setWindowVisible(true);
    await rig.core.settled();
    const snapshot = rig.core.getSnapshot();
    const snapshotBytes = Buffer.byteLength(
      JSON.stringify({ kind: 'event', event: 'live:snapshot', payload: snapshot }),
    );
    const poll = async () => {
      bytes = 0;
      rig.core.pollNow();
      await rig.core.settled();
      return bytes;
    };
    const unchanged: number[] = [];
    for (let i = 0; i < POLLS; i++) unchanged.push(await poll());
    const oneChange: number[] = [];
    const live = snapshot.sessions.filter((s) => !s.ended);
    for (let i = 0; i < POLLS; i++) {
      const id = live[(i * 37) % live.length]?.id as string;
      const before = sim.control.getSession(id);
      sim.control.updateSession(id, { callState: before?.callState === 'Hold' ? 'Connected' : 'Hold' });
      oneChange.push(await poll());
    }
    await rig.close();
    const u = summarize(unchanged);
    const c = summarize(oneChange);
    const base = { label: `full snapshot, ${snapshot.sessions.length} sessions`, value: snapshotBytes, unit: 'B' };
    return [
      {
        id: '2 unchanged',
        measure: `IPC bytes per poll, nothing changed (${SESSIONS} sessions)`,
        value: u.median,
        unit: 'B',
        spread: `max ${u.max} B over ${POLLS} polls`,
        baseline: base,
        ratio: u.median / snapshotBytes,
        target: '0 B',
        met: u.max === 0,
      },
      {
        id: '2 one change',
        measure: `IPC bytes per poll, one call changed (${SESSIONS} sessions)`,
        value: c.median,
        unit: 'B',
        spread: `max ${c.max} B over ${POLLS} polls`,
        baseline: base,
        ratio: c.median / snapshotBytes,
        target: '< 1% of snapshot',
        met: c.max < snapshotBytes / 100,
      },
    ];
  } finally {
    await sim.close();
  }
}
