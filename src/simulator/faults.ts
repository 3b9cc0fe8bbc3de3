// Injected failures: which request a fault strikes (by count or seeded rate) and how a drifted
// body looks (an unknown enum name, an extra field, optional fields left out).
import { Random } from './random';
import type { Fault, FaultKind, SimEndpoint } from './types';

/** The transient fault kinds: a client rides them out without the agent (what a chaos run draws from). */
export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'hang',
  'error-500',
  'bad-gateway-html',
  'rate-limit',
  'malformed-json',
  'truncated-json',
  'reset',
  'drift-enum',
  'drift-extra-field',
  'drift-missing-field',
];

/** Faults a test aims at one defect (they end in asking the agent, or change a call): chaos runs leave them out. */
export const TARGETED_FAULT_KINDS: readonly FaultKind[] = [
  'unauthorized',
  'proxy-html-401',
  'proxy-redirect',
  'patch-ignored',
];
const ALL_FAULT_KINDS = [...FAULT_KINDS, ...TARGETED_FAULT_KINDS];

/** Faults the route itself carries out, with the request in hand. */
export const ROUTE_FAULTS: ReadonlySet<FaultKind> = new Set(['patch-ignored']);

/** Faults that change a successful body instead of replacing the answer. */
export const BODY_FAULTS: ReadonlySet<FaultKind> = new Set([
  'malformed-json',
  'truncated-json',
  'drift-enum',
  'drift-extra-field',
  'drift-missing-field',
]);

export const UNKNOWN_CALL_STATE = 'Parked';
export const EXTRA_FIELD = 'sentimentScore';
export const MISSING_FIELDS = ['fromName', 'displayName', 'customerName', 'members', 'log'] as const;

interface Armed {
  fault: Fault;
  left?: number;
}

export class FaultPlan {
  private armed: Armed[] = [];
  private readonly rng: Random;

  constructor(seed: number) {
    this.rng = new Random(seed ^ 0x5eed_fa17);
  }

  add(fault: Fault): void {
    if (!ALL_FAULT_KINDS.includes(fault.kind))
      throw new Error(`Unknown fault kind '${String(fault.kind)}': use one of ${ALL_FAULT_KINDS.join(', ')}`);
    if (fault.rate !== undefined && !(fault.rate >= 0 && fault.rate <= 1))
      throw new Error('A fault rate is a fraction from 0 to 1');
    if (fault.count !== undefined && !(Number.isInteger(fault.count) && fault.count >= 1))
      throw new Error('A fault count is a whole number of at least 1');
    this.armed.push({ fault: { ...fault }, left: fault.count });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault that strikes this request, if any; a counted fault is used up as it strikes. */
  draw(endpoint: SimEndpoint): Fault | undefined {
    for (const item of this.armed) {
      if (item.fault.endpoint !== '*' && item.fault.endpoint !== endpoint) continue;
      if (item.left !== undefined) {
        item.left -= 1;
        if (item.left === 0) this.armed.splice(this.armed.indexOf(item), 1);
        return item.fault;
      }
      if (item.fault.rate === undefined || this.rng.next() < item.fault.rate) return item.fault;
    }
    return undefined;
  }
}

function entities(body: Record<string, unknown>): Array<Record<string, unknown>> {
  for (const key of ['items', 'calls'] as const) {
    const list = body[key];
    if (Array.isArray(list)) return list as Array<Record<string, unknown>>;
  }
  return [body];
}

/** A copy of `body` as a newer or sloppier server would send it. */
export function drift(kind: FaultKind, body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const e of entities(copy)) {
    if (kind === 'drift-enum' && 'callState' in e) e.callState = UNKNOWN_CALL_STATE;
    if (kind === 'drift-extra-field') e[EXTRA_FIELD] = 0.82;
    if (kind === 'drift-missing-field') for (const field of MISSING_FIELDS) delete e[field];
  }
  return copy;
}
