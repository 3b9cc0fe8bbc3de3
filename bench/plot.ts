// Small hand-written SVG line charts for the benchmark results (no plotting library needed).

export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  series: Series[];
  /** A horizontal reference line, e.g. a target. */
  rule?: { y: number; label: string };
}

const W = 640;
const H = 380;
const LEGEND_LINE = 18;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function scale(values: number[], log: boolean, from: number, to: number): (v: number) => number {
  const f = (v: number) => (log ? Math.log10(v) : v);
  let lo = Math.min(...values.map(f));
  let hi = Math.max(...values.map(f));
  if (!log) lo = Math.min(0, lo);
  if (hi === lo) hi = lo + 1;
  return (v) => from + ((f(v) - lo) / (hi - lo)) * (to - from);
}

function ticks(values: number[], log: boolean): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
    return out.filter((t) => t >= lo / 1.0001 && t <= hi * 1.0001);
  }
  const top = Math.max(hi, 0);
  const step = 10 ** Math.floor(Math.log10(top / 4 || 1));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => top / s <= 6) ?? step * 10;
  const out: number[] = [];
  for (let t = 0; t <= top * 1.0001; t += nice) out.push(Number(t.toPrecision(6)));
  return out;
}

export function lineChart(chart: Chart): string {
  /** The legend sits between the title and the plot, so that it never hides a line. */
  const M = { left: 70, right: 40, top: 44 + chart.series.length * LEGEND_LINE, bottom: 50 };
  const xs = chart.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...chart.series.flatMap((s) => s.points.map((p) => p.y)), ...(chart.rule ? [chart.rule.y] : [])];
  const x = scale(xs, chart.logX ?? false, M.left, W - M.right);
  const y = scale(ys, chart.logY ?? false, H - M.bottom, M.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(chart.title)}</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`,
  ];
  for (const t of ticks(ys, chart.logY ?? false)) {
    const ty = y(t).toFixed(1);
    out.push(`<line x1="${M.left}" y1="${ty}" x2="${W - M.right}" y2="${ty}" stroke="#eee"/>`);
    out.push(
      `<text x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t.toLocaleString('en-US')}</text>`,
    );
  }
  for (const t of ticks(xs, chart.logX ?? false)) {
    out.push(
      `<text x="${x(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${t.toLocaleString('en-US')}</text>`,
    );
  }
  out.push(`<text x="${W / 2}" y="${H - 12}" text-anchor="middle">${esc(chart.xLabel)}</text>`);
  out.push(
    `<text x="16" y="${H / 2}" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">${esc(chart.yLabel)}</text>`,
  );
  if (chart.rule) {
    const ry = y(chart.rule.y).toFixed(1);
    out.push(`<line x1="${M.left}" y1="${ry}" x2="${W - M.right}" y2="${ry}" stroke="#c00" stroke-dasharray="6 4"/>`);
    out.push(
      `<text x="${W - M.right - 4}" y="${(y(chart.rule.y) - 5).toFixed(1)}" text-anchor="end" fill="#c00">${esc(chart.rule.label)}</text>`,
    );
  }
  chart.series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    out.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
    for (const p of s.points)
      out.push(`<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = 36 + i * LEGEND_LINE;
    out.push(`<rect x="${M.left + 10}" y="${ly - 5}" width="12" height="3" fill="${s.color}"/>`);
    out.push(`<text x="${M.left + 28}" y="${ly}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
