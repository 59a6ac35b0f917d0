// Login throttling, in two parts:
// - per address: a high limit (100 failures in 15 minutes), so that one county government behind one
//   NAT address is not locked out by one colleague mistyping, but a password sprayer is stopped;
// - per account: after 5 failures since the last success, each further attempt waits 2^n seconds
//   (2, 4, 8 … capped at 15 minutes) counted from the last failure; the right password after the wait
//   logs in. Every attempt is recorded as a failure BEFORE the password is checked (see login()).
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ADDRESS_MAX_FAILURES = 100;
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_MAX_DELAY_SECONDS = 15 * 60;
/** Account failures older than this are forgotten even without a success in between. */
export const ACCOUNT_MEMORY_MS = 24 * 60 * 60 * 1000;

export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

const ALLOWED: ThrottleDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * `failureTimes`: epoch-ms times of failed attempts from one address. Once `max` of them fall inside
 * the window, the address waits until the oldest of those leaves it.
 */
export function addressDecision(
  failureTimes: readonly number[],
  now: number,
  { windowMs = THROTTLE_WINDOW_MS, max = ADDRESS_MAX_FAILURES } = {},
): ThrottleDecision {
  const recent = failureTimes.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < max) return ALLOWED;
  const releaseAt = recent[recent.length - max] + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((releaseAt - now) / 1000)) };
}

/** The wait after `failures` failures of one account: none for the first five, then 2, 4, 8 … seconds, capped. */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_SECONDS, 2 ** (failures - ACCOUNT_FREE_FAILURES + 1));
}

/** `failureTimes`: epoch-ms times of one account's failures since its last successful log-in. */
export function accountDecision(failureTimes: readonly number[], now: number): ThrottleDecision {
  const delay = accountDelaySeconds(failureTimes.length);
  if (delay === 0) return ALLOWED;
  const waitUntil = Math.max(...failureTimes) + delay * 1000;
  if (now >= waitUntil) return ALLOWED;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((waitUntil - now) / 1000)) };
}
