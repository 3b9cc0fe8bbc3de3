// Injected into a page before its own scripts (Playwright addInitScript; plain JS so that no
// compiler helper leaks in): when the first call row is painted, and the main-thread work of each
// frame that applies a live patch. Read back as window.__probe (see bench/page-probe.ts).
(() => {
  /** The largest frame received before the first row was painted. */
  let largest;
  const probe = { frames: [], measureFrame, snapshot };
  window.__probe = probe;

  /** When the frame carrying the first snapshot arrived, its size in UTF-8 bytes, and whether it holds the board. */
  function snapshot() {
    if (!largest) return undefined;
    const { at, text } = largest;
    const board = text.slice(0, 60).includes('"event":"live:snapshot"') || text.includes('"snapshot":{');
    return { at, bytes: new TextEncoder().encode(text).length, board };
  }

  /** From a requestAnimationFrame callback: `done` runs once this frame's style, layout and paint are done. */
  function afterThisFrame(done) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  }

  /** When the next frame has been painted. */
  function afterPaint(done) {
    requestAnimationFrame(() => afterThisFrame(done));
  }

  /** Call at the start of the task that changes the DOM: times that task and the frame after it. */
  function measureFrame() {
    const start = performance.now();
    let taskEnd;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (taskEnd ??= performance.now());
    channel.port2.postMessage(0);
    requestAnimationFrame(() => {
      const frame = performance.now();
      const scriptEnd = Math.min(taskEnd ?? frame, frame);
      // Not afterPaint: that would wait for the frame after this one and count the wait as render.
      afterThisFrame((painted) => {
        const scriptMs = scriptEnd - start;
        const renderMs = painted - frame;
        probe.frames.push({ scriptMs, renderMs, workMs: scriptMs + renderMs, latencyMs: painted - start });
      });
    });
  }

  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-session-id]')) return;
    observer.disconnect();
    afterPaint((at) => {
      probe.firstRowPaint = at;
      probe.rowsAtFirstPaint = document.querySelectorAll('[data-session-id]').length;
    });
  });
  observer.observe(document, { childList: true, subtree: true });

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      probe.socketAt ??= performance.now();
      probe.socket = this;
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        if (event.data.slice(0, 60).includes('"event":"live:patch"')) measureFrame();
        // The snapshot comes pushed (live:snapshot) or inside the answer to state:get: before the
        // first paint, it is the largest frame. Only a reference is kept here; snapshot() measures it.
        if (probe.firstRowPaint === undefined && event.data.length > (largest?.text.length ?? 0))
          largest = { at: performance.now(), text: event.data };
      });
    }
  };
})();
