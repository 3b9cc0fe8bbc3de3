// Starts a simulated Evo Voice API on loopback for tests, benchmarks and the demo mode.
import type { AddressInfo } from 'node:net';

import { createControl } from './control';
import { createSimulatorServer } from './server';
import { parseStrictness, STRICT } from './strictness';
import type { Simulator, SimulatorOptions } from './types';
import { World } from './world';

export { LENIENT, parseStrictness, STRICT } from './strictness';
export type * from './types';
export { DEMO_USER } from './types';

/**
 * For callers that give no `strictness`: unset, the server is STRICT (as hard on a client as a real
 * ServiceStack server); `0` makes it LENIENT; a list of switches goes on top of LENIENT.
 */
export const STRICT_ENV = 'EVO_SIM_STRICT';

function defaultStrictness(): SimulatorOptions['strictness'] {
  const spec = process.env[STRICT_ENV];
  return spec === undefined ? { ...STRICT } : parseStrictness(spec);
}

const REALTIME_TICK_MS = 250;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const world = new World({ ...options, strictness: options.strictness ?? defaultStrictness() });
  const control = createControl(world);
  const server = createSimulatorServer(world, options.httpControl === true ? control : undefined);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const ticker = world.realtime ? setInterval(() => world.sync(), REALTIME_TICK_MS) : undefined;
  ticker?.unref();
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    control,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        for (const timer of world.pendingTimers) clearTimeout(timer);
        world.pendingTimers.clear();
        server.close((e) => (e === undefined ? resolve() : reject(e)));
        server.closeAllConnections();
      })),
  };
}
