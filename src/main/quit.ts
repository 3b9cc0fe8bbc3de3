// Quitting: the agent's Quit waits for the core and the demo to stop, at most QUIT_STOP_CAP_MS
// (the outbox is durable, so nothing is lost past the cap). When the session ends (Windows
// shutdown or log-off, macOS log-out, an update restart) the app never holds the quit back: it
// marks itself quitting so windows really close, and stops what it can in the time it gets.
export const QUIT_STOP_CAP_MS = 2000;

export interface QuitDeps {
  /** Stops the core, the demo and the OS hooks; may take long or hang on the network. */
  stop: () => Promise<unknown>;
  /** app.quit(): the second before-quit then passes through. */
  quit: () => void;
  capMs?: number;
}

export interface QuitControl {
  /** The window's close really closes once this is true. */
  readonly quitting: boolean;
  /** For app 'before-quit': holds the first one back until stopped (or the cap), then quits. */
  beforeQuit(event: { preventDefault(): void }): void;
  /** powerMonitor 'shutdown', the window's 'query-session-end'/'session-end', 'before-quit-for-update'. */
  sessionEnding(): void;
}

export function createQuitControl(deps: QuitDeps): QuitControl {
  const capMs = deps.capMs ?? QUIT_STOP_CAP_MS;
  let quitting = false;
  let stopped: Promise<void> | undefined;
  const stopCapped = () => {
    stopped ??= Promise.race([
      deps.stop().then(
        () => undefined,
        () => undefined,
      ),
      new Promise<void>((resolve) => setTimeout(resolve, capMs).unref()),
    ]);
    return stopped;
  };
  let ending = false;
  return {
    get quitting() {
      return quitting;
    },
    beforeQuit(event) {
      quitting = true;
      if (ending) {
        void stopCapped();
        return;
      }
      if (stopped) return;
      event.preventDefault();
      void stopCapped().then(() => deps.quit());
    },
    sessionEnding() {
      ending = true;
      quitting = true;
      void stopCapped();
    },
  };
}
