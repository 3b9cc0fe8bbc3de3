// A simulator in a process of its own, steered over POST /__sim/control, so that a benchmark's
// heap holds only the core: `node --import tsx bench/sim-process.ts <startTime> <warm-up ms>`
// runs the call-centre scenario on a manual clock for the warm-up, then prints SIM_URL=<url>.
import { startSimulator } from '../src/simulator/index';

const startTime = Number(process.argv[2]);
const warmUp = Number(process.argv[3] ?? 0);
const sim = await startSimulator({ clock: 'manual', scenario: true, seed: 15, startTime, httpControl: true });
sim.control.advance(warmUp);
process.stdout.write(`SIM_URL=${sim.url}\n`);
process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
