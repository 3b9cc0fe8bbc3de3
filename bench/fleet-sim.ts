// The fleet benchmark's server: one simulator process (realtime clock, strict, pages capped at 100)
// with `agents` users on one account, `live` sessions and `ended` calls ended earlier today that stay
// in the live set all day, steered over POST /__sim/control. Prints SIM_URL=<url>.
// `node --import tsx bench/fleet-sim.ts <agents> <live> <ended>`
import { startSimulator, STRICT } from '../src/simulator/index';
import type { SimUser } from '../src/simulator/types';
import { ACCOUNT } from './core-rig';

const [agents = 1, live = 0, ended = 0] = process.argv.slice(2).map(Number);

/** Agent `i`'s sign-in: one user each, all on the same account. */
export function fleetUser(i: number): SimUser {
  const n = String(i + 1).padStart(3, '0');
  return {
    userName: `agent${n}@evovoice.example`,
    password: `agent-${n}-password`,
    displayName: `Agent ${n}`,
    userId: `user-agent-${n}`,
    accountIds: [ACCOUNT],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sim = await startSimulator({
    clock: 'realtime',
    scenario: false,
    seed: 25,
    // The consoles run on the real clock: the server's "today" must be theirs.
    startTime: Date.now(),
    strictness: STRICT,
    users: Array.from({ length: agents }, (_, i) => fleetUser(i)),
    archiveAfterMinutes: 24 * 60,
    httpControl: true,
  });
  sim.control.loadSessions(live, { accountId: ACCOUNT, endedToday: ended });
  process.stdout.write(`SIM_URL=${sim.url}\n`);
  process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
}
