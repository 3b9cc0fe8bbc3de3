// The largest WebSocket frame the page can need: the JSON of the longest request the IPC contract
// accepts, worked out from the contract's own schemas (their max lengths), so every valid request fits.
import { REQUEST_CHANNELS, requestSchemas } from '../shared/ipc';

/** The parts of a zod 4 schema's definition the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

/** The longest JSON number (-1.7976931348623157e+308). */
const NUMBER_BYTES = 24;
/** A string escapes to at most 6 bytes per UTF-16 unit (\u001f, a lone surrogate), plus its quotes. */
const stringBytes = (units: number) => 2 + 6 * units;

function maxLength(def: Def, where: string): number {
  const max = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
  if (max === undefined) throw new Error(`${where}: the contract sets no maximum length, so no frame limit fits it`);
  return max;
}

/** The most UTF-8 bytes JSON.stringify can give for a value the schema accepts. */
export function maxJsonBytes(def: Def, where: string): number {
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape ?? {});
      const inner = fields.reduce(
        (sum, [key, field]) => sum + stringBytes(key.length) + 1 + maxJsonBytes(field._zod.def, `${where}.${key}`),
        0,
      );
      return 2 + inner + Math.max(0, fields.length - 1);
    }
    case 'optional':
      return maxJsonBytes((def.innerType as { _zod: { def: Def } })._zod.def, where);
    case 'string':
      return stringBytes(maxLength(def, where));
    case 'array': {
      const n = maxLength(def, where);
      return 2 + n * (maxJsonBytes((def.element as { _zod: { def: Def } })._zod.def, `${where}[]`) + 1);
    }
    case 'union':
      return Math.max(...(def.options ?? []).map((o) => maxJsonBytes(o._zod.def, where)));
    case 'enum':
      return Math.max(...Object.values(def.entries ?? {}).map((v) => Buffer.byteLength(JSON.stringify(v))));
    case 'literal':
      return Math.max(...(def.values ?? []).map((v) => Buffer.byteLength(JSON.stringify(v))));
    case 'number':
      return NUMBER_BYTES;
    case 'boolean':
      return 5;
    default:
      throw new Error(`${where}: no frame limit for a ${def.type} in the contract`);
  }
}

/** The JSON of the longest RequestFrame ({"id":…,"channel":…,"args":…}) any channel accepts. */
export function maxRequestFrameBytes(): number {
  const frame = (channel: string) =>
    '{"id":,"channel":,"args":}'.length +
    NUMBER_BYTES +
    stringBytes(channel.length) +
    maxJsonBytes(
      (requestSchemas[channel as keyof typeof requestSchemas] as unknown as { _zod: { def: Def } })._zod.def,
      channel,
    );
  return Math.max(...REQUEST_CHANNELS.map(frame));
}
