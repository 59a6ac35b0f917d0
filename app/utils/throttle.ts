// Login throttling: too many failures for one username or from one address in a window → wait.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * `failureTimes` are the epoch-ms times of failed attempts for one key (username or IP).
 * Once `max` failures fall inside the window, the key waits until the oldest of them leaves it.
 */
export function throttleDecision(
  failureTimes: readonly number[],
  now: number,
  { windowMs = THROTTLE_WINDOW_MS, max = THROTTLE_MAX_FAILURES } = {},
): ThrottleDecision {
  const recent = failureTimes.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < max) return { allowed: true, retryAfterSeconds: 0 };
  const releaseAt = recent[recent.length - max] + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((releaseAt - now) / 1000)) };
}
