// Request fields read the ServiceStack way: keys case-insensitive, typed, bad values refused with 400.
import { badField } from './errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class Params {
  private readonly values = new Map<string, unknown>();

  /** Later sources win: pass the query string first, then the JSON body. */
  constructor(...sources: Array<Iterable<[string, unknown]>>) {
    for (const source of sources) for (const [key, value] of source) this.values.set(key.toLowerCase(), value);
  }

  /** Null and empty values count as absent, except for `text` (an empty note clears it). */
  private raw(name: string): unknown {
    const v = this.values.get(name.toLowerCase());
    return v === '' || v === null ? undefined : v;
  }

  text(name: string): string | undefined {
    const v = this.values.get(name.toLowerCase());
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw badField(name, `${name} must be a string`);
    return v;
  }

  string(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw badField(name, `${name} must be a string`);
    return v;
  }

  int(name: string, min: number): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw badField(name, `${name} must be a whole number of at least ${min}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw(name);
    if (v === undefined || typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|1)$/i.test(v)) return true;
    if (typeof v === 'string' && /^(false|0)$/i.test(v)) return false;
    throw badField(name, `${name} must be true or false`);
  }

  /** Comma-separated (or a JSON array in a body). */
  list(name: string): string[] | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v;
    if (typeof v !== 'string') throw badField(name, `${name} must be a comma-separated list`);
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** YYYY-MM-DD */
  date(name: string): string | undefined {
    const v = this.string(name);
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
      throw badField(name, `${name} must be a date like 2026-11-23`);
    return v;
  }

  /** An ISO date-time, as ms since epoch. */
  dateTime(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) throw badField(name, `${name} must be an ISO date-time like 2026-11-23T14:05:00Z`);
    return ms;
  }

  /** One of `names`; matched case-insensitively, answered in the canonical spelling. */
  enumName<T extends string>(name: string, names: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const found = names.find((n) => n.toLowerCase() === v.toLowerCase());
    if (found === undefined) throw badField(name, `${name} '${v}' is not one of ${names.join(', ')}`);
    return found;
  }
}
