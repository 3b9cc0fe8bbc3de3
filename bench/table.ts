// One benchmark result row, the table `npm run bench` prints, and the JSON it keeps.

export interface Row {
  /** Benchmark number and case, e.g. "1 10k changed". */
  id: string;
  measure: string;
  /** Undefined when the benchmark could not run; `note` says why. */
  value?: number;
  unit: string;
  /** Spread over repeated runs, in words ("IQR 1.1–1.3 ms over 7 runs"). */
  spread?: string;
  baseline?: { label: string; value: number; unit: string };
  /** value / baseline, when both are in the same unit. */
  ratio?: number;
  target?: string;
  /** Undefined when the row is reported only. */
  met?: boolean;
  note?: string;
  /** When and at what load this row was measured (`latest.json` mixes runs: `--only`, `bench:fleet`). */
  measured?: string;
}

export interface Results {
  date: string;
  machine: Machine;
  seconds: number;
  rows: Row[];
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  /** 1-minute load average before and after the run: how busy the machine was. */
  load: [number, number];
}

export function fmt(value: number | null | undefined, unit = ''): string {
  // null: a NaN that went through latest.json (JSON has no NaN), read back by `--only`.
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

function cells(row: Row): string[] {
  const result = row.value === undefined ? 'not run' : fmt(row.value, row.unit);
  const baseline = row.baseline ? `${fmt(row.baseline.value, row.baseline.unit)} (${row.baseline.label})` : '—';
  const ratio =
    row.ratio === undefined || row.ratio === null
      ? '—'
      : row.ratio < 0.01
        ? `${Number((row.ratio * 100).toPrecision(2))}%`
        : `${row.ratio.toFixed(2)}×`;
  const met = row.met === undefined ? 'report' : row.met ? 'met' : 'MISSED';
  return [row.id, row.measure, result, row.spread ?? '', baseline, ratio, row.target ?? '—', met];
}

const HEAD = ['#', 'measure', 'median', 'spread', 'baseline (same run)', 'ratio', 'target', ''];

/** A plain-text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.id}: ${r.note}`);
  return [
    line(HEAD),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (c: string) => c.replaceAll('|', '\\|');
  return [
    `| ${HEAD.map(escape).join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(escape).join(' | ')} |`),
  ].join('\n');
}
