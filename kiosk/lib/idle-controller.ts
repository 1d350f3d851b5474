/**
 * Returns a kiosk screen to its start after a period without touches, so the next
 * citizen never finds someone else's half-finished screen. Any pointer, key or
 * input event inside the host restarts the countdown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

export class IdleController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timeoutMs: number | null = null;
  private readonly reset = () => this.restart();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onIdle: () => void,
  ) {
    host.addController(this);
  }

  /** Start (or restart) counting down `ms`; null stops it. */
  arm(ms: number | null): void {
    this.timeoutMs = ms;
    this.restart();
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.reset, { capture: true, passive: true });
    this.restart();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.reset, { capture: true });
    clearTimeout(this.timer);
  }

  private restart(): void {
    clearTimeout(this.timer);
    if (this.timeoutMs === null) return;
    this.timer = setTimeout(() => this.onIdle(), this.timeoutMs);
  }
}
