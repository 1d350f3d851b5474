/**
 * How screens come back after the server restarts. Hundreds of displays,
 * kiosks and consoles lose the server at the same instant; if they all came
 * back on a fixed schedule they would hit the restarted process together.
 * Every delay is therefore exponential and jittered (±50 %).
 */

export interface ReconnectPolicy {
  /** First delay; doubles per failed attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0.5 → each delay is drawn from [0.5 × d, 1.5 × d]. */
  jitter: number;
}

// Capped at 3 s (±50 %): every screen is back within ~5 s of the server, still spread over seconds.
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = { baseDelayMs: 1_000, maxDelayMs: 3_000, jitter: 0.5 };

/** The same policy in socket.io-client's own words (its Manager does the backoff for lost transports). */
export function socketIoBackoffOptions(policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY) {
  return {
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: policy.baseDelayMs,
    reconnectionDelayMax: policy.maxDelayMs,
    randomizationFactor: policy.jitter,
  };
}

/** Delay before attempt `attempt` (0-based), with `random` in [0, 1). */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT_POLICY, random: number = Math.random()): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  const spread = exponential * policy.jitter * (2 * random - 1);
  return Math.max(0, Math.round(Math.min(policy.maxDelayMs * (1 + policy.jitter), exponential + spread)));
}

/**
 * Handshake refusals no redial can cure: the session is gone (signed out, ended by a password change or an
 * admin, expired) or still on a one-time password. The page must sign in again; redialing would only knock
 * on the server every few seconds forever. Every other refusal, and every network fault, is redialed.
 */
export const SESSION_REFUSALS: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED']);

/** Whether a failed handshake (socket.io-client's `connect_error`) is worth another try. */
export function redialsAfter(refusal: { message?: string }): boolean {
  return !SESSION_REFUSALS.has(refusal.message ?? '');
}
