// What bench/page/probe.js records in a page (window.__probe), and where the script is.
import { fileURLToPath } from 'node:url';

export const PROBE_SCRIPT = fileURLToPath(new URL('./page/probe.js', import.meta.url));

export interface FrameTiming {
  /** Script of the task that applied the patch (message handler, framework flush, DOM writes). */
  scriptMs: number;
  /** Style, layout and paint of the frame that showed it. */
  renderMs: number;
  /** scriptMs + renderMs. */
  workMs: number;
  /** From the patch reaching the page to the frame being painted (includes waiting for vsync). */
  latencyMs: number;
}

export interface SnapshotFrame {
  /** performance.now() when it reached the page. */
  at: number;
  /** The UTF-8 bytes of every frame that carried its rows (the first answer and the chunks). */
  bytes: number;
  /** How many frames that was. */
  frames: number;
  /** True once they hold every row the first one announced. */
  complete: boolean;
  /** True when it holds the live board (pushed live:snapshot or the answer to state:get). */
  board: boolean;
}

export interface Probe {
  /** performance.now() (from navigation start) when the first row was painted. */
  firstRowPaint?: number;
  rowsAtFirstPaint?: number;
  /** When the page's script opened its WebSocket (the bundle has loaded and run). */
  socketAt?: number;
  frames: FrameTiming[];
  /** The frames that carried the board's rows in this page load (the first answer and the chunks). */
  snapshot(): SnapshotFrame | undefined;
  /** Times the frame that follows the current task; called at the start of that task. */
  measureFrame(): void;
  /** The console's WebSocket to its web shell (for a poll:now request). */
  socket?: WebSocket;
}
