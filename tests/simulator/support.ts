// What the simulator tests share: a started simulator, the demo user's credentials, JSON over fetch,
// and the recursive key-set comparison against the vendor's samples.
import { readFileSync } from 'node:fs';

import { LENIENT, type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index';
import { DEMO_USER } from '../../src/simulator/types';

export const START = Date.parse('2026-11-23T10:00:00.000Z');

export const basic = (userName = DEMO_USER.userName, password = DEMO_USER.password): string =>
  `Basic ${Buffer.from(`${userName}:${password}`).toString('base64')}`;

/** A manual-clock simulator; lenient unless `strictness` says otherwise, whatever EVO_SIM_STRICT holds. */
export function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({
    clock: 'manual',
    scenario: false,
    seed: 1,
    startTime: START,
    strictness: LENIENT,
    ...options,
  });
}

/** Answers are read loosely: each test asserts the shape it cares about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface JsonAnswer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** A request as the demo user (Basic auth unless headers say otherwise), answer parsed as JSON. */
export async function call<T = Json>(sim: Simulator, path: string, init: RequestInit = {}): Promise<JsonAnswer<T>> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization') && !headers.has('cookie')) headers.set('authorization', basic());
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(sim.url + path, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths of keys in `actual` that `sample` does not have (recursively; dictionaries excepted). */
export function extraKeys(actual: unknown, sample: unknown, path = ''): string[] {
  if (Array.isArray(actual)) {
    const model: unknown = Array.isArray(sample) ? sample[0] : undefined;
    return model === undefined ? [] : actual.flatMap((item, i) => extraKeys(item, model, `${path}[${i}]`));
  }
  if (!isObject(actual) || !isObject(sample) || path.endsWith('applicationData')) return [];
  return Object.keys(actual).flatMap((key) =>
    key in sample
      ? extraKeys(actual[key], sample[key], path ? `${path}.${key}` : key)
      : [path ? `${path}.${key}` : key],
  );
}
