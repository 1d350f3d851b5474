import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host on a fixed beat and holds the time of the last beat:
 * screen clocks and elapsed-time counters share one way of ticking, started on
 * connect and stopped on disconnect so a removed element leaves no timer behind.
 */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs = 1000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
