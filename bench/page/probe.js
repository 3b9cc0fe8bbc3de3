// Injected into a page before its own scripts (Playwright addInitScript; plain JS so that no
// compiler helper leaks in): when the first call row is painted, and the main-thread work of each
// frame that applies a live patch. Read back as window.__probe (see bench/page-probe.ts).
(() => {
  /** Ids of the page's requests that answer board rows: state:get, live:resync, live:rows. */
  const rowRequests = new Set();
  /** Every frame that carried board rows (the first snapshot and its chunks): when, and its text. */
  const rowFrames = [];
  const probe = { frames: [], measureFrame, snapshot };
  window.__probe = probe;

  /** When the first rows arrived, the UTF-8 bytes of every frame of the snapshot, and how many. */
  function snapshot() {
    if (!rowFrames.length) return undefined;
    const encoder = new TextEncoder();
    let bytes = 0;
    for (const f of rowFrames) bytes += encoder.encode(f.text).length;
    const board = rowFrames.some((f) => f.text.includes('"total":{'));
    return { at: rowFrames[0].at, bytes, frames: rowFrames.length, board, complete: complete() };
  }

  /** True once the frames hold every row the first one announced (its totals). */
  function complete() {
    let total;
    let rows = 0;
    for (const f of rowFrames) {
      const frame = JSON.parse(f.text);
      const value = frame.kind === 'event' ? frame.payload : frame.result?.value;
      const answer = value?.snapshot ?? value;
      if (answer?.total) {
        total = answer.total.sessions + answer.total.activity;
        rows = 0;
      }
      rows += (answer?.sessions?.rows?.length ?? 0) + (answer?.activity?.rows?.length ?? 0);
    }
    return total !== undefined && rows >= total;
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
      const send = this.send.bind(this);
      this.send = (data) => {
        try {
          const frame = JSON.parse(data);
          if (['state:get', 'live:resync', 'live:rows'].includes(frame.channel)) rowRequests.add(frame.id);
        } catch {
          // Not a request frame: nothing to note.
        }
        send(data);
      };
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        const head = event.data.slice(0, 60);
        if (head.includes('"event":"live:patch"')) measureFrame();
        // Rows come in the answer to state:get (or live:resync), then in the answers to live:rows;
        // a pushed live:snapshot starts a new load. Only references are kept; snapshot() measures.
        const id = /^\{"kind":"response","id":(\d+)/.exec(head)?.[1];
        if (head.includes('"event":"live:snapshot"') || (id !== undefined && rowRequests.has(Number(id))))
          rowFrames.push({ at: performance.now(), text: event.data });
      });
    }
  };
})();
