// A ticking "now" for elapsed times: one timer for the whole page, read only by visible rows.
class Clock {
  now = $state(Date.now());
  #started = false;

  start(): void {
    if (this.#started) return;
    this.#started = true;
    setInterval(() => {
      this.now = Date.now();
    }, 1000);
  }
}

export const clock = new Clock();
