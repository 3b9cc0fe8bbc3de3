// Where to put the window at start: the saved bounds if they are on a display that still exists,
// otherwise moved (and shrunk if needed) onto one, so a window never opens off-screen.
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1100, height: 720 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window must lie on a display to count as reachable (enough to grab the title bar). */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
}

function fitInto(size: { width: number; height: number }, area: Rect, at?: { x: number; y: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  const x = at
    ? Math.min(Math.max(at.x, area.x), area.x + area.width - width)
    : area.x + Math.round((area.width - width) / 2);
  const y = at
    ? Math.min(Math.max(at.y, area.y), area.y + area.height - height)
    : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height };
}

function isUsable(r: Rect | undefined): r is Rect {
  return (
    !!r &&
    [r.x, r.y, r.width, r.height].every(Number.isFinite) &&
    r.width >= MIN_SIZE.width / 2 &&
    r.height >= MIN_SIZE.height / 2
  );
}

/**
 * `workAreas` are the displays' work areas, the primary one first. Saved bounds stay as they are
 * when enough of them is on a display; else they are clamped into the display they overlap most,
 * or centred on the primary display.
 */
export function restoreBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!isUsable(saved)) return fitInto(DEFAULT_SIZE, primary);
  let best: { area: Rect; shown: Rect } | undefined;
  for (const area of workAreas) {
    const shown = overlap(saved, area);
    if (!best || shown.width * shown.height > best.shown.width * best.shown.height) best = { area, shown };
  }
  if (best && best.shown.width >= MIN_VISIBLE && best.shown.height >= MIN_VISIBLE) {
    const titleBarOnScreen = saved.y >= best.area.y && saved.y < best.area.y + best.area.height;
    const fits = saved.width <= best.area.width && saved.height <= best.area.height;
    if (titleBarOnScreen && fits) return { ...saved };
    return fitInto(saved, best.area, saved);
  }
  return fitInto(saved, primary);
}
