// POST /__sim/control {op, args}: the SimulatorControl for another process (only with httpControl).
import { ApiError, badField } from '../errors';
import type { SimulatorControl } from '../types';
import type { Answer } from './route';

export function runControl(control: SimulatorControl, body: Record<string, unknown>): Answer {
  const { op, args } = body;
  if (typeof op !== 'string' || !Object.hasOwn(control, op)) {
    throw badField('op', `op must be one of ${Object.keys(control).join(', ')}`);
  }
  if (args !== undefined && !Array.isArray(args)) throw badField('args', 'args must be an array');
  const run = control[op as keyof SimulatorControl] as (...a: unknown[]) => unknown;
  try {
    return { status: 200, body: { result: run(...(args ?? [])) ?? null } };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'ControlFailed', e instanceof Error ? e.message : String(e));
  }
}
